from __future__ import annotations

import pytest

from seisai.sources.jp.names import (
    clean_name,
    expand_alternatives,
    is_annotation,
    name_forms,
    name_lang,
)


def test_token_alternatives_of_a_person() -> None:
    assert expand_alternatives("Andriy(Andrei/Andrey) PURGIN(PURHIN)", person=True) == [
        "Andriy PURGIN",
        "Andriy PURHIN",
        "Andrei PURGIN",
        "Andrei PURHIN",
        "Andrey PURGIN",
        "Andrey PURHIN",
    ]
    assert expand_alternatives("ジョナタン(ジョナサン、ナタン)・ジメンコフ", person=True) == [
        "ジョナタン・ジメンコフ",
        "ジョナサン・ジメンコフ",
        "ナタン・ジメンコフ",
    ]


def test_too_many_combinations_are_taken_side_by_side() -> None:
    name = "A(B/C/D/E/F) G(H/I/J/K/L)"
    spellings = expand_alternatives(name, person=True)
    assert spellings == ["A G", "B H", "C I", "D J", "E K", "F L"]


def test_organisation_brackets_are_alternatives_only_when_similar() -> None:
    assert expand_alternatives("チョルノモルネフチガス(チョルノモルネフテガス)社", person=False) == [
        "チョルノモルネフチガス社",
        "チョルノモルネフテガス社",
    ]
    assert expand_alternatives("Korea Ryonbong General Corporation(KRGC)", person=False) == [
        "Korea Ryonbong General Corporation(KRGC)"
    ]


def test_acronyms_and_nested_aliases() -> None:
    forms = name_forms("Gama'a al-Islamiyya(Islamic Group(IG))", person=False)
    assert forms.primary == "Gama'a al-Islamiyya"
    assert forms.extra == ["Islamic Group", "IG"]
    shining = name_forms("Shining Path (SL) (Sendero Luminoso)", person=False)
    assert shining.primary == "Shining Path" and set(shining.extra) == {"SL", "Sendero Luminoso"}


def test_annotations_are_notes() -> None:
    forms = name_forms("「ルハンスク人民共和国」(自称)", person=False)
    assert forms.primary == "ルハンスク人民共和国" and forms.notes == ["自称"]
    lpr = name_forms("Self-proclaimed “Luhansk(Lugansk) People's Republic”", person=False)
    assert lpr.primary == "Luhansk People's Republic" and lpr.variants == ["Lugansk People's Republic"]
    ngo = name_forms("全ては平和と発展のために(非政府組織(NGO))", person=False)
    assert ngo.primary == "全ては平和と発展のために" and ngo.extra == []
    branch = name_forms("ハニファ両替所(シリア・アラブ共和国、ALBU KAMAL支店)", person=False)
    assert branch.primary == "ハニファ両替所" and branch.extra == []


def test_original_script() -> None:
    forms = name_forms("TAYEB NAIL (original scipt: الطيب نايل)", person=True)
    assert forms.primary == "TAYEB NAIL" and forms.original == ["الطيب نايل"]
    assert name_forms("ABDUL REHMAN MAKKI(original script:不明)", person=True).original == []


@pytest.mark.parametrize(
    ("content", "annotation"),
    [("birth name", True), ("コールサイン", True), ("ティグリニャ語", True), ("ヌール・モハマドの息子、1965年に出生", True),
     ("輝く道", False), ("ANO", False), ("Sendero Luminoso", False)],
)
def test_is_annotation(content: str, annotation: bool) -> None:
    assert is_annotation(content) is annotation


def test_clean_name_and_lang() -> None:
    assert clean_name("“AO SRZ”") == "AO SRZ"
    assert clean_name("-Russian Quantum Center;") == "Russian Quantum Center"
    assert clean_name("アンサール・アル・シャリア【アラビア語】") == "アンサール・アル・シャリア"
    assert clean_name("Zavod \"Miass\"") == 'Zavod "Miass"'
    assert name_lang("有限会社AMG", None) == "ja"
    assert name_lang("LLC AMG", "en") == "en"
    assert name_lang("محمد", "en") is None


def test_former_names_in_brackets() -> None:
    maiden = name_forms("セルダーナ・ロテンベルグ(旧姓:ゴゴレヴァ)", person=True)
    assert maiden.primary == "セルダーナ・ロテンベルグ" and maiden.former == ["セルダーナ・ゴゴレヴァ"]
    fka = name_forms("Tatyana(Tatiana) Moskalkova (f.k.a . Nosenko)", person=True)
    assert fka.variants == ["Tatiana Moskalkova"] and fka.former == ["Tatyana Nosenko"]
    company = name_forms("ABC Corp (f.k.a. XYZ Ltd)", person=False)
    assert company.primary == "ABC Corp" and company.former == ["XYZ Ltd"]
    aka = name_forms("Vladimir Mikheychik (a.k.a. Vladimir Mikheichik)", person=True)
    assert aka.extra == ["Vladimir Mikheichik"]


def test_names_listed_wholly_in_brackets() -> None:
    forms = name_forms("(ユーニス・アル・モーリタニー、シェイク・ユーニス・アル・モーリタニー)", person=True)
    assert forms.primary == "ユーニス・アル・モーリタニー" and forms.extra == ["シェイク・ユーニス・アル・モーリタニー"]
    assert name_forms("タチヤーナ ・モスカリコヴァ", person=True).primary == "タチヤーナ・モスカリコヴァ"
