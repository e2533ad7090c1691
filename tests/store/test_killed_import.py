"""A process killed in the middle of a large import leaves the previous version intact."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from seisai.store import Store
from seisai.store.imports import import_paths
from tests.store.helpers import dump

PROGRESS = re.compile(r"storing (\S+): (\d+)/(\d+)")


@pytest.mark.slow
def test_kill_during_import_keeps_previous_version(store: Store, db_url: str, lists_dir: Path) -> None:
    import_paths(store, [lists_dir / "un" / "UN_consolidated_2024-11-30.xml"])
    before = dump(store)
    env = dict(os.environ, SEISAI_DB=db_url, SEISAI_PROGRESS="plain")
    # Import every list in the folder: several versions, tens of thousands of entities,
    # all in one transaction. Kill the process as soon as part of it has been written.
    proc = subprocess.Popen(
        [sys.executable, "-m", "seisai.cli", "lists", "import", str(lists_dir)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    killed_at = None
    for line in proc.stderr:
        match = PROGRESS.search(line)
        if match and 0 < int(match.group(2)) < int(match.group(3)):
            os.kill(proc.pid, signal.SIGKILL)
            killed_at = line.strip()
            break
    proc.wait(timeout=120)
    proc.stderr.close()
    assert killed_at is not None, "the import finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL
    store.engine.dispose()
    reopened = Store.open(db_url)
    assert dump(reopened) == before, f"store changed after kill at {killed_at!r}"
    # The store still works: the same import now completes.
    report = import_paths(reopened, [lists_dir / "un"])
    assert [r.created for r in report.results] == [False, True]
    reopened.close()
