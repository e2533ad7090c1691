from __future__ import annotations

import pytest

from seisai.text.languages import language_code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russian", "ru"),
        ("Belarusian", "be"),
        ("Belarussian", "be"),
        ("Persian/Farsi", "fa"),
        ("Greek", "el"),
        ("Ukraine", "uk"),  # a country name in the UK list's language column
        (" Arabic: ", "ar"),
        ("Cyrillic", None),  # a script, not a language
        ("", None),
        (None, None),
    ],
)
def test_language_names(name: str | None, code: str | None) -> None:
    assert language_code(name) == code
