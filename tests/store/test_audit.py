from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from seisai.exc import InputError, NotFoundError, StoreError
from seisai.store import Store
from seisai.store.audit import AuditLog, audit_secret, record_hash
from seisai.store.audit_verify import current_anchor, read_anchors, verify, write_anchor

SECRET = b"test-audit-key"


def _log(store: Store, n: int = 0) -> AuditLog:
    log = AuditLog(store, SECRET)
    for i in range(n):
        log.append("match", f"key{i % 2}", {"query": f"name {i}", "results": [{"id": f"e{i}", "score": 0.5}]})
    return log


def _tamper(store: Store, sql: str, **params: object) -> None:
    """Run SQL as an attacker with database access would: first drop the append-only triggers."""
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER IF EXISTS audit_records_no_update"))
            conn.execute(text("DROP TRIGGER IF EXISTS audit_records_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER IF EXISTS audit_records_append_only_rows ON audit_records"))
        conn.execute(text(sql), params)


def test_appended_records_chain_and_verify(store: Store) -> None:
    log = _log(store, 5)
    records = list(log.records())
    assert [r.seq for r in records] == [1, 2, 3, 4, 5]
    assert records[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in zip(records, records[1:], strict=False))
    assert records[2].body == {"query": "name 2", "results": [{"id": "e2", "score": 0.5}]}
    assert log.record(4).actor == "key1"
    head = log.head()
    assert head is not None and (head.seq, head.hash) == (5, records[-1].hash)
    report = verify(log)
    assert report.ok, report.problems
    assert (report.records, report.last_seq, report.head_seq) == (5, 5, 5)


def test_empty_log_verifies(store: Store) -> None:
    report = verify(_log(store))
    assert report.ok and report.records == 0 and report.head_seq == 0


def test_triggers_refuse_update_and_delete(store: Store) -> None:
    _log(store, 2)
    for sql in ("UPDATE audit_records SET actor = 'x' WHERE seq = 1", "DELETE FROM audit_records WHERE seq = 2"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql))
    assert verify(_log(store)).ok


def test_edited_record_is_found(store: Store) -> None:
    log = _log(store, 4)
    _tamper(store, "UPDATE audit_records SET body = :b WHERE seq = 2", b='{"query":"someone else"}')
    report = verify(log)
    assert [(p.seq, "edited" in p.problem) for p in report.problems] == [(2, True)]


def test_edit_rehashed_without_the_key_is_found(store: Store) -> None:
    log = _log(store, 3)
    rec = log.record(2)
    forged = '{"query":"someone else"}'
    digest = record_hash(rec.seq, rec.recorded_at, rec.kind, rec.actor, rec.prev_hash, forged)
    _tamper(store, "UPDATE audit_records SET body = :b, hash = :h WHERE seq = 2", b=forged, h=digest)
    problems = verify(log).problems
    assert any(p.seq == 2 and "MAC" in p.problem for p in problems)
    assert any(p.seq == 3 and "does not point at" in p.problem for p in problems)


def test_deleted_record_in_the_middle_is_found(store: Store) -> None:
    log = _log(store, 5)
    _tamper(store, "DELETE FROM audit_records WHERE seq = 3")
    [problem] = verify(log).problems
    assert problem.seq == 4 and "record 3 missing" in problem.problem


def test_deleted_last_records_are_found_by_the_head(store: Store) -> None:
    log = _log(store, 5)
    _tamper(store, "DELETE FROM audit_records WHERE seq >= 4")
    [problem] = verify(log).problems
    assert problem.seq is None and "ends at 3" in problem.problem and "last 2 record" in problem.problem


def test_forged_head_is_found(store: Store) -> None:
    log = _log(store, 5)
    rec = log.record(3)
    _tamper(store, "DELETE FROM audit_records WHERE seq >= 4")
    _tamper(store, "UPDATE audit_head SET seq = 3, hash = :h", h=rec.hash)
    [problem] = verify(log).problems
    assert "head's MAC" in problem.problem


def test_rolled_back_head_is_found_only_by_an_anchor(store: Store, tmp_path: Path) -> None:
    log = _log(store, 3)
    saved = log.head()
    assert saved is not None
    _log(store, 0).append("check", "key9", {"tx": 1})
    _log(store, 0).append("check", "key9", {"tx": 2})
    anchor = current_anchor(log)
    assert anchor is not None and anchor.seq == 5
    path = tmp_path / "anchors.jsonl"
    write_anchor(path, anchor)
    # An attacker who kept an old copy of the head row cuts the log back to it.
    _tamper(store, "DELETE FROM audit_records WHERE seq > 3")
    _tamper(store, "UPDATE audit_head SET seq = :s, hash = :h, mac = :m", s=saved.seq, h=saved.hash, m=saved.mac)
    assert verify(log).ok  # the database alone cannot tell
    report = verify(log, anchors=read_anchors(path))
    assert [str(p) for p in report.problems] == [
        f"anchor of {anchor.at} names record 5 but the log ends at 3: records were deleted"
    ]


def test_missing_head_row_stops_appends(store: Store) -> None:
    log = _log(store, 1)
    _tamper(store, "DELETE FROM audit_head")
    with pytest.raises(StoreError, match="head row is missing"):
        log.append("match", "k", {})
    assert any("head row is missing" in p.problem for p in verify(log).problems)


def test_wrong_key_fails_every_mac(store: Store) -> None:
    _log(store, 2)
    report = verify(AuditLog(store, b"another key"))
    assert len(report.problems) == 3  # two records and the head
    assert verify(AuditLog(store, b"another key"), check_macs=False).ok


def test_unknown_record_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no audit record 7"):
        _log(store, 1).record(7)


def test_audit_secret_from_env_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEISAI_AUDIT_KEY", raising=False)
    path = tmp_path / "k" / "audit.key"
    monkeypatch.setenv("SEISAI_AUDIT_KEY_FILE", str(path))
    with pytest.raises(InputError, match="no audit key"):
        audit_secret(create=False)
    key = audit_secret()
    assert len(key) == 64 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert audit_secret(create=False) == key
    monkeypatch.setenv("SEISAI_AUDIT_KEY", "from-env")
    assert audit_secret() == b"from-env"


def test_bad_anchor_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "anchors.jsonl"
    path.write_text('{"seq": 1, "hash": "a", "mac": "b"}\nnot json\n')
    with pytest.raises(InputError, match="anchors.jsonl: line 2"):
        read_anchors(path)


WRITER = """
import sys
from seisai.store import Store
from seisai.store.audit import AuditLog
log = AuditLog(Store.open(sys.argv[1]), b"test-audit-key")
for i in range(int(sys.argv[3])):
    log.append("match", sys.argv[2], {"i": i})
"""


@pytest.mark.slow
def test_concurrent_writers_in_several_processes_keep_one_chain(store: Store) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, url, f"w{n}", "40"], env=env, stderr=subprocess.PIPE)
        for n in range(3)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    log = _log(store)
    report = verify(log)
    assert report.ok, report.problems
    assert report.records == 120
    assert {r.actor for r in log.records()} == {"w0", "w1", "w2"}
