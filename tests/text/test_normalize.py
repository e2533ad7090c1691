from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from seisai.text.normalize import MAX_LENGTH, clean, fold_latin


def test_clean_unifies_width_spaces_and_controls() -> None:
    assert clean("  ＡＢＣ\u3000ｶﾀｶﾅ\t\x00x ") == "ABC カタカナ x"
    assert clean("a\u200bb") == "ab"  # zero-width space is a format character


def test_clean_drops_emoji_and_caps_length() -> None:
    assert clean("Ivan 😀 Petrov") == "Ivan Petrov"
    assert len(clean("x" * 10_000)) == MAX_LENGTH


def test_fold_latin() -> None:
    assert fold_latin("Müller-Łukasz Straße") == "muller lukasz strasse"
    assert fold_latin("O'Brien") == "obrien"


@given(st.text())
def test_clean_is_idempotent_and_never_raises(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    assert len(once) <= MAX_LENGTH


@given(st.text())
def test_fold_latin_is_idempotent_ascii(text: str) -> None:
    once = fold_latin(text)
    assert fold_latin(once) == once
    assert once.isascii()
