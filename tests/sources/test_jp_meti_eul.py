from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import Entity, NameKind, Schema
from seisai.sources import ParsedList, SourceFile, detect_format, group_files
from seisai.sources.formats.jp_meti_eul import JapanEndUserList, concerns_of
from tests.sources.jp_workbooks import fixture_sheets, fixture_workbook
from tests.sources.real_files import claimed_files

EUL_XLSX = "japan/meti_eul_20250929_4.xlsx"
EUL_PDF = "japan/meti_eul_20250929_2.pdf"


@pytest.fixture(scope="module")
def real(lists_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(lists_dir / EUL_XLSX)])
    return publication.parse()


@pytest.fixture(scope="module")
def mini(fixtures_dir: Path) -> ParsedList:
    return JapanEndUserList().parse([fixture_workbook(fixtures_dir / "sources" / "jp_meti_eul" / "mini_eul.yml")])


def names(entity: Entity, kind: NameKind) -> list[str]:
    return [n.value for n in entity.names if n.kind is kind]


def test_counts(real: ParsedList) -> None:
    assert len(real.entities) == 835
    assert Counter(c for e in real.entities for c in e.countries)["ru"] == 100
    assert all(e.schema is Schema.ORGANIZATION for e in real.entities)
    assert str(real.published) == "2025-09-29"
    assert real.warnings == []


def test_ids_are_unique_and_do_not_use_the_row_number(real: ParsedList) -> None:
    ids = [e.id for e in real.entities]
    assert len(ids) == len(set(ids))
    assert "jp_meti_eul-ru-uralvagonzavod" in ids


def test_concern_types(real: ParsedList) -> None:
    qaida = next(e for e in real.entities if e.sanctions[0].reference == "No. 1")
    assert qaida.sanctions[0].concerns == ("B", "C", "M", "N", "conventional")
    concerns = Counter(c for e in real.entities for c in e.sanctions[0].concerns)
    assert set(concerns) == {"B", "C", "M", "N", "conventional"}
    assert concerns["conventional"] == 240  # 通常兵器 CW
    assert all(e.sanctions[0].concerns for e in real.entities)


def test_english_and_chinese_names(real: ParsedList) -> None:
    calt = next(e for e in real.entities if "China Academy of Launch Vehicle Technology" in names(e, NameKind.PRIMARY))
    assert "中国運載火箭技術研究院" in names(calt, NameKind.PRIMARY)
    assert "CALT" in names(calt, NameKind.ALIAS)
    assert "中国航天科技集団公司第一研究院" in names(calt, NameKind.ALIAS)  # an alias in brackets on its own line
    assert {n.lang for n in calt.names} == {"en", "zh"}
    assert calt.sanctions[0].concerns == ("M", "conventional")


def test_japanese_only_name(real: ParsedList) -> None:
    entity = next(e for e in real.entities if "民族経済協力連合会" in names(e, NameKind.PRIMARY))
    assert entity.countries == ["kp"]
    assert names(entity, NameKind.ALIAS) == ["朝鮮民族経済協力連合会", "民経連"]
    assert entity.names[0].lang == "ja"


def test_the_pdf_is_the_covering_notice_and_is_skipped(lists_dir: Path) -> None:
    pdf = SourceFile.from_path(lists_dir / EUL_PDF)
    assert detect_format(pdf) is JapanEndUserList
    assert "covering notice" in (JapanEndUserList.supplement_of(pdf) or "")
    skipped: list[str] = []
    groups = group_files([pdf, SourceFile.from_path(lists_dir / EUL_XLSX)], on_supplement=lambda f, r: skipped.append(f.name))
    assert skipped == ["meti_eul_20250929_2.pdf"] and len(groups) == 1
    with pytest.raises(ListFormatError, match=r"meti_eul_20250929_2\.pdf: page 1: the covering notice"):
        JapanEndUserList().parse([pdf])


def test_detection_claims_only_the_end_user_list(lists_dir: Path) -> None:
    assert claimed_files(JapanEndUserList, lists_dir) == {EUL_XLSX, EUL_PDF}


def test_fixture(mini: ParsedList) -> None:
    mini.validate()
    assert len(mini.entities) == 5
    kimia = next(e for e in mini.entities if e.countries == ["ir"])
    assert names(kimia, NameKind.PRIMARY) == ["KIMIA PART SIVAN COMPANY LLC"]
    assert names(kimia, NameKind.ALIAS) == ["KIPAS", "KIMIA PART SIVAN", "KIMIA PARTS SIBON"]
    assert kimia.sanctions[0].concerns == ("B", "C", "M", "N")
    dprk = next(e for e in mini.entities if e.countries == ["kp"])
    assert dprk.sanctions[0].concerns == ("N",)  # full-width Ｎ


def test_wrapped_alias_and_colliding_names(mini: ParsedList) -> None:
    uvz = [e for e in mini.entities if e.countries == ["ru"]]
    assert [e.id for e in uvz] == [
        "jp_meti_eul-ru-joint-stock-company-uraltransmash",
        "jp_meti_eul-ru-joint-stock-company-uraltransmash-5",
    ]
    assert "Aktsionernoe Obshchestvo Uralskiy Zavod Transportnogo Mashinostroeniya" in names(uvz[0], NameKind.ALIAS)
    assert any("name already listed" in w for w in mini.warnings)


def test_concerns_of() -> None:
    assert concerns_of("生物、化学\nB,C", "") == ("B", "C")
    assert concerns_of("ミサイルM", None) == ("M",)
    assert concerns_of("", "通常兵器\nCW") == ("conventional",)
    assert concerns_of("Not applicable", "") == ()


def test_sheet_without_header_is_refused(fixtures_dir: Path) -> None:
    path = fixtures_dir / "sources" / "jp_meti_eul" / "mini_eul.yml"
    sheets = fixture_sheets(path)
    sheets["ユーザーリスト"] = sheets["ユーザーリスト"][1:]
    with pytest.raises(ListFormatError, match=r"meti_eul_20250929_4\.xlsx: sheet 'ユーザーリスト': no header row"):
        JapanEndUserList().parse([fixture_workbook(path, sheets=sheets)])
