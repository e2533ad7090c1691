from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import IdKind, NameKind, Precision, Schema
from seisai.sources import ParsedList, SourceFile, detect_format, group_files
from seisai.sources.formats.eu_fsf_xml import EUFinancialSanctionsXML
from seisai.text.scripts import Script
from tests.sources.real_files import claimed_files


def _data(fixtures_dir: Path) -> bytes:
    return (fixtures_dir / "sources" / "eu_fsf_xml" / "eu_fsf_full.xml").read_bytes()


def _parse(data: bytes) -> ParsedList:
    return EUFinancialSanctionsXML().parse([SourceFile("eu.xml", data)])


@pytest.fixture(scope="module")
def parsed(fixtures_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(fixtures_dir / "sources" / "eu_fsf_xml" / "eu_fsf_full.xml")])
    return publication.parse()


def test_publication(parsed: ParsedList) -> None:
    assert (parsed.source, parsed.format) == ("eu_fsf", "eu_fsf_xml")
    assert parsed.published == date(2025, 11, 21)
    assert parsed.counts() == {"total": 4, "Person": 2, "Organization": 2}
    assert parsed.warnings == []


def test_names_in_several_languages_and_scripts(parsed: ParsedList) -> None:
    ivanov = next(e for e in parsed.entities if e.source_id == "EU.7001.11")
    names = {(n.value, n.kind, n.lang, n.script) for n in ivanov.names}
    assert names == {
        ("Ivan Ivanovich IVANOV", NameKind.PRIMARY, "en", Script.LATIN),
        ("Иван Иванович ИВАНОВ", NameKind.ALIAS, "ru", Script.CYRILLIC),
        ("Іван Іванович ІВАНОВ", NameKind.ALIAS, "uk", Script.CYRILLIC),
        ("Iwan Iwanowitsch IWANOW", NameKind.ALIAS, "de", Script.LATIN),
        ("Vanya", NameKind.WEAK_ALIAS, None, Script.LATIN),  # strong="false"
    }
    assert ivanov.names[1].family == "ИВАНОВ" and ivanov.names[1].given == "Иван Иванович"
    assert ivanov.gender == "male" and ivanov.positions == ["Deputy Minister of Energy"]


def test_primary_name_is_latin_even_when_parts_only(parsed: ParsedList) -> None:
    petrova = next(e for e in parsed.entities if e.source_id == "EU.7004.44")
    assert petrova.caption == "Alena Mikalaeuna PETRAVA"
    assert [n.kind for n in petrova.names] == [NameKind.PRIMARY, NameKind.ALIAS, NameKind.ALIAS]
    assert [n.lang for n in petrova.names] == [None, "ru", "be"]


def test_birth_dates_full_year_only_circa_and_range(parsed: ParsedList) -> None:
    ivanov = next(e for e in parsed.entities if e.source_id == "EU.7001.11")
    assert [str(d) for d in ivanov.birth_dates] == ["1951-12-15", "c. 1953", "1954/1955"]
    assert [d.precision for d in ivanov.birth_dates] == [Precision.DAY, Precision.YEAR, Precision.RANGE]
    assert ivanov.birth_places == ["Moscow, RUSSIAN FEDERATION"]  # the "UNKNOWN" places are dropped
    assert ivanov.properties["birthCountry"] == ["ru"]
    petrova = next(e for e in parsed.entities if e.source_id == "EU.7004.44")
    assert [d.iso() for d in petrova.birth_dates] == ["1970-03-02", "1971-03-02"]


def test_regulations_give_listing_dates_per_programme(parsed: ParsedList) -> None:
    ivanov = next(e for e in parsed.entities if e.source_id == "EU.7001.11")
    [rus] = ivanov.sanctions  # the 2023 amendment does not make a second designation
    assert (rus.programme, rus.listed_on, rus.notice) == ("RUS", date(2022, 2, 23), "2022/260 (OJ L 42I)")
    assert rus.reference == "EU.7001.11" and rus.authority == "European Union"
    company = next(e for e in parsed.entities if e.source_id == "EU.7002.22")
    assert [(s.programme, s.listed_on) for s in company.sanctions] == [
        ("RUS", date(2022, 4, 8)),
        ("BLR", date(2022, 6, 3)),
    ]
    assert company.listed_on == date(2022, 4, 8)


def test_identifications(parsed: ParsedList) -> None:
    ivanov = next(e for e in parsed.entities if e.source_id == "EU.7001.11")
    ids = {(i.kind, i.value, i.country) for i in ivanov.identifiers}
    assert ids == {
        (IdKind.PASSPORT, "712345678", "ru"),
        (IdKind.PASSPORT, "20 1234567", "ru"),
        (IdKind.INN, "770123456789", "ru"),  # a Russian fiscal code of 12 digits is an INN
    }
    diplomatic = next(i for i in ivanov.identifiers if i.value == "20 1234567")
    assert diplomatic.note == "National passport; diplomatic; known expired; issued by Ministry of Foreign Affairs"
    company = next(e for e in parsed.entities if e.source_id == "EU.7002.22")
    kinds = {i.kind: i.value for i in company.identifiers}
    assert kinds == {IdKind.OGRN: "1027700123456", IdKind.INN: "7701234567", IdKind.BIC: "RGKPRUMM"}


def test_addresses_and_countries(parsed: ParsedList) -> None:
    company = next(e for e in parsed.entities if e.source_id == "EU.7002.22")
    assert [a.full for a in company.addresses] == [
        "Prospekt Mira 10, office 5, Moscow, 129090, RUSSIAN FEDERATION",
        "PO Box 12, Minsk, BELARUS",
    ]
    assert company.countries == ["ru", "by"]
    assert company.addresses[0].postal_code == "129090"


def test_entry_without_reference_uses_its_logical_id(parsed: ParsedList) -> None:
    shipping = next(e for e in parsed.entities if e.schema is Schema.ORGANIZATION and "Korea" in e.caption)
    assert shipping.id == "eu_fsf-logical-130003"
    assert shipping.properties["unId"] == ["EDe.001"]
    assert [(i.kind, i.value) for i in shipping.identifiers] == [(IdKind.IMO, "5434561")]
    assert shipping.sanctions[0].reason == "Owner of vessels used for oil transfers."


def test_raw_record_and_remarks(parsed: ParsedList) -> None:
    ivanov = next(e for e in parsed.entities if e.source_id == "EU.7001.11")
    assert ivanov.notes == ["Deputy Minister of Energy of the Russian Federation since 2020."]
    assert 'euReferenceNumber="EU.7001.11"' in ivanov.raw["xml"]
    assert ivanov.properties["euLogicalId"] == ["130001"]


def test_detection(lists_dir: Path, fixtures_dir: Path) -> None:
    assert claimed_files(EUFinancialSanctionsXML, lists_dir) == set(), "no real EU FSF XML in the snapshots"
    assert detect_format(SourceFile("eu.xml", _data(fixtures_dir))) is EUFinancialSanctionsXML
    assert not EUFinancialSanctionsXML.detect(SourceFile("x.xml", b"<export><sanctionEntity/></export>"))


def test_truncated_file_is_refused(fixtures_dir: Path) -> None:
    with pytest.raises(ListFormatError, match=r"eu\.xml: line \d+, column \d+: malformed XML"):
        _parse(_data(fixtures_dir)[:5000])


def test_entry_without_any_id_names_the_line(fixtures_dir: Path) -> None:
    data = _data(fixtures_dir).replace(b'euReferenceNumber="EU.7004.44" logicalId="130004"', b"")
    with pytest.raises(ListFormatError, match=r"eu\.xml: line 50: sanctionEntity without euReferenceNumber or logicalId"):
        _parse(data)


def test_unknown_subject_type_and_bad_dates_are_refused(fixtures_dir: Path) -> None:
    data = _data(fixtures_dir)
    with pytest.raises(ListFormatError, match=r"line \d+: unknown subjectType 'spaceship'"):
        _parse(data.replace(b'code="enterprise" classificationCode="E"', b'code="spaceship"', 1))
    with pytest.raises(ListFormatError, match=r"line 51: publicationDate '21/06/2021' is not a date"):
        _parse(data.replace(b'publicationDate="2021-06-21"', b'publicationDate="21/06/2021"'))


def test_impossible_birth_date_is_a_warning(fixtures_dir: Path) -> None:
    data = _data(fixtures_dir).replace(b'birthdate="1971-03-02"', b'birthdate="1971-02-30"')
    parsed = _parse(data)
    assert any("unreadable birth date" in w for w in parsed.warnings)
    petrova = next(e for e in parsed.entities if e.source_id == "EU.7004.44")
    assert [d.iso() for d in petrova.birth_dates] == ["1970-03-02"]
