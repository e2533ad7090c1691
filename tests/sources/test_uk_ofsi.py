from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest

from seisai.exc import ListFormatError
from seisai.model import IdKind, NameKind, Precision, Schema
from seisai.sources import ParsedList, SourceFile, detect_format, group_files
from seisai.sources.formats._ofsi_fields import parse_other_information, parse_uk_date
from seisai.sources.formats.uk_ofsi import OFSIConListCsv, OFSIConListXlsx
from seisai.sources.safe import read_workbook
from seisai.text.scripts import Script
from tests.sources.real_files import claimed_files

REAL = "uk/OFSI_ConList_2025-04-10.xlsx"


@pytest.fixture(scope="module")
def conlist(lists_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(lists_dir / REAL)])
    return publication.parse()


@pytest.fixture(scope="module")
def small(fixtures_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(fixtures_dir / "sources" / "uk_ofsi" / "conlist_small.csv")])
    return publication.parse()


@pytest.mark.slow
def test_counts_match_sources_md(conlist: ParsedList) -> None:
    assert conlist.source == "gb_hmt_ofsi"
    assert str(conlist.published) == "2025-04-10"
    rows = [row for e in conlist.entities for row in e.raw["rows"]]
    assert len(rows) == 18_796
    assert conlist.counts()["total"] == 4_686
    assert sum(1 for row in rows if row.get("Name Non-Latin Script")) == 3_990
    assert conlist.counts() == {"total": 4_686, "Person": 3_662, "Organization": 1_009, "Vessel": 15}
    assert conlist.warnings == []


@pytest.mark.slow
def test_multi_row_person_with_cyrillic_originals_and_two_dates(conlist: ParsedList) -> None:
    bugrov = next(e for e in conlist.entities if e.source_id == "13177")
    assert len(bugrov.raw["rows"]) == 8  # 4 name variants x 2 dates of birth
    primary = [n for n in bugrov.names if n.kind is NameKind.PRIMARY]
    assert [(n.value, n.family, n.given) for n in primary] == [("Oleg Evgenevich BUGROV", "BUGROV", "Oleg Evgenevich")]
    originals = {(n.value, n.lang) for n in bugrov.names if n.kind is NameKind.ORIGINAL_SCRIPT}
    assert originals == {("Олег Евгеньевич БУГРОВ", "ru"), ("Олег Євгенович БУГРОВ", "uk")}
    assert all(n.script is Script.CYRILLIC for n in bugrov.names if n.kind is NameKind.ORIGINAL_SCRIPT)
    assert {n.value for n in bugrov.names if n.kind is NameKind.ALIAS} == {"Oleg Evenievich BUGROV", "Oleh Yevhenovych BUHROV"}
    assert [(d.iso(), d.precision) for d in bugrov.birth_dates] == [("1973", Precision.YEAR), ("1969-08-29", Precision.DAY)]
    assert bugrov.gender == "male" and bugrov.nationalities == ["ua"]
    [sanction] = bugrov.sanctions
    assert (sanction.programme, sanction.reference, str(sanction.listed_on)) == ("Russia", "RUS0085", "2014-12-02")
    assert sanction.reason and sanction.reason.startswith("Former 'Defence Minister'")


@pytest.mark.slow
def test_ship_with_imo_and_ship_facts(conlist: ParsedList) -> None:
    ship = next(e for e in conlist.entities if e.source_id == "13651")
    assert ship.schema is Schema.VESSEL
    assert [(i.kind, i.value) for i in ship.identifiers] == [(IdKind.IMO, "7408873")]
    assert ship.caption == "SAM JONG 2"
    assert ship.properties["flag"] == ["kp"] and ship.properties["pastFlags"] == ["ru"]
    assert ship.properties["buildDate"] == ["1975"]
    ships = [e for e in conlist.entities if e.schema is Schema.VESSEL]
    assert all(any(i.kind is IdKind.IMO for i in e.identifiers) for e in ships)


@pytest.mark.slow
def test_designation_under_two_regimes_and_un_reference(conlist: ParsedList) -> None:
    lukashenka = next(e for e in conlist.entities if e.source_id == "13918")
    assert {(s.programme, str(s.listed_on)) for s in lukashenka.sanctions} == {
        ("Belarus", "2020-11-06"),
        ("Global Human Rights", "2020-09-29"),
    }
    un_listed = [e for e in conlist.entities if "unscId" in e.properties]
    assert len(un_listed) == 866
    assert all(re.fullmatch(r"[A-Z]{2}[ie]\.\d{3}", e.properties["unscId"][0]) for e in un_listed)  # "QDE.145" too


@pytest.mark.slow
def test_csv_rendering_parses_to_the_same_entities(conlist: ParsedList, lists_dir: Path, tmp_path: Path) -> None:
    [rows] = read_workbook(REAL, (lists_dir / REAL).read_bytes()).values()
    path = tmp_path / "ConList.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([["" if c is None else str(c) for c in row] for row in rows])
    file = SourceFile.from_path(path)
    assert detect_format(file) is OFSIConListCsv
    from_csv = OFSIConListCsv().parse([file])
    assert from_csv.published == conlist.published
    assert [e.to_dict() for e in from_csv.entities] == [e.to_dict() for e in conlist.entities]


def test_hand_written_csv(small: ParsedList) -> None:
    assert small.format == "uk_ofsi_csv" and str(small.published) == "2025-04-10"
    person, company, ship = small.entities
    assert [d.iso() for d in person.birth_dates] == ["1962", "1962-05"]
    assert {(n.value, n.kind) for n in person.names} == {
        ("Ivan Petrovich SIDOROV", NameKind.PRIMARY),
        ("Иван Петрович СИДОРОВ", NameKind.ORIGINAL_SCRIPT),
        ("Iwan Petrovich SIDOROV", NameKind.WEAK_ALIAS),
    }
    assert person.nationalities == ["ru", "cy"]
    assert [(i.kind, i.value, i.country) for i in person.identifiers] == [
        (IdKind.PASSPORT, "7512345678", "ru"),
        (IdKind.PASSPORT, "K0123456", "cy"),
        (IdKind.INN, "771234567890", None),
    ]
    assert person.positions == ["General Director of Example Trading LLC", "Board member"]
    assert person.addresses[0].postal_code == "125009" and person.addresses[0].country == "ru"
    assert {(i.kind, i.value) for i in company.identifiers} >= {
        (IdKind.INN, "7701234567"),
        (IdKind.OGRN, "1027700000000"),
        (IdKind.PHONE, "+7 495 000 0001"),
        (IdKind.WEBSITE, "www.example-trading.ru"),
    }
    assert company.properties["legalForm"] == ["Limited Liability Company"]
    assert ship.schema is Schema.VESSEL and ship.identifiers[0].value == "9123456"
    assert {(n.value, n.kind) for n in ship.names} == {("NORTHERN STAR", NameKind.PRIMARY), ("POLAR STAR", NameKind.FORMER)}


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("29/08/1969", "1969-08-29", Precision.DAY),
        ("00/00/1962", "1962", Precision.YEAR),
        ("00/05/1962", "1962-05", Precision.MONTH),
        ("05/1973", "1973-05", Precision.MONTH),
        ("1973", "1973", Precision.YEAR),
    ],
)
def test_uk_dates(text: str, iso: str, precision: Precision) -> None:
    found = parse_uk_date(text)
    assert (found.iso(), found.precision) == (iso, precision)


@pytest.mark.parametrize("text", ["31/02/1970", "12/00/1970", "1970-13", "circa 1970"])
def test_impossible_uk_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_uk_date(text)


def test_other_information_labels() -> None:
    info = parse_other_information(
        "(UK Sanctions List Ref):SOM0025. (UN Ref):SOi.023. Listed pursuant to paragraph 26(b) of "
        "resolution 2662 (2022): (i) participating in the financing. (Gender):Male "
        "(Phone number):(1) +963-11-5316396 (2) +963-11-5327266 (Email address):a@b.sy"
    )
    assert (info.uk_ref, info.un_ref, info.gender) == ("SOM0025", "SOi.023", "male")
    assert info.notes == ["Listed pursuant to paragraph 26(b) of resolution 2662 (2022): (i) participating in the financing"]
    assert [(i.kind, i.value) for i in info.identifiers] == [
        (IdKind.PHONE, "+963-11-5316396"),
        (IdKind.PHONE, "+963-11-5327266"),
        (IdKind.EMAIL, "a@b.sy"),
    ]
    embedded = parse_other_information(
        "(UK Sanctions List Ref):RUS2127. Name (non-Latin script): ФГУП НАМИ. Non Latin Script Type: "
        "Cyrillic. Non Latin Script Language: Russian. (UK Statement of Reasons):Reasons."
    )
    assert embedded.original_names == [("ФГУП НАМИ", "Russian")] and embedded.reason == "Reasons."


def test_detection_claims_only_the_conlist(lists_dir: Path) -> None:
    assert claimed_files(OFSIConListXlsx, lists_dir) == {REAL}
    assert claimed_files(OFSIConListCsv, lists_dir) == set()


def _xlsx(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_sheet_without_the_header_is_refused() -> None:
    data = _xlsx([["Last Updated", "10/04/2025"], ["Surname", "Forename", "Regime"], ["X", "Y", "Russia"]])
    file = SourceFile("ConList.xlsx", data)
    assert not OFSIConListXlsx.detect(file)
    with pytest.raises(ListFormatError, match=r"ConList\.xlsx: no ConList header row"):
        OFSIConListXlsx().parse([file])


def test_row_without_group_id_names_the_row(fixtures_dir: Path) -> None:
    text = (fixtures_dir / "sources" / "uk_ofsi" / "conlist_small.csv").read_text("utf-8")
    lines = text.splitlines()
    lines[4] = lines[4].rsplit(",", 1)[0] + ","
    with pytest.raises(ListFormatError, match=r"c\.csv: line 5: row without a Group ID"):
        OFSIConListCsv().parse([SourceFile("c.csv", "\n".join(lines).encode())])


def test_ragged_and_truncated_csv_name_the_line(fixtures_dir: Path) -> None:
    data = (fixtures_dir / "sources" / "uk_ofsi" / "conlist_small.csv").read_bytes()
    lines = data.split(b"\n")
    lines[3] = lines[3].rstrip(b"\r") + b",extra,cells\r"
    with pytest.raises(ListFormatError, match=r"r\.csv: line 4: row has 38 cells but the header has 36"):
        OFSIConListCsv().parse([SourceFile("r.csv", b"\n".join(lines))])
    cut = data[: data.index(b"(UK Statement of Reasons):Supplies")]
    with pytest.raises(ListFormatError, match=r"t\.csv: line 7: row has 28 cells .* \(truncated or badly quoted\)"):
        OFSIConListCsv().parse([SourceFile("t.csv", cut)])


def test_csv_with_byte_order_mark_and_no_date_row(fixtures_dir: Path) -> None:
    lines = (fixtures_dir / "sources" / "uk_ofsi" / "conlist_small.csv").read_bytes().split(b"\n", 1)
    file = SourceFile("ConList.csv", b"\xef\xbb\xbf" + lines[1])
    assert detect_format(file) is OFSIConListCsv
    parsed = OFSIConListCsv().parse([file])
    assert parsed.published is None and len(parsed.entities) == 3
