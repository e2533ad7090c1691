"""Database fixtures (``db_url``, ``store``): every test that takes them runs on SQLite and on
PostgreSQL. Loaded for the whole suite by ``pytest_plugins`` in ``tests/conftest.py``, so the
store, API and CLI tests share them.

PostgreSQL is the server on 127.0.0.1 (trust auth, as on the CI machine). Each xdist worker
gets its own database, emptied before each test. When the server cannot be reached the
PostgreSQL cases are skipped, unless ``SEISAI_REQUIRE_POSTGRES=1`` (set by CI), in which case
they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from seisai.store import Store
from seisai.store.schema import metadata

PG_SERVER = os.environ.get("SEISAI_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def _pg_database(worker: str) -> str:
    name = f"seisai_test_{worker}"
    try:
        admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    except Exception as exc:  # the server is not there
        if os.environ.get("SEISAI_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL required but unreachable at {PG_SERVER}: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {PG_SERVER}")
    return f"{PG_SERVER}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, worker_id: str) -> Iterator[str]:
    """A URL of an empty database, on each back end."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    url = _pg_database(worker_id)
    engine = create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()
    yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    yield s
    s.close()
