"""The SQLite writer lock: where it lives, and that it really excludes a second holder."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from seisai.store.locks import lock_path, sqlite_writer_lock


def test_lock_file_sits_beside_an_sqlite_file_only(tmp_path: Path) -> None:
    assert lock_path(create_engine(f"sqlite:///{tmp_path / 'a.db'}")) == f"{tmp_path / 'a.db'}.writer-lock"
    assert lock_path(create_engine("sqlite://")) is None
    assert lock_path(create_engine("postgresql+psycopg://u@localhost/db")) is None


def test_a_second_holder_waits_while_the_lock_is_held(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'a.db'}")
    path = lock_path(engine)
    assert path is not None
    with sqlite_writer_lock(engine):
        fd = os.open(path, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again once the block is left
    finally:
        os.close(fd)
