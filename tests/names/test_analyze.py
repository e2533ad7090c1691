from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from seisai.names import analyze_name


def _forms(text: str) -> list[tuple[str, ...]]:
    return [t.forms for t in analyze_name(text).tokens]


def test_kanji_name_is_segmented_with_readings() -> None:
    tokens = analyze_name("安倍晋三").tokens
    assert [t.text for t in tokens] == ["安倍", "晋三"]
    assert "abe" in tokens[0].forms and "shinzou" in tokens[1].forms


def test_given_name_keeps_its_alternative_reading() -> None:
    assert "fumio" in analyze_name("岸田文雄").tokens[1].forms


def test_org_words_are_translated() -> None:
    forms = {f for t in analyze_name("ロシア連邦中央銀行").tokens for f in t.forms}
    assert {"russian", "federation", "central", "bank"} <= forms


def test_chinese_name_gets_a_pinyin_reading() -> None:
    [alternative] = analyze_name("习近平").alternatives
    assert [t.forms[0] for t in alternative.tokens] == ["xi", "jinping"]


def test_patronymic_and_particles_weigh_less() -> None:
    tokens = analyze_name("Путин Владимир Владимирович").tokens
    assert tokens[2].kind == "patronymic" and tokens[2].weight < 1.0
    assert analyze_name("Bashar al-Assad").tokens[1].weight < 1.0


def test_bad_input_gives_no_tokens_not_an_error() -> None:
    assert analyze_name("").tokens == ()
    assert analyze_name("😀 \x00 ---").tokens == ()
    assert len(analyze_name("x" * 10_000).tokens) == 1


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_analysis_never_raises(text: str) -> None:
    name = analyze_name(text)
    for token in name.tokens:
        assert token.forms and token.keys and 0.0 <= token.weight <= 1.0
