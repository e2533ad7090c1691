from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from seisai.exc import ListFormatError
from seisai.model import Entity, IdKind, NameKind, Schema
from seisai.sources import ParsedList, SourceFile, group_files
from seisai.sources.formats._dfat_fields import find_identifiers, parse_dfat_dates, split_lettered
from seisai.sources.formats.au_dfat import DFATConsolidated
from seisai.text.scripts import Script
from tests.sources.real_files import claimed_files

REAL = "australia/regulation8_consolidated_2024-11.xlsx"
HEADER = ["Reference", "Name of Individual or Entity", "Type", "Name Type", "Date of Birth", "Place of Birth",
          "Citizenship", "Address", "Additional Information", "Listing Information", "Committees", "Control Date"]


@pytest.fixture(scope="module")
def dfat(lists_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(lists_dir / REAL)])
    return publication.parse()


@pytest.fixture(scope="module")
def by_id(dfat: ParsedList) -> dict[str, Entity]:
    return {e.source_id: e for e in dfat.entities}


def test_counts_match_sources_md(dfat: ParsedList) -> None:
    assert dfat.source == "au_dfat"
    assert str(dfat.published) == "2024-11-11"  # the latest control date
    rows = [row for e in dfat.entities for row in e.raw["rows"]]
    assert len(rows) == 9_553
    assert sum(1 for r in rows if r["Name Type"].strip().casefold() == "original script") == 440
    # 439 become original-script names; the 440th is a Latin name equal to the primary name
    assert sum(1 for e in dfat.entities for n in e.names if n.kind is NameKind.ORIGINAL_SCRIPT) == 439
    assert dfat.counts() == {"total": 3_062, "Person": 2_316, "Organization": 746}
    assert all(sum(n.kind is NameKind.PRIMARY for n in e.names) == 1 for e in dfat.entities)


def test_grouped_rows_with_original_script_and_circa_ranges(by_id: dict[str, Entity]) -> None:
    akhund = by_id["2"]  # rows "2" (stored as 2.0) and "2a"
    assert len(akhund.raw["rows"]) == 2
    assert [(n.kind, n.script) for n in akhund.names] == [(NameKind.PRIMARY, Script.LATIN), (NameKind.ORIGINAL_SCRIPT, Script.ARABIC)]
    assert [str(d) for d in akhund.birth_dates] == ["c. 1955/1958", "c. 1945/1950"]
    assert akhund.properties["title"] == ["Mullah", "Haji"]
    assert akhund.positions[0] == "First Deputy, Council of Ministers under the Taliban regime"
    assert akhund.nationalities == ["af"]
    [sanction] = akhund.sanctions
    assert (sanction.programme, str(sanction.listed_on)) == ("1988 (Taliban)", "2001-01-25")


def test_identifiers_in_additional_information(by_id: dict[str, Entity]) -> None:
    bank = by_id["2831"]
    assert [(i.kind, i.value, i.country) for i in bank.identifiers] == [
        (IdKind.OGRN, "1060200012685", "ru"),
        (IdKind.INN, "0278129399", "ru"),
    ]
    assert [(i.kind, i.value, i.country) for i in by_id["7994"].identifiers] == [(IdKind.NATIONAL_ID, "11540384888", "sd")]
    assert by_id["7994"].gender == "male"
    shipping = by_id["3565"]  # a shipping company with its company IMO number
    assert shipping.schema is Schema.ORGANIZATION
    assert [(i.kind, i.value) for i in shipping.identifiers] == [(IdKind.IMO, "5676084")]
    passports = [i for i in by_id["34"].identifiers if i.kind is IdKind.PASSPORT]
    assert {i.value for i in passports} == {"OR1961825", "TR024417", "1961825"}
    assert all(i.country == "af" for i in passports)


def test_former_names(by_id: dict[str, Entity]) -> None:
    assert [n.value for n in by_id["2954"].names if n.kind is NameKind.FORMER] == ["Qari Rahmat"]


@pytest.mark.parametrize(
    ("text", "dates", "unread"),
    [
        ("a) Approximately 1955- 1958 b) Approximately 1945-1950", ["c. 1955/1958", "c. 1945/1950"], []),
        ("Between 1963 to 1968", ["1963/1968"], []),
        ("12 Mar 1960 >> 13 Apr 1961", ["1960-03-12", "1961-04-13"], []),
        ("01/02/1960; alt DOB: 03/04/1961", ["1960-02-01", "1961-04-03"], []),
        ("15 May 1968 (as Yasir Al-Tikriti) 1970 (as Ali Abdallah)", ["1968-05-15", "1970"], []),
        ("a) 12 Apr. 1960 b) 12/04/1380 (Hijri Calendar)", ["1960-04-12"], ["12/04/1380 (Hijri Calendar)"]),
        ("24 Jan.1973", ["1973-01-24"], []),
        ("19-Dec-1992", ["1992-12-19"], []),
        ("03/1965", ["1965-03"], []),
        ("a) Between Aug. and Sep 1965 b) 1966", ["1965", "1966"], []),
        ("na", [], []),
        ("07/04/62", [], ["07/04/62"]),
    ],
)
def test_dates_of_birth(text: str, dates: list[str], unread: list[str]) -> None:
    found, left = parse_dfat_dates(text)
    assert ([str(d) for d in found], left) == (dates, unread)


def test_lettered_lists_and_identifier_text() -> None:
    assert split_lettered("a) Mullah b) Haji") == ["Mullah", "Haji"]
    assert split_lettered("Kabul, Afghanistan") == ["Kabul, Afghanistan"]
    found = find_identifiers("Libya passport no: 215215 under name Aisha. Tax ID No.: 7831000122 (Russia)\nIMO number: 5905801.")
    assert [(i.kind, i.value, i.country) for i in found] == [
        (IdKind.PASSPORT, "215215", "ly"),
        (IdKind.INN, "7831000122", "ru"),
        (IdKind.IMO, "5905801", None),
    ]


def test_detection_claims_only_the_dfat_file(lists_dir: Path) -> None:
    assert claimed_files(DFATConsolidated, lists_dir) == {REAL}


def _xlsx(rows: Sequence[Sequence[object]]) -> SourceFile:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SourceFile("dfat.xlsx", out.getvalue())


def test_sheet_without_the_header_is_refused() -> None:
    file = _xlsx([["Ref", "Name", "Type"], [1, "X", "Individual"]])
    assert not DFATConsolidated.detect(file)
    with pytest.raises(ListFormatError, match=r"dfat\.xlsx: no DFAT consolidated list header row"):
        DFATConsolidated().parse([file])


def test_bad_reference_names_the_row() -> None:
    row = ["Individual", "Primary Name", "", "", "", "", "", "", "Autonomous (Russia)", "2024-01-01"]
    file = _xlsx([HEADER, [5, "Ivan IVANOV", *row], ["5a", "Иван ИВАНОВ", "Individual", "Original Script", *row[2:]],
                  ["x5", "Bad", *row]])
    assert DFATConsolidated.detect(file)
    with pytest.raises(ListFormatError, match=r"dfat\.xlsx: sheet 'Sheet', row 4: unreadable Reference 'x5'"):
        DFATConsolidated().parse([file])


def test_small_workbook() -> None:
    row = ["1960", "", "Russian", "Moscow, Russia", "Passport no.: 7512345678 (Russia)", "Listed on 24 Feb. 2022",
           "Autonomous (Russia)", "2024-01-01"]
    file = _xlsx([HEADER, [5.0, "Ivan IVANOV", "Individual", "Primary Name", *row],
                  ["5a", "Иван ИВАНОВ", "individual", "original script ", *row],
                  ["5b", "Iwan IWANOW", "Individual", "aka", *row]])
    parsed = DFATConsolidated().parse([file])
    [entity] = parsed.entities
    assert entity.id == "au_dfat-5" and str(parsed.published) == "2024-01-01"
    assert [n.kind for n in entity.names] == [NameKind.PRIMARY, NameKind.ORIGINAL_SCRIPT, NameKind.ALIAS]
    assert entity.nationalities == ["ru"] and entity.addresses[0].country == "ru"
    assert [(i.kind, i.value, i.country) for i in entity.identifiers] == [(IdKind.PASSPORT, "7512345678", "ru")]
    assert str(entity.sanctions[0].listed_on) == "2022-02-24"
