"""Loading the shipped measures and reading errors in measures files."""

from __future__ import annotations

from pathlib import Path

import pytest

from seisai.exc import InputError
from seisai.rules.loader import default_book, load_book, parse_measure_file
from seisai.rules.vocab import JURISDICTIONS


def test_every_jurisdiction_is_shipped() -> None:
    book = default_book()
    assert book.jurisdictions == sorted(JURISDICTIONS)
    assert all(book.sources_of(m) for m in book.measures())


def test_every_fact_sheet_measure_of_japan_is_encoded() -> None:
    """Each JP measure id of the fact sheet's draft appears as a measure or is split into
    measures that name it in ``fact_sheet``."""
    ids = {m.id for m in default_book().measures(["JP"])}
    cited = {f for m in default_book().measures(["JP"]) for f in m.fact_sheet}
    expected = {f"JP-2014-00{i}" for i in range(1, 7)} | {f"JP-2022-{i:03d}" for i in range(1, 40)}
    expected |= {f"JP-2023-{i:03d}" for i in range(1, 12)} | {f"JP-2024-{i:03d}" for i in range(1, 11)}
    expected |= {f"JP-2025-{i:03d}" for i in range(1, 7)}
    assert expected - ids - cited == set()


def test_validation_error_names_measure_and_field() -> None:
    text = Path(default_book().files[0].name).name  # any name will do
    bad = """
jurisdiction: JP
regime: x
title: x
authority: x
sources: {S1: {url: "https://example.org", title: x}}
measures:
  - id: JP-2022-900
    title: x
    type: export_ban
    effective: 2022-13-01
    legal_basis: x
    sources: [S1]
    confidence: O
    outcome: prohibited
    when: {types: [export]}
"""
    with pytest.raises(InputError, match=r"bad\.yml: measure JP-2022-900: effective: "):
        parse_measure_file("bad.yml", bad)
    assert text


def test_load_book_adds_extra_files(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yml"
    draft.write_text(
        """
jurisdiction: JP
regime: draft
title: Draft
authority: x
status: draft
sources: {D1: {url: "https://example.org", title: x}}
measures:
  - id: JP-DRAFT-001
    title: Draft measure
    type: export_ban
    effective: 2027-01-01
    legal_basis: proposed
    sources: [D1]
    confidence: U
    note: a proposal
    outcome: prohibited
    when: {types: [export], destination: {countries: [ru]}}
""",
        "utf-8",
    )
    book = load_book([draft])
    assert "JP-DRAFT-001" in book.by_id
    assert book.jurisdiction_of("JP-DRAFT-001") == "JP"
    with pytest.raises(InputError, match="duplicate measure id"):
        load_book([draft, draft])


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_book([tmp_path / "nope.yml"], shipped=False)
