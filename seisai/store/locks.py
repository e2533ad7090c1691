"""A lock that queues the writers of one SQLite file across processes, without polling.

SQLite lets one writer in at a time; the others wait in its busy handler, which sleeps in
steps of up to 100 ms and retries. Under load (several ``seisai serve`` workers appending to
the audit chain) that sleeping, not the work, makes the slowest requests: a writer may sleep
100 ms for a lock freed after one. An exclusive ``flock`` on a file beside the database
queues the writers in the kernel instead: a waiting writer wakes as soon as the lock is
released. PostgreSQL queues writers on row locks itself, so this does nothing there.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from sqlalchemy import Engine


def lock_path(engine: Engine) -> str | None:
    """The lock file of an SQLite file database, or ``None`` (PostgreSQL, in-memory SQLite)."""
    if engine.url.get_backend_name() != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return f"{database}.writer-lock"


if sys.platform == "win32":  # pragma: no cover - SQLite's busy handler queues the writers

    @contextlib.contextmanager
    def sqlite_writer_lock(engine: Engine) -> Iterator[None]:
        yield

else:
    import fcntl

    @contextlib.contextmanager
    def sqlite_writer_lock(engine: Engine) -> Iterator[None]:
        """Hold the writer lock of ``engine``'s SQLite file for the ``with`` block."""
        path = lock_path(engine)
        if path is None:
            yield
            return
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock
