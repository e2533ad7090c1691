"""Shared state for commands: the store, and progress bars for long work."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from seisai.cli.output import console_err
from seisai.store import Store, open_store


def get_store(db: str | None = None) -> Store:
    """The store named by ``--db``, else ``$SEISAI_DB``, else the default SQLite file."""
    return open_store(db)


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[object]:
    """A Rich progress bar on standard error; yields a ``(what, done, total)`` callback."""
    if not enabled:
        yield lambda what, done, total: None
        return
    if os.environ.get("SEISAI_PROGRESS") == "plain":
        # One line per step on standard error: for logs, CI and tests that follow progress.
        def plain(what: str, done: int, total: int) -> None:
            sys.stderr.write(f"{what}: {done}/{total}\n")
            sys.stderr.flush()

        yield plain
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console_err,
        transient=True,
    ) as bar:
        task = bar.add_task("starting", total=1)

        def update(what: str, done: int, total: int) -> None:
            bar.update(task, description=what[:70], completed=done, total=max(total, 1))

        yield update
