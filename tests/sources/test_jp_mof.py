from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from seisai.exc import ListFormatError
from seisai.model import Entity, IdKind, NameKind, Precision, Schema
from seisai.sources import ParsedList, SourceFile, detect_format, group_files
from seisai.sources.formats.jp_mof import JapanMOF
from tests.sources.jp_workbooks import fixture_sheets, fixture_workbook, workbook_bytes
from tests.sources.real_files import claimed_files

MOF_FILE = "japan/mof_shisantouketsu20260305.xlsx"


@pytest.fixture(scope="module")
def real(lists_dir: Path) -> ParsedList:
    [publication] = group_files([SourceFile.from_path(lists_dir / MOF_FILE)])
    return publication.parse()


@pytest.fixture(scope="module")
def mini(fixtures_dir: Path) -> ParsedList:
    return JapanMOF().parse([fixture_workbook(fixtures_dir / "sources" / "jp_mof" / "mini_workbook.yml")])


def by_id(parsed: ParsedList, entity_id: str) -> Entity:
    return next(e for e in parsed.entities if e.id == entity_id)


def names(entity: Entity, kind: NameKind | None = None) -> list[str]:
    return [n.value for n in entity.names if kind is None or n.kind is kind]


# --- the real workbook -------------------------------------------------------------------


def test_counts_per_sheet_match_sources_md(real: ParsedList) -> None:
    per_sheet = Counter(e.raw["sheet"].split(".", 1)[0] for e in real.entities)
    assert len(real.entities) == 2862
    assert per_sheet["29"] == 752  # ロシア連邦(個人)
    assert per_sheet["28"] == 369  # ロシア連邦(団体)
    assert per_sheet["30"] == 16  # ロシア連邦(特定銀行)
    assert per_sheet["26"] == 331  # クリミア等(個人)
    assert str(real.published) == "2026-03-05"
    assert real.source == "jp_mof"


def test_every_programme_sheet_is_read(real: ParsedList) -> None:
    sheets = {e.raw["sheet"] for e in real.entities}
    assert len(sheets) == 40  # 44 programme sheets, 3 lifted (【解除】), Mali all deleted
    assert not any("解除" in s for s in sheets)
    assert {e.sanctions[0].programme for e in real.entities} >= {"ロシア連邦(個人)", "タリバーン関係者等"}


def test_ids_are_programme_key_and_notice_number(real: ParsedList) -> None:
    ids = [e.id for e in real.entities]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"jp_mof-[a-z0-9-]+-\d+", i) for i in ids)
    putin = by_id(real, "jp_mof-russia-persons-1")
    assert names(putin, NameKind.PRIMARY) == ["ウラジーミル・プーチン", "Vladimir Putin"]


def test_every_russian_designation_has_a_katakana_and_latin_pair(real: ParsedList) -> None:
    russians = [e for e in real.entities if e.raw["sheet"].startswith(("28.", "29.", "30."))]
    assert len(russians) == 752 + 369 + 16
    for entity in russians:
        assert {"ja", "en"} <= {n.lang for n in entity.names}, entity.id
        assert entity.raw["name_pairs"], entity.id
    veb = by_id(real, "jp_mof-russia-banks-3")  # ＶＥＢ．ＲＦ（ロシア対外経済銀行） / VEB.RF（Vnesheconombank）
    assert veb.raw["name_pairs"] == [["ロシア対外経済銀行", "Vnesheconombank"]]


def test_schemas(real: ParsedList) -> None:
    counts = real.counts()
    assert counts["Person"] > 1900 and counts["Organization"] > 700
    assert counts["Company"] == 16 + 4 + 1  # the 特定銀行 sheets
    assert by_id(real, "jp_mof-taliban-isil-2").schema is Schema.PERSON  # mixed sheet, has a birth date


def test_russian_bank_in_tokutei_ginko(real: ParsedList) -> None:
    sber = by_id(real, "jp_mof-russia-banks-8")
    assert sber.schema is Schema.COMPANY
    assert "Sberbank" in names(sber, NameKind.PRIMARY)
    assert sber.countries == ["ru"] and sber.addresses
    assert sber.sanctions[0].programme == "ロシア連邦(特定銀行)"
    assert str(sber.sanctions[0].listed_on) == "2022-04-12"  # 告示日付 2022.4.12


def test_circa_ranges_and_alternatives(real: ParsedList) -> None:
    akhund = by_id(real, "jp_mof-taliban-isil-2")  # (a)1955年-1958年頃 (b)１945年-1950年頃
    assert [str(d) for d in akhund.birth_dates] == ["c. 1955/1958", "c. 1945/1950"]
    assert all(d.precision is Precision.RANGE and d.circa for d in akhund.birth_dates)
    shuvalova = by_id(real, "jp_mof-russia-persons-84")  # 1966/1969年3月27日
    assert [d.iso() for d in shuvalova.birth_dates] == ["1966-03-27", "1969-03-27"]


def test_variant_spellings_become_aliases(real: ParsedList) -> None:
    naryshkin = by_id(real, "jp_mof-russia-persons-8")  # Sergei(Sergey) Naryshkin
    assert "Sergei Naryshkin" in names(naryshkin, NameKind.PRIMARY)
    assert "Sergey Naryshkin" in names(naryshkin, NameKind.ALIAS)
    purgin = by_id(real, "jp_mof-crimea-persons-23")
    assert "セルヒー・ツィプラコフ" in names(purgin, NameKind.ALIAS)


def test_stacked_names_in_one_cell(real: ParsedList) -> None:
    lakes = by_id(real, "jp_mof-drc-entities-3")  # two bodies named in one row
    assert names(lakes, NameKind.PRIMARY) == [
        "大湖地域航空会社",
        "大湖地域ビジネス会社",
        "COMPAGNIE AERIENNE DES GRANDS LACS",
        "GREAT LAKES BUSINESS COMPANY",
    ]
    assert {"CAGL", "GLBC"} <= set(names(lakes, NameKind.ALIAS))
    assert ["大湖地域ビジネス会社", "GREAT LAKES BUSINESS COMPANY"] in lakes.raw["name_pairs"]


def test_enumerated_aliases_are_paired(real: ParsedList) -> None:
    entity = by_id(real, "jp_mof-taliban-isil-34")
    aliases = names(entity, NameKind.ALIAS)
    assert {"アブドゥル・ジャリール・ハッカーニ", "Abdul Jalil Haqqani", "Akhter Mohmad"} <= set(aliases)
    assert ["アブドゥル・ジャリール・ハッカーニ", "Abdul Jalil Haqqani"] in entity.raw["name_pairs"]
    assert not any("born" in a or "passport" in a for a in aliases)


def test_weak_aliases(real: ParsedList) -> None:
    entity = by_id(real, "jp_mof-taliban-isil-409")  # 確定に十分でない別名: "サルマン; ラズハル Salmane; Lazhar"
    assert names(entity, NameKind.WEAK_ALIAS) == ["サルマン", "ラズハル", "Salmane", "Lazhar"]
    assert ["ラズハル", "Lazhar"] in entity.raw["name_pairs"]


def test_passports_in_prose(real: ParsedList) -> None:
    entity = by_id(real, "jp_mof-taliban-isil-34")  # アフガニスタン旅券番号：OR1961825（…名義で発行）
    passports = {i.value: i for i in entity.identifiers if i.kind is IdKind.PASSPORT}
    assert set(passports) == {"OR1961825", "TR024417"}
    assert passports["OR1961825"].country == "af"
    assert "Akhter Mohmad" in (passports["OR1961825"].note or "")


def test_original_script_names(real: ParsedList) -> None:
    entity = by_id(real, "jp_mof-taliban-isil-4")  # (original script: محمد عمرغلام نبی)
    assert any(n.kind is NameKind.ORIGINAL_SCRIPT for n in entity.names)


def test_bad_dates_are_kept_and_warned(real: ParsedList) -> None:
    entity = by_id(real, "jp_mof-crimea-persons-142")  # 10月10日（year unknown）
    assert entity.properties["birthDateText"] == ["10月10日(year unknown)"]
    assert any(w.startswith("26.クリミア等（個人） row 144: 生年月日") for w in real.warnings)
    assert any("2007.713改訂" in w and "row 467" in w for w in real.warnings)


def test_continuation_rows_join_the_entity_above(real: ParsedList) -> None:
    shabaab = by_id(real, "jp_mof-somalia-1")
    assert len(shabaab.notes) > 10  # the statement runs over a dozen rows below it


def test_detection_claims_only_the_mof_workbook(lists_dir: Path) -> None:
    assert claimed_files(JapanMOF, lists_dir) == {MOF_FILE}


# --- the hand-written workbook -----------------------------------------------------------


def test_fixture_is_detected_and_parsed(fixtures_dir: Path, mini: ParsedList) -> None:
    file = fixture_workbook(fixtures_dir / "sources" / "jp_mof" / "mini_workbook.yml")
    assert detect_format(file) is JapanMOF
    mini.validate()
    assert str(mini.published) == "2026-01-01"  # from the file name
    assert len(mini.entities) == 9  # deleted rows, the lifted sheet and the continuation row add none


def test_header_with_stray_spaces_and_full_width_number(mini: ParsedList) -> None:
    akhund = by_id(mini, "jp_mof-taliban-isil-2")  # "日 本 語 表 記", 告示番号 "２"
    assert names(akhund, NameKind.PRIMARY) == ["アブドゥル・ジャリール・アフンド", "ABDUL JALIL AKHUND"]
    assert [str(d) for d in akhund.birth_dates] == ["c. 1955/1958", "1963/1968"]
    assert akhund.nationalities == ["af"]
    assert akhund.properties["unscId"] == ["TAi.113"]
    assert akhund.properties["modifiedAt"] == ["2008-06-25", "2012-03-27"]
    assert akhund.notes[-1].startswith("続き")  # the continuation row
    assert names(akhund, NameKind.WEAK_ALIAS) == ["アルリビ", "Al-Libi"]
    assert "ヌール・モハマドの息子" in akhund.properties["nameNote"]


def test_era_date_and_typo_month(mini: ParsedList) -> None:
    assert by_id(mini, "jp_mof-russia-persons-8").birth_dates[0].iso() == "1954-10-27"  # 昭和29年
    assert by_id(mini, "jp_mof-sheet-3a29f885-1").birth_dates[0].iso() == "1989-01-08"  # 平成元年
    purgin = by_id(mini, "jp_mof-russia-persons-9")  # 1983年23月10日
    assert purgin.birth_dates == [] and purgin.properties["birthDateText"] == ["1983年23月10日"]
    assert any(w.startswith("29.ロシア連邦(個人) row 5: 生年月日") and "month out of range" in w for w in mini.warnings)


def test_former_names_and_several_addresses(mini: ParsedList) -> None:
    sber = by_id(mini, "jp_mof-russia-banks-8")
    assert sber.schema is Schema.COMPANY
    assert names(sber, NameKind.FORMER) == ["ロシア貯蓄銀行", "Savings Bank of the Russian Federation"]
    assert names(sber, NameKind.ALIAS) == ["Sberbank of Russia"]
    assert [a.full for a in sber.addresses] == ["19 Vavilova St., Moscow, 117997, Russia", "1 Kutuzovsky Ave., Moscow, Russia"]


def test_unknown_sheet_and_column_are_read_with_a_warning(mini: ParsedList) -> None:
    assert any("99.新しい制裁措置(個人): sheet not in jp_mof.yml" in w for w in mini.warnings)
    assert any("'備考欄' is not in jp_mof.yml" in w for w in mini.warnings)
    assert "追加の情報" in by_id(mini, "jp_mof-russia-persons-8").notes


def test_lifted_sheet_with_rows_is_skipped_with_a_warning(fixtures_dir: Path) -> None:
    path = fixtures_dir / "sources" / "jp_mof" / "mini_workbook.yml"
    sheets = fixture_sheets(path)
    sheets["11.【解除】コートジボワール"] = [["title"], ["告示日付", "告示番号", "日本語表記", "英語表記"], ["2005.1.1", "1", "ア", "A"]]
    parsed = JapanMOF().parse([fixture_workbook(path, sheets=sheets)])
    assert not any(e.raw["sheet"].startswith("11.") for e in parsed.entities)
    assert any("programme lifted" in w for w in parsed.warnings)


def test_sheet_without_header_row_is_refused(fixtures_dir: Path) -> None:
    path = fixtures_dir / "sources" / "jp_mof" / "mini_workbook.yml"
    sheets = fixture_sheets(path)
    sheets["29.ロシア連邦(個人)"][1][0] = "日付"
    with pytest.raises(ListFormatError, match=r"mof_shisantouketsu20260101\.xlsx: sheet '29\.ロシア連邦\(個人\)': no header row"):
        JapanMOF().parse([fixture_workbook(path, sheets=sheets)])


def test_truncated_workbook_is_refused(lists_dir: Path) -> None:
    data = (lists_dir / MOF_FILE).read_bytes()[:200_000]
    file = SourceFile("mof_shisantouketsu20260305.xlsx", data)
    with pytest.raises(ListFormatError, match=r"mof_shisantouketsu20260305\.xlsx: .*(zip|workbook)"):
        detect_format(file)
    with pytest.raises(ListFormatError, match=r"mof_shisantouketsu20260305\.xlsx: .*(zip|workbook)"):
        JapanMOF().parse([file])
    assert JapanMOF.detect(file)  # claimed by its name, so that a direct parse says what is wrong


def test_duplicate_notice_numbers_are_refused() -> None:
    rows = [["title"], ["告示日付", "告示番号", "日本語表記", "英語表記"], ["2022.3.1", "1", "ア", "A"], ["2022.3.1", "1", "イ", "I"]]
    data = workbook_bytes({"一覧": [["x"]], "29.ロシア連邦(個人)": rows, "28.ロシア連邦(団体)": rows[:2]})
    with pytest.raises(ListFormatError, match=r"29\.ロシア連邦\(個人\) row 4: entity id jp_mof-russia-persons-1 already used"):
        JapanMOF().parse([SourceFile("mof.xlsx", data)])
