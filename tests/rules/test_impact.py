"""Draft packages: a book evaluated with and without them (on the example files in docs/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from seisai.exc import InputError
from seisai.rules.impact import impact
from seisai.rules.io import read_transactions
from seisai.rules.loader import default_book
from seisai.rules.screening import NullScreener

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
DRAFT = EXAMPLES / "draft_package.yml"
BOOK = EXAMPLES / "book.jsonl"


def _report(**kw: object):  # type: ignore[no-untyped-def]
    return impact(default_book(), DRAFT, read_transactions(BOOK), NullScreener(), **kw)  # type: ignore[arg-type]


def test_the_example_draft_changes_what_it_should() -> None:
    report = _report()
    assert report.as_of == date(2026, 6, 1)
    assert report.total == 12
    changed = {c.transaction_id: (c.before.value, c.after.value, c.draft_measures) for c in report.changes}
    # Unscreened parties make every decision at least review; the draft moves some to prohibited.
    assert changed["B-001"] == ("review", "prohibited", ["JP-DRAFT-003"])
    assert changed["B-002"] == ("licence_required", "prohibited", ["JP-DRAFT-001"])
    assert changed["B-003"] == ("licence_required", "licence_required", ["JP-DRAFT-002"])
    assert changed["B-005"] == ("review", "prohibited", ["JP-DRAFT-001"])
    assert changed["B-006"] == ("review", "prohibited", ["JP-DRAFT-004"])
    assert changed["B-007"][2] == ["JP-DRAFT-004"] and changed["B-007"][1] == "review"  # Kherson city: possible
    assert changed["B-008"] == ("review", "prohibited", ["JP-DRAFT-005"])
    for unaffected in ("B-009", "B-010", "B-011", "B-012"):
        assert unaffected not in changed
    assert report.by_measure["JP-DRAFT-003"] == {"transactions": 1, "value_jpy": 120000000.0}
    assert "JP-2025-006b" in next(c for c in report.changes if c.transaction_id == "B-003").dropped_measures


def test_sakhalin_cargo_keeps_its_exclusion() -> None:
    change = next(c for c in _report().changes if c.transaction_id == "B-004")
    assert change.after.value == "licence_required" and change.draft_measures == ["JP-DRAFT-001"]


def test_as_of_before_the_draft_changes_nothing() -> None:
    report = _report(as_of=date(2026, 3, 1))
    assert report.changes == [] and report.before == report.after


def test_report_is_json_ready() -> None:
    data = _report().to_dict()
    assert data["transactions"] == 12 and data["draft_measures"][0] == "JP-DRAFT-001"
    assert data["decisions_after"]["prohibited"] >= 5


def test_a_draft_with_a_bad_reference_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(DRAFT.read_text("utf-8").replace("supersedes: [JP-2025-006]", "supersedes: [JP-2099-001]"), "utf-8")
    with pytest.raises(InputError, match="supersedes unknown measure 'JP-2099-001'"):
        impact(default_book(), bad, [], NullScreener())


def test_a_draft_reusing_an_id_in_force_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(DRAFT.read_text("utf-8").replace("JP-DRAFT-003", "JP-2022-022"), "utf-8")
    with pytest.raises(InputError, match="duplicate measure id"):
        impact(default_book(), bad, [], NullScreener())


def test_reading_a_book_names_bad_lines(tmp_path: Path) -> None:
    book = tmp_path / "book.jsonl"
    book.write_text('{"type": "payment", "parties": [{"role": "bank", "name": "X"}]}\n\n{"type": "export", "goods": [{"hs_code": "8"}]}\n', "utf-8")
    rows = read_transactions(book)
    assert next(rows)[0] == "book.jsonl line 1"
    with pytest.raises(InputError, match=r"^book\.jsonl line 3: goods\[0\]\.hs_code: invalid HS code"):
        next(rows)
    book.write_text("{not json\n", "utf-8")
    with pytest.raises(InputError, match="book.jsonl line 1: not valid JSON"):
        list(read_transactions(book))


def test_reading_one_object_or_an_array(tmp_path: Path) -> None:
    assert [w for w, _ in read_transactions(EXAMPLES / "tx.json")] == ["tx.json"]
    array = tmp_path / "many.json"
    array.write_text('[{"type": "visa", "parties": [{"role": "traveller", "name": "A"}]}, {"type": "service", "service": {"category": "legal"}}]', "utf-8")
    assert [w for w, _ in read_transactions(array)] == ["many.json item 0", "many.json item 1"]
