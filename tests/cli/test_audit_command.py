from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from seisai.api.datasets import default_catalog
from seisai.api.loaded import Loaded
from seisai.api.screening import match_audit, parse_queries, resolve_options, run_match
from seisai.cli.app import app
from seisai.store import Store
from seisai.store.audit import AuditLog
from seisai.store.imports import import_paths

runner = CliRunner()
KEY = "cli-audit-key"
YAS_AIR = {"q": {"schema": "Organization", "properties": {"name": ["Yas Air"]}}}


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SEISAI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SEISAI_AUDIT_KEY", KEY)
    monkeypatch.setenv("SEISAI_AUDIT_ANCHORS", str(tmp_path / "anchors.jsonl"))
    return tmp_path


def _screen(store: Store, queries: dict[str, dict[str, object]]) -> tuple[int, list[str]]:
    loaded = Loaded.current(store, default_catalog())
    options = resolve_options(loaded, "default", threshold=0.8)
    results = run_match(loaded, options, parse_queries(queries))
    record = AuditLog(store).append("match", "cli-test", match_audit(loaded, options, queries, results, {"path": "test"}))
    return record.seq, [m.entity.id for m in results["q"]]


@pytest.mark.slow
def test_replay_uses_the_versions_recorded_not_the_current_ones(env: Path, lists_dir: Path) -> None:
    db = f"sqlite:///{env / 'a.db'}"
    store = Store.open(db)
    import_paths(store, [lists_dir / "un" / "UN_consolidated_2024-11-30.xml"])
    old_seq, old_ids = _screen(store, YAS_AIR)
    import_paths(store, [lists_dir / "un" / "UN_consolidated_2026-02-27.xml"])  # YAS AIR was listed in between
    new_seq, new_ids = _screen(store, YAS_AIR)
    assert "un_sc-110327" in new_ids and "un_sc-110327" not in old_ids
    for seq in (old_seq, new_seq):
        result = runner.invoke(app, ["audit", "replay", str(seq), "--json", "--db", db])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert report["same"] is True and [r[0] for r in report["items"][0]["replayed"]] == (old_ids if seq == old_seq else new_ids)
    shown = json.loads(runner.invoke(app, ["audit", "show", str(old_seq), "--db", db]).stdout)
    assert shown["id"] == old_seq and shown["body"]["lists"]["un_sc"]["published"] == "2024-11-30"


def test_verify_anchor_and_find_tampering(env: Path) -> None:
    db = f"sqlite:///{env / 'b.db'}"
    log = AuditLog(Store.open(db))
    for i in range(4):
        log.append("match", "k", {"i": i})
    ok = runner.invoke(app, ["audit", "verify", "--db", db])
    assert ok.exit_code == 0 and "4 records, head at 4" in ok.stdout and "intact" in ok.stdout
    anchored = runner.invoke(app, ["audit", "anchor", "--db", db])
    assert json.loads(anchored.stdout)["seq"] == 4 and (env / "anchors.jsonl").exists()
    with log.store.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_records_no_delete"))
        conn.execute(text("DELETE FROM audit_records WHERE seq = 2"))
    bad = runner.invoke(app, ["audit", "verify", "--json", "--db", db])
    assert bad.exit_code == 1
    report = json.loads(bad.stdout)
    assert report["ok"] is False and report["anchors_checked"] == 1
    assert report["problems"] == [{"seq": 3, "problem": "record 2 missing: deleted from the log"}]


def test_list_and_export(env: Path) -> None:
    db = f"sqlite:///{env / 'c.db'}"
    log = AuditLog(Store.open(db))
    log.append("match", "k1", {"queries": {"a": {"matched": True}}})
    log.append("check", "k2", {"transactions": [{}]})
    table = runner.invoke(app, ["audit", "list", "--db", db])
    assert table.exit_code == 0 and "k1" in table.stdout and "check" in table.stdout
    lines = runner.invoke(app, ["audit", "list", "--jsonl", "--kind", "check", "--db", db]).stdout.splitlines()
    assert [json.loads(line)["actor"] for line in lines] == ["k2"]


def test_verify_without_the_key_says_where_it_looked(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEISAI_AUDIT_KEY")
    monkeypatch.setenv("SEISAI_AUDIT_KEY_FILE", str(env / "missing.key"))
    result = runner.invoke(app, ["audit", "verify", "--db", f"sqlite:///{env / 'd.db'}"])
    assert result.exit_code != 0 and "no audit key" in str(result.exception)
    assert runner.invoke(app, ["audit", "verify", "--no-mac", "--db", f"sqlite:///{env / 'd.db'}"]).exit_code == 0
