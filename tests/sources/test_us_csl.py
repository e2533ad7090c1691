from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import Entity, IdKind, NameKind, Schema
from seisai.sources import ParsedList, SourceFile, detect_format, group_files
from seisai.sources.formats._csl_fields import parse_address, person_name
from seisai.sources.formats.us_csl import ConsolidatedScreeningList
from tests.sources.real_files import claimed_files

REAL = "csl/consolidated_csl_2022-05.csv.gz"
HEADER = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,"
    "standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,"
    "vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,"
    "places_of_birth,source_information_url,ids"
)
SDN = "Specially Designated Nationals (SDN) - Treasury Department"
SMALL = "\n".join(
    [
        HEADER,
        f'101,{SDN},101,Individual,RUSSIA-EO14024,"IVANOV, Ivan Petrovich",Director,"ul. Tverskaya 1, Moscow, 125009, RU",,,,,,,,,,,,,,'
        ',"IVANOV, Iwan; IWANOW, Ivan",RU,1962-05-01; circa 1963,RU,"Moscow, Russia",,'
        '"RU, 771234567890, Tax ID No.; RU, 7512345678, Passport; Male, Gender"',
        '101,Sectoral Sanctions Identifications List (SSI) - Treasury Department,101,Individual,RUSSIA-EO14024,"IVANOV, Ivan Petrovich",'
        ",,,,,,,,,,,,,,,,,,,,,,",
        'abc123,Entity List (EL) - Bureau of Industry and Security,,,,Example Radio JSC,,"Leninsky 2, Moscow, RU",87 FR 20299,'
        '2022-04-07,,,For all items subject to the EAR.,Policy of denial.,,,,,,,,,Open JSC Example Radio; and JSC Radio,,,,,,',
    ]
)


@pytest.fixture(scope="module")
def csl(lists_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(lists_dir / REAL)])
    return publication.parse()


@pytest.fixture(scope="module")
def by_id(csl: ParsedList) -> dict[str, Entity]:
    return {e.source_id: e for e in csl.entities}


@pytest.mark.slow
def test_counts_match_sources_md(csl: ParsedList) -> None:
    assert csl.source == "us_trade_csl" and csl.published is None
    assert sum(len(e.raw["rows"]) for e in csl.entities) == 14_160
    # Treasury entities on several sub-lists (SDN and SSI, SDN and CAP...) are one entity each
    assert csl.counts() == {
        "total": 14_048, "Person": 5_284, "Organization": 4_423, "LegalEntity": 3_625, "Vessel": 433, "Airplane": 283,
    }  # fmt: skip
    on_list: dict[str, int] = {}
    for entity in csl.entities:
        for sanction in entity.sanctions:
            on_list[sanction.programme] = on_list.get(sanction.programme, 0) + 1
    assert on_list["Specially Designated Nationals (SDN)"] == 10_026
    assert on_list["Entity List (EL)"] == 2_001
    assert on_list["Denied Persons List (DPL)"] == 462
    assert on_list["Sectoral Sanctions Identifications List (SSI)"] == 290
    assert csl.warnings == []


@pytest.mark.slow
def test_entity_on_three_sub_lists(by_id: dict[str, Entity]) -> None:
    vtb_africa = by_id["18725"]
    assert [(s.programme, s.authority) for s in vtb_africa.sanctions] == [
        ("Capta List (CAP)", "Treasury Department"),
        ("Specially Designated Nationals (SDN)", "Treasury Department"),
        ("Sectoral Sanctions Identifications List (SSI)", "Treasury Department"),
    ]
    assert vtb_africa.properties["programId"] == ["UKRAINE-EO13662", "RUSSIA-EO14024"]
    assert (IdKind.BIC, "VTBLAOLU") in {(i.kind, i.value) for i in vtb_africa.identifiers}


@pytest.mark.slow
def test_several_ids_of_the_right_kinds(by_id: dict[str, Entity]) -> None:
    rossiya = by_id["16681"]
    assert [(i.kind, i.value, i.country) for i in rossiya.identifiers] == [
        (IdKind.OGRN, "1027800000084", "ru"),
        (IdKind.REGISTRATION, "09804148", "ru"),
        (IdKind.INN, "7831000122", "ru"),
        (IdKind.EMAIL, "bank@abr.ru", None),
        (IdKind.WEBSITE, "www.abr.ru", None),
        (IdKind.BIC, "ROSYRU2P", None),
    ]
    person = by_id["7221"]
    assert person.caption == "Eduardo GONZALEZ QUIRARTE"
    assert [d.iso() for d in person.birth_dates] == ["1962-08-28", "1962-08-20"]
    assert [(i.kind, i.country) for i in person.identifiers] == [
        (IdKind.NATIONAL_ID, "us"), (IdKind.PASSPORT, "mx"), (IdKind.PASSPORT, "mx"),
    ]  # fmt: skip
    vessel = by_id["23156"]
    assert vessel.schema is Schema.VESSEL and [(i.kind, i.value) for i in vessel.identifiers] == [(IdKind.IMO, "8898831")]
    assert vessel.properties["flag"] == ["kp"] and vessel.properties["linkedTo"] == ["YUSONG SHIPPING CO"]


@pytest.mark.slow
def test_non_treasury_entries_keep_the_publisher_id(by_id: dict[str, Entity]) -> None:
    ash = by_id["deb7a1d5743a85c354ca1a2c7f2664e2104b32d7"]  # Denied Persons List
    assert ash.schema is Schema.LEGAL_ENTITY and ash.caption == "I. ASH"
    [sanction] = ash.sanctions
    assert (sanction.programme, sanction.authority, str(sanction.listed_on)) == (
        "Denied Persons List (DPL)", "Bureau of Industry and Security", "2003-06-19",
    )  # fmt: skip
    assert ash.properties["endDate"] == ["2056-06-29"] and ash.addresses[0].country == "us"


def test_small_file_gzipped() -> None:
    file = SourceFile("csl.csv.gz", gzip.compress(SMALL.encode()))
    assert detect_format(file) is ConsolidatedScreeningList
    person, company = ConsolidatedScreeningList().parse([file]).entities
    assert person.id == "us_trade_csl-101" and person.schema is Schema.PERSON
    assert [(n.value, n.kind) for n in person.names] == [
        ("Ivan Petrovich IVANOV", NameKind.PRIMARY), ("Iwan IVANOV", NameKind.ALIAS), ("Ivan IWANOW", NameKind.ALIAS),
    ]  # fmt: skip
    assert [str(d) for d in person.birth_dates] == ["1962-05-01", "c. 1963"]
    assert person.gender == "male" and person.nationalities == ["ru"] and person.positions == ["Director"]
    assert [(i.kind, i.value) for i in person.identifiers] == [(IdKind.INN, "771234567890"), (IdKind.PASSPORT, "7512345678")]
    assert len(person.sanctions) == 2 and len(person.raw["rows"]) == 2
    assert company.id == "us_trade_csl-abc123" and company.schema is Schema.LEGAL_ENTITY
    assert [n.value for n in company.names] == ["Example Radio JSC", "Open JSC Example Radio", "JSC Radio"]
    assert company.sanctions[0].notice == "87 FR 20299" and "License policy: Policy of denial." in company.notes


def test_field_readers() -> None:
    assert person_name("GONZALEZ QUIRARTE, Eduardo") == ("Eduardo GONZALEZ QUIRARTE", "GONZALEZ QUIRARTE", "Eduardo")
    assert person_name("Ali Abdullah Alhay") == ("Ali Abdullah Alhay", None, None)
    assert parse_address("22, Rua da Missao, Luanda, AO").country == "ao"
    assert parse_address("Somewhere, Unknown Land").country is None


def test_detection_claims_only_the_csl_file(lists_dir: Path) -> None:
    assert claimed_files(ConsolidatedScreeningList, lists_dir) == {REAL}


def test_truncated_gzip_names_the_line(lists_dir: Path) -> None:
    data = (lists_dir / REAL).read_bytes()
    file = SourceFile("csl.csv.gz", data[: len(data) // 2])
    assert ConsolidatedScreeningList.detect(file)
    with pytest.raises(ListFormatError, match=r"csl\.csv\.gz: line \d{4,}: compressed data is damaged or cut short"):
        ConsolidatedScreeningList().parse([file])


def test_ragged_csv_names_the_line() -> None:
    lines = SMALL.split("\n")
    lines[3] = lines[3] + ",one too many"
    with pytest.raises(ListFormatError, match=r"r\.csv: line 4: row has 30 cells but the header has 29"):
        ConsolidatedScreeningList().parse([SourceFile("r.csv", "\n".join(lines).encode())])
    with pytest.raises(ListFormatError, match=r"t\.csv: line 2: row has \d+ cells .*truncated"):
        ConsolidatedScreeningList().parse([SourceFile("t.csv", SMALL.split("\n", 2)[0].encode() + b"\n" + lines[1][:60].encode())])


def test_file_without_the_header_is_refused() -> None:
    file = SourceFile("x.csv", b"id,name\n1,ACME\n")
    assert not ConsolidatedScreeningList.detect(file)
    with pytest.raises(ListFormatError, match=r"x\.csv: no Consolidated Screening List header line"):
        ConsolidatedScreeningList().parse([file])


def test_invalid_utf8_names_the_line() -> None:
    data = (SMALL + "\n").encode() + b"zz,bad \xff byte" + b"," * 27 + b"\n"
    with pytest.raises(ListFormatError, match=r"b\.csv: line 5: invalid UTF-8"):
        ConsolidatedScreeningList().parse([SourceFile("b.csv", data)])
