"""``seisai check``, ``seisai impact`` and ``seisai measures`` from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seisai.cli.app import app, main

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["seisai", *args])
    with pytest.raises(SystemExit) as exit_:
        main()
    return int(exit_.value.code or 0), capsys.readouterr().err


def test_check_one_transaction_as_json() -> None:
    code, out, _ = _run("check", str(EXAMPLES / "tx.json"), "--no-screen", "--json")
    assert code == 0
    (line,) = out.strip().splitlines()
    decision = json.loads(line)
    assert decision["id"] == "TX-2022-0320-01"
    assert decision["by_jurisdiction"] == {"JP": "prohibited"}
    assert decision["reasons"][0]["measure_id"] == "JP-2022-013b"


def test_check_as_of_and_jurisdictions() -> None:
    _, out, _ = _run("check", str(EXAMPLES / "tx.json"), "--no-screen", "--json", "--as-of", "2022-02-20", "-j", "JP", "-j", "us")
    decision = json.loads(out)
    assert decision["as_of"] == "2022-02-20"
    assert decision["by_jurisdiction"] == {"JP": "allowed", "US": "allowed"}


def test_check_a_book_prints_one_decision_per_line_in_order() -> None:
    _, out, _ = _run("check", str(EXAMPLES / "book.jsonl"), "--no-screen", "--json")
    ids = [json.loads(line)["id"] for line in out.strip().splitlines()]
    assert ids == [f"B-{i:03d}" for i in range(1, 13)]


def test_check_table_output_names_measure_and_source() -> None:
    code, out, _ = _run("check", str(EXAMPLES / "tx.json"), "--no-screen")
    assert code == 0
    assert "prohibited" in out and "JP-2022-013b" in out and "https://" in out


def test_bad_transaction_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "export", "destination_country": "RU", "goods": [{"hs_code": "8542.31"}]}\n'
                   '{"type": "export", "destination_country": "RU", "goods": [{"hs_code": "99.1"}]}\n', "utf-8")
    code, err = _main(monkeypatch, capsys, "check", str(bad), "--no-screen", "--json")
    assert code == 2
    assert "bad.jsonl line 2: goods[0].hs_code: invalid HS code '99.1'" in err
    code, err = _main(monkeypatch, capsys, "check", str(EXAMPLES / "tx.json"), "--no-screen", "--as-of", "20-02-2022")
    assert code == 2 and "--as-of: expected a date as YYYY-MM-DD" in err


def test_check_without_lists_in_the_store_explains(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    code, err = _main(monkeypatch, capsys, "check", str(EXAMPLES / "tx.json"), "--db", db)
    assert code == 2 and "no lists in the store" in err


def test_impact_json() -> None:
    code, out, _ = _run("impact", "--draft", str(EXAMPLES / "draft_package.yml"), str(EXAMPLES / "book.jsonl"), "--no-screen", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["transactions"] == 12 and report["as_of"] == "2026-06-01"
    assert report["by_measure"]["JP-DRAFT-003"]["transactions"] == 1


def test_impact_table() -> None:
    code, out, _ = _run("impact", "--draft", str(EXAMPLES / "draft_package.yml"), str(EXAMPLES / "book.jsonl"), "--no-screen")
    assert code == 0 and "JP-DRAFT-005" in out and "B-008" in out


def test_measures_lint_clean_and_failing(tmp_path: Path) -> None:
    code, out, _ = _run("measures", "lint")
    assert code == 0 and "0 errors" in out
    bad = tmp_path / "bad.yml"
    bad.write_text((EXAMPLES / "draft_package.yml").read_text("utf-8").replace("2026-06-01", "2026-02-30", 1), "utf-8")
    code, _, err = _run("measures", "lint", str(bad))
    assert code == 1 and "measure JP-DRAFT-001: effective" in err


def test_measures_show() -> None:
    _, out, _ = _run("measures", "show", "JP-2022-013b", "--json")
    data = json.loads(out)
    assert data["id"] == "JP-2022-013b" and data["jurisdiction"] == "JP"
    assert data["sources"][0]["url"].startswith("https://")
    _, out, _ = _run("measures", "show", "-j", "UK", "--as-of", "2022-01-01", "--json")
    assert [m["id"] for m in json.loads(out)] == ["UK-2014-001", "UK-OFSI-001"]


@pytest.mark.slow
def test_check_screens_against_list_files(tmp_path: Path, lists_dir: Path) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "mof_shisantouketsu20260305.xlsx").symlink_to(lists_dir / "japan" / "mof_shisantouketsu20260305.xlsx")
    tx = tmp_path / "pay.json"
    tx.write_text(json.dumps({"type": "payment", "date": "2022-06-01", "parties": [{"role": "bank", "name": "Sberbank"}]}), "utf-8")
    _, out, _ = _run("check", str(tx), "--lists", str(folder), "--json")
    decision = json.loads(out)
    assert decision["decision"] == "prohibited"
    assert decision["list_versions"] == {"jp_mof": "2026-03-05"}
    assert decision["party_hits"][0]["entity_id"] == "jp_mof-russia-banks-8"
