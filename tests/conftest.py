"""Shared test fixtures.

Fixture strategy:
- Real list snapshots are read from ``../shared/data/lists`` (or ``$SEISAI_LISTS_DIR``), never
  copied into the repository. Tests that need them take the ``lists_dir`` fixture, which skips
  with a clear reason when the folder is absent (CI always has it).
- Small hand-written files in each format live in ``tests/fixtures/sources/``; hostile and
  malformed inputs are built in the tests themselves.
- Every test that needs a store gets a fresh one through the ``store`` fixture (see
  ``tests/db.py``), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"

pytest_plugins = ["tests.db"]  # the db_url and store fixtures, on SQLite and PostgreSQL


def _lists_dir() -> Path:
    env = os.environ.get("SEISAI_LISTS_DIR")
    return Path(env) if env else REPO.parent / "shared" / "data" / "lists"


@pytest.fixture(scope="session")
def lists_dir() -> Path:
    """The folder of real list snapshots; skips the test when it is not there."""
    path = _lists_dir()
    if not path.is_dir():
        pytest.skip(f"real list snapshots not found at {path}")
    return path


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
