from __future__ import annotations

from seisai.model import NameKind
from seisai.sources.jp.name_cells import NameCell, read_aliases, read_primary


def values(cell: NameCell, kind: NameKind) -> list[str]:
    return [n.value for n in cell.names if n.kind is kind]


def test_primary_pair_with_variants() -> None:
    cell = read_primary("アンドリー(アンドレイ)・プルギン(プルヒン)", "Andriy(Andrei/Andrey) PURGIN(PURHIN)", person=True)
    assert values(cell, NameKind.PRIMARY) == ["アンドリー・プルギン", "Andriy PURGIN"]
    assert "アンドレイ・プルヒン" in values(cell, NameKind.ALIAS)
    assert cell.pairs == [("アンドリー・プルギン", "Andriy PURGIN")]
    assert {n.lang for n in cell.names} == {"ja", "en"}


def test_primary_with_original_script_and_wrapped_english() -> None:
    cell = read_primary("ムフタール・ビルムフタール", "MOKHTAR BELMOKHTAR\n(original script:مختار بلمختار）", person=True)
    assert values(cell, NameKind.ORIGINAL_SCRIPT) == ["مختار بلمختار"]
    org = read_primary("公開株式会社イストーク", "Public Joint Stock Company Istok \nnamed after AI Shokin", person=False)
    assert values(org, NameKind.PRIMARY)[1] == "Public Joint Stock Company Istok named after AI Shokin"


def test_japanese_wrapper_over_aka_list() -> None:
    cell = read_aliases(
        "（別称、トランスモルフロート、トランスモルフロート海運会社及びトランスシーポート）\n"
        "（a.k.a. TransMorFlot, a.k.a. TransMorFlot shipping company, a.k.a. Transseaport）",
        NameKind.ALIAS,
        person=False,
    )
    assert values(cell, NameKind.ALIAS) == [
        "トランスモルフロート",
        "トランスモルフロート海運会社",
        "トランスシーポート",
        "TransMorFlot",
        "TransMorFlot shipping company",
        "Transseaport",
    ]
    assert ("トランスシーポート", "Transseaport") in cell.pairs


def test_former_names_from_markers() -> None:
    cell = read_aliases(
        "（旧称、株式商業銀行ロスバンク）\n(f.k.a. AKB Rosbank OAO; a.k.a. Rosbank PJSC)", NameKind.ALIAS, person=False
    )
    assert values(cell, NameKind.FORMER) == ["株式商業銀行ロスバンク", "AKB Rosbank OAO"]
    assert values(cell, NameKind.ALIAS) == ["Rosbank PJSC"]
    assert cell.pairs == []  # one name against two: not paired


def test_enumerated_blocks_are_paired_in_order() -> None:
    cell = read_aliases(
        "(a)アブドゥル・ラティフ・マンスール(b)ワリ・モハンマド\n (a.k.a.: (a)Abdul Latif Mansoor (b)Wali Mohammad)",
        NameKind.ALIAS,
        person=True,
    )
    assert cell.pairs == [("アブドゥル・ラティフ・マンスール", "Abdul Latif Mansoor"), ("ワリ・モハンマド", "Wali Mohammad")]


def test_inline_pairs_and_weak_aliases() -> None:
    cell = read_aliases("(a)オマリ（Omari）、\n(b)ミスター・オマリ（Mr. Omari） ", NameKind.WEAK_ALIAS, person=True)
    assert values(cell, NameKind.WEAK_ALIAS) == ["オマリ", "Omari", "ミスター・オマリ", "Mr. Omari"]
    assert cell.pairs == [("オマリ", "Omari"), ("ミスター・オマリ", "Mr. Omari")]


def test_comma_lists_split_when_the_japanese_has_as_many() -> None:
    cell = read_aliases("アブー・ブレイス、アブー・アフマド\nAbu Brays, Abu Ahmad", NameKind.ALIAS, person=True)
    assert cell.pairs == [("アブー・ブレイス", "Abu Brays"), ("アブー・アフマド", "Abu Ahmad")]
    single = read_aliases("Al-Hamati, Muhammad", NameKind.ALIAS, person=True)
    assert values(single, NameKind.ALIAS) == ["Al-Hamati, Muhammad"]


def test_remarks_are_not_names() -> None:
    cell = read_aliases(
        "マンスール・ザエール、１９７４年３月２１日イラク国バグダッドにて出生\n"
        " (a.k.a.: Mansour Thaer, born 21 March 1974 in Baghdad, Iraq)",
        NameKind.ALIAS,
        person=True,
    )
    assert values(cell, NameKind.ALIAS) == ["マンスール・ザエール", "Mansour Thaer"]
    assert cell.pairs == [("マンスール・ザエール", "Mansour Thaer")]
    assert "born 21 March 1974 in Baghdad, Iraq" in cell.notes


def test_placeholder_cell_is_empty() -> None:
    assert read_aliases("不明", NameKind.ALIAS, person=True).names == []


def test_name_pairs_of_an_entity() -> None:
    from seisai.model import Entity, Schema
    from seisai.sources.jp.name_cells import name_pairs

    entity = Entity("jp_mof", "russia-persons-1", Schema.PERSON, raw={"name_pairs": [["ウラジーミル・プーチン", "Vladimir Putin"]]})
    assert name_pairs(entity) == [("ウラジーミル・プーチン", "Vladimir Putin")]
    assert name_pairs(Entity("un_sc", "1", Schema.PERSON, raw={"xml": "<x/>"})) == []
