"""HS codes as traders write them."""

from __future__ import annotations

import pytest

from seisai.rules.hs import HSCodeError, format_hs, hs_matches, normalize_hs


@pytest.mark.parametrize(
    ("text", "digits"),
    [("8542.31", "854231"), ("8542 31", "854231"), ("854231", "854231"), ("87", "87"),
     ("8703.23.910", "870323910"), ("８５４２．３１", "854231"), ("8525.8", "85258")],
)
def test_normalize_accepts_common_forms(text: str, digits: str) -> None:
    assert normalize_hs(text) == digits


@pytest.mark.parametrize(
    ("text", "reason"),
    [("85A2", "only digits"), ("8", "2 to 10"), ("854", "a chapter has 2 digits"),
     ("00", "chapter 00"), ("7701", "chapter 77"), ("9900", "chapter 99"), ("12345678901", "2 to 10"), ("", "only digits")],
)
def test_normalize_rejects_with_reason(text: str, reason: str) -> None:
    with pytest.raises(HSCodeError, match=reason):
        normalize_hs(text)


def test_prefix_matching_and_display() -> None:
    assert hs_matches("854231", ("8541", "8542")) == "8542"
    assert hs_matches("870323", ("870324",)) is None
    assert format_hs("854231") == "8542.31"
    assert format_hs("870323910") == "8703.23.910"
    assert format_hs("85258") == "8525.8"
