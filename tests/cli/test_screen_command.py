"""``seisai screen`` and ``seisai compare`` from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seisai.cli.app import app
from seisai.store import Store
from seisai.store.imports import import_paths

runner = CliRunner()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SEISAI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SEISAI_DB", f"sqlite:///{tmp_path / 'seisai.db'}")
    return tmp_path


def _pairs(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_compare_writes_rows_back_in_order_with_score_and_match(home: Path) -> None:
    pairs = _pairs(home / "pairs.csv", [
        ["name1", "name2", "schema", "ref"],
        ["Vladimir Putin", "ウラジーミル・プーチン", "Person", "a"],
        ["山田太郎", "Tanaka Hanako", "", "b"],
        ["", "empty", "", "c"],
        ["ПАО Сбербанк", "Sberbank", "Organization", "d"],
    ])  # fmt: skip
    result = runner.invoke(app, ["compare", "--pairs", str(pairs)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["ref"] for r in rows] == ["a", "b", "c", "d"]
    assert [r["match"] for r in rows] == ["true", "false", "false", "true"]
    assert all(0.0 <= float(r["score"]) <= 1.0 for r in rows)


def test_compare_to_a_file(home: Path) -> None:
    pairs = _pairs(home / "pairs.csv", [["name1", "name2"], ["Sergei Lavrov", "Сергей Лавров"]])
    out = home / "scored.csv"
    result = runner.invoke(app, ["compare", "--pairs", str(pairs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").splitlines()[1].endswith(",true")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["a", "b"], ["x", "y"]], "missing column"),
        ([["name1", "name2", "schema"], ["x", "y", "Spaceship"]], "line 2: schema"),
    ],
)
def test_compare_bad_files_name_the_problem(home: Path, rows: list[list[str]], message: str) -> None:
    from seisai.exc import QueryError

    pairs = _pairs(home / "bad.csv", rows)
    result = runner.invoke(app, ["compare", "--pairs", str(pairs)])
    assert result.exit_code != 0
    assert isinstance(result.exception, QueryError) and message in str(result.exception)
    assert "bad.csv" in str(result.exception)


@pytest.mark.slow
def test_screen_against_the_store(home: Path, lists_dir: Path) -> None:
    store = Store.open(f"sqlite:///{home / 'seisai.db'}")
    import_paths(store, [lists_dir / "un" / "UN_consolidated_2026-02-27.xml"])
    result = runner.invoke(app, ["screen", "صدام حسين", "--schema", "Person", "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["results"][0]["id"] == "un_sc-6908048" and data["results"][0]["match"]
    assert "name" in data["results"][0]["explanations"]
    table = runner.invoke(app, ["screen", "Saddam Hussein", "--birth-date", "1937-04-28"])
    assert table.exit_code == 0 and "MATCH" in table.stdout
    other = runner.invoke(app, ["screen", "Saddam Hussein", "--dataset", "un_sc", "--threshold", "0.99"])
    assert other.exit_code == 0
