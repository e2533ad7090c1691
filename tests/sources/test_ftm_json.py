from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from seisai.exc import ListFormatError
from seisai.model import IdKind, NameKind, Schema
from seisai.sources import ParsedList, SourceFile, group_files
from seisai.sources.formats.ftm_json import FollowTheMoneyJSON
from seisai.text.scripts import Script
from tests.sources.real_files import claimed_files

ZALA = "yente_zala_entities.ftm.json"
T1 = "yente_t1_entities.ftm.json"
ZAKHAROV = "NK-aU5ybkbRFJucf8YMwsJvDw"


def _read(lists_dir: Path, name: str) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(lists_dir / "opensanctions" / name)])
    return publication.parse()


@pytest.fixture(scope="module")
def zala(lists_dir: Path) -> ParsedList:
    return _read(lists_dir, ZALA)


def _lines(*objects: dict[str, Any]) -> bytes:
    return "\n".join(json.dumps(o, ensure_ascii=False) for o in objects).encode("utf-8") + b"\n"


def _parse(data: bytes) -> ParsedList:
    return FollowTheMoneyJSON().parse([SourceFile("x.ftm.json", data)])


def test_counts(lists_dir: Path, zala: ParsedList) -> None:
    # 91 lines: 17 listed things, and 74 parts of them (41 Sanction, 14 Ownership, 11 Address,
    # 4 Family, 3 Directorship, 1 Passport), all attached, none skipped
    assert (zala.source, zala.format, zala.published) == ("opensanctions", "ftm_json", None)
    assert zala.counts() == {"total": 17, "Person": 6, "Company": 11}
    assert zala.warnings == []
    assert sum(len(e.sanctions) for e in zala.entities) >= 41
    t1 = _read(lists_dir, T1)
    assert t1.counts() == {"total": 6, "Person": 4, "Organization": 2}


def test_source_is_the_dataset_of_a_one_dataset_export(lists_dir: Path) -> None:
    files = [SourceFile.from_path(lists_dir / "opensanctions" / n) for n in (T1, ZALA)]
    sources = {p.files[0].name: p.source for p in group_files(files)}
    # t1 is a yente index of the EU list alone; zala mixes 27 datasets
    assert sources == {T1: "opensanctions_eu_fsf", ZALA: "opensanctions"}


def test_sanctioned_person_with_relations(zala: ParsedList) -> None:
    zakharov = next(e for e in zala.entities if e.source_id == ZAKHAROV)
    assert zakharov.id == f"opensanctions-{ZAKHAROV}"
    assert zakharov.caption == "Alexander Vyacheslavovich ZAKHAROV"
    assert {NameKind.PRIMARY, NameKind.ALIAS} <= {n.kind for n in zakharov.names}
    assert any(n.script is Script.CYRILLIC for n in zakharov.names)
    assert [d.iso() for d in zakharov.birth_dates] == ["1965-09-21"]
    assert zakharov.nationalities == ["ru"] and zakharov.gender == "male"
    assert (IdKind.INN, "183111242406") in {(i.kind, i.value) for i in zakharov.identifiers}
    eu = next(s for s in zakharov.sanctions if s.programme == "EU-UKR" and s.reason)
    assert eu.listed_on == date(2025, 2, 24) and eu.reason == "2025/389 (OJ L24022025)"
    assert "LLC CST [NK-abdzbEBkqyT29GyREbiURZ]" in zakharov.properties["directorOf"]
    assert len(zakharov.properties["relatives"]) == 4  # the four Family entities
    assert {r["schema"] for r in zakharov.raw["related"]} == {"Sanction", "Passport"}  # kept for audit
    assert zakharov.raw["ftm"]["id"] == ZAKHAROV


def test_company_with_japanese_names_owners_and_addresses(zala: ParsedList) -> None:
    cst = next(e for e in zala.entities if e.caption == "LLC CST")
    assert cst.schema is Schema.COMPANY
    assert "ザラ・アエロ・グループ" in {n.value for n in cst.names}
    assert {"JSC Kalashnikov Concern [NK-nR5AXM9AVPq4pQaSPSaVam]"} <= set(cst.properties["ownedBy"])
    assert {(IdKind.INN, "1841015504"), (IdKind.OGRN, "1101841007938")} <= {(i.kind, i.value) for i in cst.identifiers}
    assert cst.addresses and "ru" in cst.countries
    assert {s.programme for s in cst.sanctions} >= {"EU-UKR", "AU-RUSSIA"}
    assert cst.properties["legalForm"]  # an unmapped property is kept under its FtM name


def test_one_dataset_export_gives_a_designation_per_entity(lists_dir: Path) -> None:
    t1 = _read(lists_dir, T1)
    kuzmenko = next(e for e in t1.entities if e.source_id == "NK-2Ka3UvopqbpZmVDFjWd4LA")
    assert [(s.programme, s.listed_on) for s in kuzmenko.sanctions] == [("eu_fsf", date(2024, 2, 23))]
    assert kuzmenko.positions == ["General Director of JSC 163 Armor Repair Plant"]
    assert any(i.kind is IdKind.INN and i.value == "366510784303" for i in kuzmenko.identifiers)
    inter = next(e for e in t1.entities if e.source_id == "NK-2GdmHtZTeNXjNVrBGEXZNj")
    assert inter.properties["addressEntity"] == ["addr-125caec37c3486d3a71de8ae943eec47f420b38a"]  # not in the file


def test_detects_only_ftm_files(lists_dir: Path) -> None:
    assert claimed_files(FollowTheMoneyJSON, lists_dir) == {f"opensanctions/{ZALA}", f"opensanctions/{T1}"}
    assert not FollowTheMoneyJSON.detect(SourceFile("x.json", b'{"name": "not ftm"}\n'))
    assert not FollowTheMoneyJSON.detect(SourceFile("x.json", b"[1, 2, 3]\n"))


def test_parts_are_attached_by_id_or_referent() -> None:
    data = _lines(
        {"id": "p1", "schema": "Person", "caption": "Ivan IVANOV",
         "properties": {"name": ["Ivan IVANOV"], "addressEntity": ["addr-old"], "customThing": ["kept"]}},
        {"id": "a1", "schema": "Address", "referents": ["addr-old"],
         "properties": {"full": ["ul. Tverskaya 1, Moscow"], "country": ["ru"]}},
        {"id": "doc1", "schema": "Passport", "properties": {"holder": ["p1"], "number": ["712345678"], "country": ["ru"]}},
        {"id": "s1", "schema": "Sanction", "properties": {"entity": ["p1"], "programId": ["EU-RUS"], "authority": ["Council"],
                                                         "listingDate": ["2022-03-15", "2022-02-23"], "endDate": ["2024-01-01"]}},
        {"id": "x1", "schema": "Security", "properties": {"name": ["A bond"]}},
    )  # fmt: skip
    parsed = _parse(data)
    [person] = parsed.entities
    assert [(a.full, a.country) for a in person.addresses] == [("ul. Tverskaya 1, Moscow", "ru")]
    assert [(i.kind, i.value, i.country) for i in person.identifiers] == [(IdKind.PASSPORT, "712345678", "ru")]
    [sanction] = person.sanctions
    assert (sanction.programme, sanction.listed_on, sanction.reason) == ("EU-RUS", date(2022, 2, 23), "ended 2024-01-01")
    assert person.properties["customThing"] == ["kept"]
    assert parsed.warnings == ["x.ftm.json: 1 Security entities skipped (not a listed party or a part of one)"]


def test_bad_json_names_the_line() -> None:
    good = _lines({"id": "p1", "schema": "Person", "properties": {"name": ["A"]}})
    with pytest.raises(ListFormatError, match=r"x\.ftm\.json: line 2: invalid JSON: Expecting ',' delimiter \(column 13\)"):
        _parse(good + b'{"id": "p2" "schema": "Person"}\n')
    with pytest.raises(ListFormatError, match=r"x\.ftm\.json: line 3: not a FollowTheMoney entity"):
        _parse(good + b"\n" + b'{"schema": "Person", "properties": {}}\n')
    with pytest.raises(ListFormatError, match=r"x\.ftm\.json: line 2: duplicate entity id p1"):
        _parse(good + good)


def test_truncated_file_is_refused(lists_dir: Path) -> None:
    lines = (lists_dir / "opensanctions" / ZALA).read_bytes().split(b"\n")
    cut = b"\n".join(lines[:49]) + b"\n" + lines[49][:40]  # the file ends inside line 50
    with pytest.raises(ListFormatError, match=r"x\.ftm\.json: line 50: invalid JSON"):
        _parse(cut)


def test_unreadable_birth_date_is_kept_and_reported() -> None:
    parsed = _parse(_lines({"id": "p1", "schema": "Person", "properties": {"name": ["A"], "birthDate": ["1971-13-45"]}}))
    assert parsed.entities[0].properties["birthDateText"] == ["1971-13-45"]
    assert parsed.warnings == ["x.ftm.json: line 1: p1: unreadable birthDate '1971-13-45'"]
