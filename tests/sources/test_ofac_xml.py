from __future__ import annotations

from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import IdKind, NameKind, Precision, Schema
from seisai.sources import ParsedList, SourceFile, detect_format, group_files
from seisai.sources.formats.ofac_csv import OFACLegacyCSV
from seisai.sources.formats.ofac_xml import OFACXML
from tests.sources.real_files import claimed_files

CONS_XML = "consolidated_nonsdn_2025-03-28.xml"


@pytest.fixture(scope="module")
def cons(lists_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(lists_dir / "ofac" / CONS_XML)])
    return publication.parse()


@pytest.fixture(scope="module")
def sdn_fixture(fixtures_dir: Path) -> ParsedList:
    return OFACXML().parse([SourceFile.from_path(fixtures_dir / "sources" / "ofac_xml" / "sdn.xml")])


def _fixture_bytes(fixtures_dir: Path) -> bytes:
    return (fixtures_dir / "sources" / "ofac_xml" / "sdn.xml").read_bytes()


def test_consolidated_counts_source_and_date(cons: ParsedList) -> None:
    assert cons.format == "ofac_xml"
    assert cons.source == "us_ofac_cons", "the consolidated list is recognised from its entries"
    assert cons.counts() == {"total": 443, "Person": 80, "Organization": 363}
    assert str(cons.published) == "2025-03-28"
    assert cons.warnings == []  # Record_Count agrees


def test_consolidated_hard_records(cons: ParsedList) -> None:
    by_id = {e.source_id: e for e in cons.entities}
    vtb = by_id["17013"]  # 29 names, Russian identifiers, directive determination
    assert len(vtb.names) == 29
    values = {(i.kind, i.value) for i in vtb.identifiers}
    assert {(IdKind.INN, "7702070139"), (IdKind.OGRN, "1027739609391"), (IdKind.BIC, "VTBRRUMM")} <= values
    assert (IdKind.LEI, "253400V1H6ART1UQ0N98") in values
    assert vtb.properties["directive"] == ["Subject to Directive 1"]
    assert vtb.programmes == ["RUSSIA-EO14024", "UKRAINE-EO13662"]
    haniya = by_id["9639"]
    assert haniya.names[0].value == "Ismail Abdul Salah HANIYA" and haniya.names[0].family == "HANIYA"
    assert [d.iso() for d in haniya.birth_dates] == ["1962"] and haniya.birth_places == ["Shati"]
    weak = sum(n.kind is NameKind.WEAK_ALIAS for e in cons.entities for n in e.names)
    assert 60 < weak <= 70  # 70 weak akas in the file, a few repeat another name of their entry


def test_ids_match_the_csv_rendering(lists_dir: Path, cons: ParsedList) -> None:
    folder = lists_dir / "ofac"
    names = ("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv")
    csv = OFACLegacyCSV().parse([SourceFile.from_path(folder / n) for n in names])
    xml_ids = {e.id: e.caption for e in cons.entities}
    csv_ids = {e.id: e.caption for e in csv.entities}
    assert len(csv_ids.keys() & xml_ids.keys()) == 442
    # one party was renamed between the two versions (RN-KOMSOMOLSKY / RN KOMSOMOLSKIY REFINERY)
    assert sum(xml_ids[i] == csv_ids[i] for i in csv_ids) == 441


def test_detects_only_ofac_xml_files(lists_dir: Path) -> None:
    assert claimed_files(OFACXML, lists_dir) == {f"ofac/{CONS_XML}"}
    assert detect_format(SourceFile.from_path(lists_dir / "ofac" / CONS_XML)) is OFACXML


def test_fixture_is_the_sdn_list(sdn_fixture: ParsedList) -> None:
    assert sdn_fixture.source == "us_ofac_sdn"
    assert str(sdn_fixture.published) == "2023-12-28"
    assert sdn_fixture.counts() == {"total": 4, "Person": 1, "Organization": 1, "Vessel": 1, "Airplane": 1}


def test_fixture_person(sdn_fixture: ParsedList) -> None:
    ivanov = next(e for e in sdn_fixture.entities if e.schema is Schema.PERSON)
    kinds = {n.value: n.kind for n in ivanov.names}
    assert kinds == {
        "Ivan Ivanovich IVANOV": NameKind.PRIMARY,
        "Ivan IVANOV": NameKind.ALIAS,
        "Ivan Ivanovich PETROV": NameKind.FORMER,
        "VANYA": NameKind.WEAK_ALIAS,
        "Иван Иванович ИВАНОВ": NameKind.ALIAS,
    }
    assert [str(d) for d in ivanov.birth_dates] == ["1951-12-15", "c. 1953", "1954/1955"]
    assert ivanov.birth_dates[2].precision is Precision.RANGE
    assert ivanov.nationalities == ["ru", "cy"] and ivanov.properties["citizenship"] == ["cy"]
    assert ivanov.gender == "male" and ivanov.positions == ["Deputy Minister of Energy"]
    passport = next(i for i in ivanov.identifiers if i.kind is IdKind.PASSPORT)
    assert (passport.value, passport.country) == ("712345678", "ru")
    assert passport.note == "Passport; issued 01 Jan 2010 expires 01 Jan 2020"
    assert any(i.kind is IdKind.INN and i.value == "770123456789" for i in ivanov.identifiers)
    assert ivanov.properties["linkedTo"] == ["ROGA I KOPYTA, OOO"]  # from "(Linked To: ...)" remarks
    assert ivanov.notes == ["Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201"]
    assert ivanov.addresses[0].postal_code == "125009" and ivanov.addresses[0].country == "ru"
    assert "<uid>1001</uid>" in ivanov.raw["xml"]


def test_fixture_company_vessel_aircraft(sdn_fixture: ParsedList) -> None:
    by_id = {e.source_id: e for e in sdn_fixture.entities}
    company = by_id["1002"]
    kinds = {i.kind: i.value for i in company.identifiers}
    assert kinds[IdKind.INN] == "7701234567" and kinds[IdKind.OGRN] == "1027700123456"
    assert kinds[IdKind.BIC] == "RGKPRUMM" and kinds[IdKind.LEI] == "253400ABCDEFGHIJ1234"
    assert kinds[IdKind.CRYPTO] == "bc1qexampleaddress0000000000000000"
    assert kinds[IdKind.EMAIL] == "info@roga-kopyta.ru"
    assert company.properties["incorporationDate"] == ["2003-03-12"]
    assert company.properties["listingDate"] == ["2022-02-24 (EO 14024 Directive 2)"]
    assert company.addresses[0].street == "Prospekt Mira 10, office 5"
    vessel = by_id["1003"]
    assert {(i.kind, i.value) for i in vessel.identifiers} == {
        (IdKind.IMO, "9123456"),
        (IdKind.MMSI, "273123456"),
        (IdKind.CALL_SIGN, "UBCD7"),
    }
    assert vessel.properties["flag"] == ["ru"] and vessel.properties["type"] == ["Crude Oil Tanker"]
    plane = by_id["1004"]
    assert any(i.kind is IdKind.AIRCRAFT_REG for i in plane.identifiers)
    assert plane.properties["model"] == ["IL-76TD"]


def test_consolidated_markers_decide_the_source(fixtures_dir: Path) -> None:
    data = _fixture_bytes(fixtures_dir).replace(b"<program>RUSSIA-EO14024</program>", b"<program>NS-PLC</program>")
    assert OFACXML.source_of(SourceFile("list.xml", data)) == "us_ofac_cons"
    assert OFACXML.source_of(SourceFile("list.xml", _fixture_bytes(fixtures_dir))) == "us_ofac_sdn"


def test_truncated_file_is_refused(lists_dir: Path) -> None:
    data = (lists_dir / "ofac" / CONS_XML).read_bytes()[:200_000]
    with pytest.raises(ListFormatError, match=r"cons\.xml: line \d+, column \d+: malformed XML"):
        OFACXML().parse([SourceFile("cons.xml", data)])


def test_entry_without_uid_names_the_line(fixtures_dir: Path) -> None:
    data = _fixture_bytes(fixtures_dir).replace(b"<uid>1003</uid>", b"")
    with pytest.raises(ListFormatError, match=r"sdn\.xml: line 198: sdnEntry without uid"):
        OFACXML().parse([SourceFile("sdn.xml", data)])


def test_unknown_type_and_bad_date_are_refused(fixtures_dir: Path) -> None:
    data = _fixture_bytes(fixtures_dir)
    with pytest.raises(ListFormatError, match=r"line \d+: unknown sdnType 'Spaceship'"):
        OFACXML().parse([SourceFile("sdn.xml", data.replace(b"<sdnType>Vessel</sdnType>", b"<sdnType>Spaceship</sdnType>"))])
    with pytest.raises(ListFormatError, match=r"line 5: unreadable Publish_Date '28.12.2023'"):
        OFACXML().parse([SourceFile("sdn.xml", data.replace(b"12/28/2023", b"28.12.2023"))])


def test_record_count_mismatch_is_reported(fixtures_dir: Path) -> None:
    data = _fixture_bytes(fixtures_dir).replace(b"<Record_Count>4</Record_Count>", b"<Record_Count>5</Record_Count>")
    parsed = OFACXML().parse([SourceFile("sdn.xml", data)])
    assert parsed.warnings == ["sdn.xml: Record_Count says 5 entries, the file holds 4"]
