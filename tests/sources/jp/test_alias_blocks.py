from __future__ import annotations

from seisai.model import NameKind
from seisai.sources.jp.alias_blocks import Block, block_items, pair_blocks, split_blocks
from seisai.sources.jp.name_cells import read_aliases


def test_blocks_by_script_and_continued_enumerations() -> None:
    blocks = split_blocks("(a)民主同盟軍(Allied Forces)、\n(b)ADF/NALU、(c)NALU\nEnglish line")
    assert [b.side for b in blocks] == ["ja", "en"]
    assert "(b)ADF/NALU" in blocks[0].text  # "(b)…" goes on with the block above


def test_pairs_of_blocks() -> None:
    blocks = split_blocks("(別称)コリア・ヨンボン\nKorea Yonbong\n(旧称)リョンガクサン\nLyongaksan")
    pairs = pair_blocks(blocks)
    assert [(a.side if a else None, b.side if b else None) for a, b in pairs] == [("ja", "en"), ("ja", "en")]


def test_group_then_aka_on_one_line_and_restarted_enumeration() -> None:
    assert [b.side for b in split_blocks("(別称、IAP RAS)(a.k.a. IAP RAS)")] == ["ja", "en"]
    blocks = split_blocks("(a)ナビール・グループ (b)シューマーン(a)NABIL GROUP (b)SHUMAN")
    assert [b.text for b in blocks] == ["(a)ナビール・グループ (b)シューマーン", "(a)NABIL GROUP (b)SHUMAN"]


def test_kind_words_inside_a_japanese_list() -> None:
    items, _ = block_items(Block("ja", "(旧称、公開株式会社テンプ、別称、公共株式会社アルザマス、テンプ・アヴィア)"), NameKind.ALIAS)
    assert items == [
        ("公開株式会社テンプ", NameKind.FORMER),
        ("公共株式会社アルザマス", NameKind.ALIAS),
        ("テンプ・アヴィア", NameKind.ALIAS),
    ]
    items, _ = block_items(Block("ja", "ミニストリー・オブ・ディフェンス、旧称:ミニストリー・オブ・アームド・フォースィーズ"), NameKind.ALIAS)
    assert [k for _, k in items] == [NameKind.ALIAS, NameKind.FORMER]


def test_name_before_an_aka_enumeration() -> None:
    items, _ = block_items(Block("en", "AL-QAIDA IN THE MAGHREB (a.k.a.: (a)AQIM (b)Al Qaida au Maghreb (AQMI))"), NameKind.ALIAS)
    assert [i for i, _ in items] == ["AL-QAIDA IN THE MAGHREB", "AQIM", "Al Qaida au Maghreb (AQMI)"]
    items, _ = block_items(Block("en", "IMU (a.k.a.: IMU)"), NameKind.ALIAS)
    assert [i for i, _ in items] == ["IMU", "IMU"]


def test_upper_case_enumerator() -> None:
    items, _ = block_items(Block("ja", "(a)イスラム国(ISIS-GS) (b)イスラム国 (C)大サヘルのイスラム国 (d)大サハラのISIS"), NameKind.ALIAS)
    assert len(items) == 4


def test_prefixed_blocks_give_former_names_and_pairs() -> None:
    cell = read_aliases(
        "(別称)ファースト・クレジット・バンク\n(旧称)キョンギョン・クレジット・バンク\nFirst Credit Bank\nf.k.a. Kyongyong Credit Bank",
        NameKind.ALIAS,
        person=False,
    )
    assert [(n.value, n.kind) for n in cell.names] == [
        ("ファースト・クレジット・バンク", NameKind.ALIAS),
        ("キョンギョン・クレジット・バンク", NameKind.FORMER),
        ("First Credit Bank", NameKind.ALIAS),
        ("Kyongyong Credit Bank", NameKind.FORMER),
    ]
    assert ("キョンギョン・クレジット・バンク", "Kyongyong Credit Bank") in cell.pairs
