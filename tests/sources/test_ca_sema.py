from __future__ import annotations

from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import Entity, IdKind, NameKind, Precision, Schema
from seisai.sources import ParsedList, SourceFile, group_files
from seisai.sources.formats._sema_aliases import split_aliases
from seisai.sources.formats.ca_sema import CanadaSEMA, parse_birth_dates, record_id, regime_key
from seisai.text.scripts import Script
from tests.sources.real_files import claimed_files

REAL = "canada/sema-lmes_2025-05.xml"


@pytest.fixture(scope="module")
def sema(lists_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(lists_dir / REAL)])
    return publication.parse()


@pytest.fixture(scope="module")
def by_id(sema: ParsedList) -> dict[str, Entity]:
    return {e.source_id: e for e in sema.entities}


def test_counts_match_sources_md(sema: ParsedList) -> None:
    assert sema.source == "ca_sema"
    assert sema.counts() == {"total": 4_759, "Person": 3_334, "Organization": 1_316, "Vessel": 109}
    assert sum(1 for e in sema.entities if e.sanctions[0].programme == "Russia") == 2_426
    assert str(sema.published) == "2025-03-20"  # the latest listing date: the file has no date of its own
    cyrillic = [e for e in sema.entities if any(n.script is Script.CYRILLIC for n in e.names)]
    assert len(cyrillic) == 2_431


def test_people_with_split_aliases(by_id: dict[str, Entity]) -> None:
    osipenko = by_id["by-s1-p1-104"]
    assert {(n.value, n.kind, n.lang) for n in osipenko.names} == {
        ("Anna Mikhailovna OSIPENKO", NameKind.PRIMARY, None),
        ("Hanna Mikhailauna ASIPENKA", NameKind.ALIAS, None),
        ("Ганна Мiхайлаўна АСIПЕНКА", NameKind.ORIGINAL_SCRIPT, "be"),
        ("Анна Михайловна ОСИПЕНКО", NameKind.ORIGINAL_SCRIPT, "ru"),
    }
    dvornikov = by_id["ru-s1-p1-117"]
    assert [(n.value, n.kind) for n in dvornikov.names] == [
        ("Aleksandr Vladimirovich DVORNIKOV", NameKind.PRIMARY),
        ("Alexander", NameKind.WEAK_ALIAS),  # a lone given-name variant
    ]
    dagalo = by_id["sd-p1-1"]
    assert [d.iso() for d in dagalo.birth_dates] == ["1970/1979"]
    assert sum(1 for n in dagalo.names if n.kind is NameKind.ALIAS) == 4


def test_ship_with_imo_and_build_year(by_id: dict[str, Entity]) -> None:
    ship = by_id["ru-s1.1-1"]
    assert ship.schema is Schema.VESSEL
    assert [(i.kind, i.value) for i in ship.identifiers] == [(IdKind.IMO, "7612448")]
    assert ship.properties == {"buildDate": ["1980"], "type": ["General Cargo / Multi Purpose"]}
    assert ship.birth_dates == []
    assert ship.sanctions[0].reference == "Schedule 1.1, item 1"


def test_unreadable_date_is_kept_and_reported(sema: ParsedList, by_id: dict[str, Entity]) -> None:
    kirill = by_id["ru-s1-p1-1114"]
    assert kirill.birth_dates == [] and kirill.properties["birthDateText"] == ["Sep-99"]
    assert sema.warnings == ["sema-lmes_2025-05.xml: line 20951: date of birth not read: unrecognised date 'Sep-99'"]


def test_ids_are_stable_keys() -> None:
    assert record_id("Russia / Russie", "1, Part 3", "5") == record_id("Russia / Russie", "1,Part 3", " 5") == "ru-s1-p3-5"
    assert record_id("Ukraine", "Part 1", "12") == "ua-p1-12"
    assert record_id("Venezuela ", "", "7") == "ve-7"
    assert regime_key("Myanmar (Burma) / Myanmar (Birmanie)") == "mm"
    assert regime_key("Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR) / Règlement (RJVDEC)") == "jvcfor"
    assert regime_key("Hamas Terrorist Attacks / Attaques terroristes du Hamas") == "hamas-terrorist-attacks"


def test_ids_are_unique_and_from_regime_schedule_item(sema: ParsedList) -> None:
    ids = [e.source_id for e in sema.entities]
    assert len(set(ids)) == len(ids)
    assert sum(1 for i in ids if i.startswith("ru-s1-p1-")) == 1_458


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        ("Sergei, Serhii SHERBAKOV", True, [("Sergei", None), ("Serhii SHERBAKOV", None)]),
        (
            'SSC RF Trinity, JSC; АО "ГНЦ РФ ТРИНИТИ"; ГНЦ РФ Тринити, АО',
            False,
            [("SSC RF Trinity, JSC", None), ('АО "ГНЦ РФ ТРИНИТИ"', None), ("ГНЦ РФ Тринити, АО", None)],
        ),
        ('Открытое акционерное общество "ВОЛАТАВТО"/ ОАО "ВОЛАТАВТО"', False,
         [('Открытое акционерное общество "ВОЛАТАВТО"', None), ('ОАО "ВОЛАТАВТО"', None)]),
        ("Организация «Общество содействия армии, авиации и флоту»", False,
         [("Организация «Общество содействия армии, авиации и флоту»", None)]),
        ("Ahmed Salem and Ahmed Salem Hassan Arabic:أحمد سالم", True,
         [("Ahmed Salem", None), ("Ahmed Salem Hassan", None), ("أحمد سالم", "ar")]),
        ("Bank for Development and Investment", False, [("Bank for Development and Investment", None)]),
        ("Myanma Five Star Line Company\nLimited", False, [("Myanma Five Star Line Company Limited", None)]),
        ("Abbas Nilforoushan\n عباس نیلفروشان", True, [("Abbas Nilforoushan", None), ("عباس نیلفروشان", None)]),
        ("GORT/ORTAS", False, [("GORT/ORTAS", None)]),
    ],
)
def test_alias_splitting(text: str, person: bool, expected: list[tuple[str, str | None]]) -> None:
    assert [(a.value, a.lang) for a in split_aliases(text, person)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1961-08-22", ["1961-08-22"]), ("1963-1964", ["1963/1964"]), ("1963 or 1964", ["1963", "1964"]),
     ("1972-08-10 or 1972-08-11", ["1972-08-10", "1972-08-11"]), ("born in the early 1970s", ["1970/1979"])],
)
def test_birth_dates(text: str, expected: list[str]) -> None:
    found = parse_birth_dates(text)
    assert [d.iso() for d in found] == expected
    assert all(d.precision is not Precision.RANGE or d.until_year for d in found)


def test_detection_claims_only_the_sema_file(lists_dir: Path) -> None:
    assert claimed_files(CanadaSEMA, lists_dir) == {REAL}


def test_truncated_file_names_the_line(lists_dir: Path) -> None:
    data = (lists_dir / REAL).read_bytes()[:50_000]
    assert CanadaSEMA.detect(SourceFile("sema.xml", data))
    with pytest.raises(ListFormatError, match=r"sema\.xml: line \d+, column \d+: malformed XML"):
        CanadaSEMA().parse([SourceFile("sema.xml", data)])


def test_record_without_item_names_the_line() -> None:
    data = (
        b"<?xml version='1.0'?>\n<data-set>\n<record><Country>Russia / Russie</Country><Item>1</Item>"
        b"<LastName>A</LastName><DateOfListing>2022-01-01</DateOfListing></record>\n"
        b"<record><Country>Russia / Russie</Country><LastName>B</LastName></record>\n</data-set>"
    )
    with pytest.raises(ListFormatError, match=r"x\.xml: line 4: record without Country or Item"):
        CanadaSEMA().parse([SourceFile("x.xml", data)])
