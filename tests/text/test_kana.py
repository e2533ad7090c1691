from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seisai.text.kana import fold_kana, romanize, to_katakana


def test_hiragana_halfwidth_and_katakana_unify() -> None:
    assert to_katakana("やまだ たろう") == "ヤマダ タロウ"
    assert to_katakana("ﾔﾏﾀﾞ ﾀﾛｳ") == "ヤマダ タロウ"


def test_zengin_folding() -> None:
    # Zengin names have no small kana and often no long-vowel mark.
    assert fold_kana("ｷﾕｳﾖ") == fold_kana("キュウヨ")
    assert fold_kana("ウラジーミル") == fold_kana("ウラジミール") == fold_kana("ｳﾗｼﾞﾐｰﾙ")
    assert fold_kana("ヴァ") == fold_kana("バ")


@pytest.mark.parametrize(
    ("kana", "system", "latin"),
    [
        ("シンゾウ", "hepburn", "shinzou"),
        ("シンゾウ", "kunrei", "sinzou"),
        ("チヅル", "kunrei", "tizuru"),
        ("ホッチキス", "hepburn", "hotchikisu"),
        ("プーチン", "foreign", "puchin"),
        ("プーチン", "hepburn", "puuchin"),
        ("ヴィクトル", "foreign", "vikutoru"),
    ],
)
def test_romanize(kana: str, system: str, latin: str) -> None:
    assert romanize(kana, system) == latin


@given(st.text())
def test_kana_functions_never_raise(text: str) -> None:
    assert fold_kana(fold_kana(text)) == fold_kana(text)
    romanize(text, "foreign")
