from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from seisai.api.service import Service
from seisai.api.settings import ApiSettings
from seisai.store import Store
from seisai.store.audit import AuditLog
from seisai.store.imports import import_paths

UN_OLD = "un/UN_consolidated_2024-11-30.xml"
UN_NEW = "un/UN_consolidated_2026-02-27.xml"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SEISAI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SEISAI_AUDIT_KEY", "service-test")
    monkeypatch.setenv("SEISAI_AUDIT_ANCHORS", str(tmp_path / "anchors.jsonl"))
    return tmp_path


def test_workers_follow_list_updates(home: Path, lists_dir: Path) -> None:
    db = f"sqlite:///{home / 's.db'}"
    store = Store.open(db)
    import_paths(store, [lists_dir / UN_OLD])
    service = Service(ApiSettings(db_url=db), store)
    assert not service.ready
    first = service.load()
    assert service.refresh() is False and service.loaded is first
    import_paths(store, [lists_dir / UN_NEW])  # as `seisai lists update` would, from anywhere
    assert service.refresh() is True
    assert service.loaded is not first and service.loaded.matcher.entity("un_sc-110327") is not None
    assert first.matcher.entity("un_sc-110327") is None  # requests in flight keep what they started with


def test_background_thread_loads_and_anchors(home: Path, lists_dir: Path) -> None:
    db = f"sqlite:///{home / 'b.db'}"
    store = Store.open(db)
    import_paths(store, [lists_dir / UN_NEW])
    service = Service(ApiSettings(db_url=db, reload_seconds=0.2, anchor_seconds=0.2), store)
    service.start()
    try:
        deadline = time.monotonic() + 120
        while not service.ready and time.monotonic() < deadline:
            time.sleep(0.1)
        assert service.ready
        AuditLog(store).append("match", "k", {"n": 1})
        anchors = home / "anchors.jsonl"
        while not anchors.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert json.loads(anchors.read_text().splitlines()[-1])["seq"] == 1
    finally:
        service.stop()
    with store.engine.connect() as conn:  # served SQLite: checkpoints in the background, not on requests
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    service.checkpoint()
    AuditLog(store).append("match", "k", {"n": 2})
    service.anchor()
    service.anchor()  # unchanged log: no second line
    assert [json.loads(line)["seq"] for line in anchors.read_text().splitlines()] == [1, 2]


def test_load_error_is_reported_as_not_ready(home: Path) -> None:
    service = Service(ApiSettings(db_url=f"sqlite:///{home / 'empty.db'}", reload_seconds=0.1))
    service.start()
    try:
        deadline = time.monotonic() + 30
        while service.load_error is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        service.stop()
    assert service.load_error is not None and "holds no lists" in service.load_error
    from seisai.api.errors import NotReady

    with pytest.raises(NotReady, match="the lists are not loaded: the store holds no lists"):
        _ = service.loaded
