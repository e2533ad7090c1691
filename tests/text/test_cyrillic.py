from __future__ import annotations

import pytest

from seisai.text.cyrillic import detect_language, latin_variants, transliterate


@pytest.mark.parametrize(
    ("text", "system", "latin"),
    [
        ("Евгений", "bgn_pcgn", "yevgeniy"),
        ("Евгений", "icao", "evgenii"),
        ("Пригожин", "iso9", "prigozin"),
        ("Олександр", "ukrainian_national", "oleksandr"),
        ("Юлія", "ukrainian_national", "yuliia"),
        ("Аляксандр", "belarusian_national", "aliaksandr"),
    ],
)
def test_systems(text: str, system: str, latin: str) -> None:
    assert transliterate(text, system) == latin


def test_language_detection_picks_systems() -> None:
    assert detect_language("Олександр Їжак") == "uk"
    assert detect_language("Уладзімір Барысавіч") == "be"
    assert detect_language("Владимир") == "ru"
    assert "evgenii" in latin_variants("Евгений") and "yevgeniy" in latin_variants("Евгений")
