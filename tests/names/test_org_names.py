"""Organisation names across scripts: ordinals, legal forms, org words in katakana compounds,
Han words that keep their Korean and Chinese readings, Arabic org words."""

from __future__ import annotations

from seisai.names.analyze import analyze_name
from seisai.names.legal_forms import find_legal_forms


def _forms(text: str) -> list[set[str]]:
    return [set(t.forms) for t in analyze_name(text, is_org=True).tokens]


def test_ordinals_are_numbers() -> None:
    latin = analyze_name("48th Central Institute", is_org=True).tokens[0]
    assert latin.kind == "number" and latin.forms == ("48",)
    assert analyze_name("Plant N9", is_org=True).tokens[1].forms == ("9",)
    japanese = analyze_name("第48中央研究所", is_org=True).tokens
    assert japanese[0].weight < 0.5 and japanese[1].forms == ("48",)


def test_japanese_legal_forms_of_russian_and_english_companies() -> None:
    assert find_legal_forms("非公開株式会社アクタ")[1] == {"CJSC"}
    assert find_legal_forms("有限責任会社アルファ")[1] == {"LLC"}
    assert "CORP" in find_legal_forms("戦術ミサイル兵器コーポレーション")[1]
    assert find_legal_forms("連邦国家単一企業テスト研究所")[1] == {"SUE"}


def test_katakana_compound_is_split_into_org_words() -> None:
    forms = _forms("ロシアヘリコプター")
    assert len(forms) == 2 and "russian" in forms[0] and "helicopter" in forms[1]


def test_han_org_word_keeps_its_korean_reading() -> None:
    forms = _forms("朝鮮連合貿易会社")
    assert any("union" in f and "ryeonhap" in f for f in forms)


def test_arabic_org_words_are_translated() -> None:
    tokens = analyze_name("شبكة حقاني", is_org=True).tokens
    assert "network" in tokens[0].forms and tokens[1].abjad


def test_russian_org_words_in_latin_letters_are_translated_in_org_names() -> None:
    forms = _forms("Zavod Tula")
    assert "plant" in forms[0] and "zavod" in forms[0]
    person = analyze_name("Zavod Tula", is_org=False).tokens[0]
    assert person.forms == ("zavod",)  # only organisation names are read as Russian words


def test_katakana_letter_names_in_org_names() -> None:
    assert "m" in analyze_name("エム・スター", is_org=True).tokens[0].forms
    assert "m" not in analyze_name("エム・スター", is_org=False).tokens[0].forms
