from __future__ import annotations

from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import Entity, NameKind
from seisai.sources import ParsedList, SourceFile, detect_format, group_files
from seisai.sources.formats.jp_meti_ru import JapanMETIExportBan
from seisai.text.scripts import Script
from tests.sources.jp_pdfs import fixture_pdf, pdf_bytes, text_pages
from tests.sources.real_files import claimed_files

RUSSIA = "japan/meti_ru_list_russia_tokutei.pdf"
BELARUS = "japan/meti_ru_list_belarus_tokutei.pdf"
THIRD = "japan/meti_ru_list_daisangoku_tokutei.pdf"
ROUNDS = ("japan/meti_ru_20250912list_russia_tokutei.pdf", "japan/meti_ru_20250912list_daisangoku_tokutei.pdf")


_PARSED: dict[Path, ParsedList] = {}


def parse(path: Path) -> ParsedList:
    """Each real PDF is parsed once for the whole module (the Russian list takes seconds)."""
    if path not in _PARSED:
        [publication] = group_files([SourceFile.from_path(path)])
        _PARSED[path] = publication.parse()
    return _PARSED[path]


@pytest.fixture(scope="module")
def russia(lists_dir: Path) -> ParsedList:
    return parse(lists_dir / RUSSIA)


@pytest.fixture(scope="module")
def mini(fixtures_dir: Path) -> ParsedList:
    data = fixture_pdf(fixtures_dir / "sources" / "jp_meti_ru" / "mini_russia.txt")
    return JapanMETIExportBan().parse([SourceFile("mini_russia.pdf", data)])


def by_number(parsed: ParsedList, number: int) -> Entity:
    return next(e for e in parsed.entities if e.source_id == str(number))


def names(entity: Entity, kind: NameKind) -> list[str]:
    return [n.value for n in entity.names if n.kind is kind]


@pytest.mark.parametrize(
    ("name", "source", "count", "updated"),
    [(RUSSIA, "jp_meti_ru", 561, "2025-09-12"), (BELARUS, "jp_meti_by", 27, "2022-07-05"), (THIRD, "jp_meti_third", 56, "2025-09-12")],
)
def test_counts_sources_and_dates(lists_dir: Path, name: str, source: str, count: int, updated: str) -> None:
    parsed = parse(lists_dir / name)
    assert parsed.source == source
    assert len(parsed.entities) == count
    assert [int(e.source_id) for e in parsed.entities] == list(range(1, count + 1))
    assert str(parsed.published) == updated
    assert all(e.names and e.addresses for e in parsed.entities)


def test_entity_with_aliases_and_several_addresses(russia: ParsedList) -> None:
    rqc = by_number(russia, 12)
    assert names(rqc, NameKind.PRIMARY) == ["国際量子光学・量子技術センター", "International Center for Quantum Optics and Quantum Technologies LLS"]
    assert set(names(rqc, NameKind.ALIAS)) == {"ロシア量子センター", "RQC", "Russian Quantum Center"}
    assert len(rqc.addresses) == 3 and rqc.countries == ["ru"]
    assert ["ロシア量子センター", "Russian Quantum Center"] in rqc.raw["name_pairs"]
    assert rqc.sanctions[0].notice == "令和四年外務省告示第八十二号"


def test_newer_alias_block(russia: ParsedList) -> None:
    vnesh = by_number(russia, 561)  # 別称：OOO Vneshekostil
    assert names(vnesh, NameKind.PRIMARY) == ["有限会社ヴネシュエコスティル", "LLC Vneshekostil"]
    assert names(vnesh, NameKind.ALIAS) == ["OOO Vneshekostil"]


def test_third_country_entity_with_chinese_name_and_aliases(lists_dir: Path) -> None:
    third = parse(lists_dir / THIRD)
    most = by_number(third, 28)  # "Most Development Limited, the following two aliases:" (no a.k.a.)
    assert "Most Development Limited" in names(most, NameKind.PRIMARY)
    assert {"Most Development", "Most Development Ltd"} <= set(names(most, NameKind.ALIAS))
    assert "hk" in most.countries
    ijet = by_number(third, 2)
    assert len(names(ijet, NameKind.ALIAS)) == 10  # five in Japanese, five in Latin
    assert ijet.countries == ["sy"]


def test_katakana_latin_pairs(lists_dir: Path) -> None:
    pairs: list[list[str]] = []
    for name in (RUSSIA, BELARUS, THIRD):
        pairs.extend(p for e in parse(lists_dir / name).entities for p in e.raw["name_pairs"])
    assert len(pairs) > 1000
    katakana = [p for p in pairs if any(0x30A0 <= ord(c) <= 0x30FF for c in p[0])]
    assert len(katakana) > 379
    assert all(not any(0x3040 <= ord(c) <= 0x9FFF for c in latin) for _, latin in pairs)


def test_round_notices_are_supplements(lists_dir: Path) -> None:
    files = [SourceFile.from_path(lists_dir / n) for n in (*ROUNDS, RUSSIA, THIRD)]
    skipped: list[str] = []
    groups = group_files(files, on_supplement=lambda f, reason: skipped.append(f.name))
    assert sorted(skipped) == sorted(Path(n).name for n in ROUNDS)
    assert sorted(g.source for g in groups) == ["jp_meti_ru", "jp_meti_third"]
    round_ru = JapanMETIExportBan().parse([SourceFile.from_path(lists_dir / ROUNDS[0])])
    assert [e.id for e in round_ru.entities] == ["jp_meti_ru-560", "jp_meti_ru-561"]
    assert str(round_ru.published) == "2025-09-12"  # from the file name: the notice has no date


def test_detection_claims_only_the_export_ban_pdfs(lists_dir: Path) -> None:
    assert claimed_files(JapanMETIExportBan, lists_dir) == {RUSSIA, BELARUS, THIRD, *ROUNDS}


def test_fixture_hard_cases(mini: ParsedList) -> None:
    mini.validate()
    assert len(mini.entities) == 5 and str(mini.published) == "2025-09-12"
    kazan = by_number(mini, 3)  # a Japanese name wrapped inside its brackets
    assert names(kazan, NameKind.PRIMARY) == ["株式会社カザンヘリコプター修理工場", "JSC Kazan Helicopter Plant Repair Service"]
    assert names(kazan, NameKind.ALIAS) == ["Kazanski Vertoletny Zavod Remservis", "KVZ Remservis"]
    plant = by_number(mini, 4)  # Word's space before digits; an entry running across a page
    assert names(plant, NameKind.PRIMARY)[0] == "株式会社第140修理工場"
    assert "140 Plant" in names(plant, NameKind.ALIAS)
    assert plant.raw["name_pairs"][1:] == [["株式会社140 BTRZ", "JSC 140 BTRZ"], ["第140工場", "Plant No. 140"], ["140工場", "140 Plant"]]
    rqc = by_number(mini, 2)  # an address line that starts with a number is not an entry
    assert [a.full for a in rqc.addresses][-1] == "Odintsovsky District, Moscow, 100 Novaya Street, 143025, Russia"
    alfa = by_number(mini, 5)
    assert names(alfa, NameKind.ALIAS) == ["アルファ・グループ", "有限会社AMG", "Alfa Group", "LLC Company AMG"]


def test_fixture_round_notice(fixtures_dir: Path) -> None:
    file = SourceFile("round.pdf", fixture_pdf(fixtures_dir / "sources" / "jp_meti_ru" / "mini_round.txt"))
    assert detect_format(file) is JapanMETIExportBan
    assert JapanMETIExportBan.source_of(file) == "jp_meti_third"
    assert JapanMETIExportBan.supplement_of(file) is not None
    parsed = JapanMETIExportBan().parse([file])
    ele = by_number(parsed, 48)
    original = [n for n in ele.names if n.kind is NameKind.ORIGINAL_SCRIPT]
    assert [n.value for n in original] == ["深圳市易絡電子有限公司"] and original[0].script is Script.HAN
    assert names(ele, NameKind.PRIMARY) == ["エレ・テクノロジー・カンパニー・リミテッド", "Ele Technology Co LTD"]


def test_belarus_title_decides_the_source(fixtures_dir: Path) -> None:
    pages = text_pages((fixtures_dir / "sources" / "jp_meti_ru" / "mini_russia.txt").read_text("utf-8"))
    pages[0][1] = "の対象となるベラルーシ共和国の団体（令和四年外務省告示第百四号）"
    file = SourceFile("meti_ru_list_russia_tokutei.pdf", pdf_bytes(pages))  # the name says Russia
    assert JapanMETIExportBan.source_of(file) == "jp_meti_by"
    assert JapanMETIExportBan().parse([file]).source == "jp_meti_by"


def test_a_pdf_that_is_not_meti_is_refused() -> None:
    file = SourceFile("other.pdf", pdf_bytes([["Annual report 2024", "1 Introduction", "Nothing to see here"]]))
    assert not JapanMETIExportBan.detect(file)
    with pytest.raises(ListFormatError, match=r"other\.pdf: page 1: not a METI/MOFA export-ban list"):
        JapanMETIExportBan().parse([file])


def test_list_without_entries_is_refused(fixtures_dir: Path) -> None:
    pages = text_pages((fixtures_dir / "sources" / "jp_meti_ru" / "mini_russia.txt").read_text("utf-8"))
    file = SourceFile("cut.pdf", pdf_bytes([pages[0][:4]]))
    with pytest.raises(ListFormatError, match=r"cut\.pdf: page 1: no numbered entries"):
        JapanMETIExportBan().parse([file])


def test_truncated_pdf_is_refused(lists_dir: Path) -> None:
    data = (lists_dir / RUSSIA).read_bytes()[:50_000]
    with pytest.raises(ListFormatError, match=r"r\.pdf"):
        JapanMETIExportBan().parse([SourceFile("r.pdf", data)])
