"""Harmonized System (HS) codes: reading them as people write them, and prefix matching.

Traders write "8542.31", "8542.31.000", "854231" or "8542 31"; a measure names a chapter
("87"), a heading ("8703") or a subheading ("8703.23"). Codes are kept as digit strings
("854231") and a goods line is covered when its code starts with the measure's code.
Japan's tariff codes run to 9 digits, the US HTS to 10; anything from 2 to 10 digits is
accepted. Chapter 77 is reserved and chapters above 97 do not exist.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s.\-]")


class HSCodeError(ValueError):
    """A string that is not an HS code; the message says why."""


def normalize_hs(code: str) -> str:
    """The digits of an HS code: ``"8542.31"`` -> ``"854231"``.

    Raises :class:`HSCodeError` for anything else than 2 to 10 digits (with dots, spaces or
    hyphens between them), 3 digits (neither a chapter nor a heading), or a chapter that does
    not exist. Five digits are a one-dash subheading (``8525.8`` covers 8525.81 to 8525.89).
    """
    text = unicodedata.normalize("NFKC", str(code)).strip()
    digits = _SEPARATORS.sub("", text)
    if not digits.isdigit() or not digits.isascii():
        raise HSCodeError(f"invalid HS code {code!r}: only digits, dots and spaces are allowed")
    if not 2 <= len(digits) <= 10:
        raise HSCodeError(f"invalid HS code {code!r}: expected 2 to 10 digits, got {len(digits)}")
    if len(digits) == 3:
        raise HSCodeError(f"invalid HS code {code!r}: a chapter has 2 digits and a heading 4")
    chapter = int(digits[:2])
    if chapter == 0 or chapter == 77 or chapter > 97:
        raise HSCodeError(f"invalid HS code {code!r}: chapter {digits[:2]} does not exist")
    return digits


def format_hs(digits: str) -> str:
    """Display form: ``"854231"`` -> ``"8542.31"``, ``"8703"`` -> ``"8703"``."""
    if len(digits) <= 4:
        return digits
    if len(digits) == 5:
        return f"{digits[:4]}.{digits[4]}"
    return f"{digits[:4]}.{digits[4:6]}" + (f".{digits[6:]}" if len(digits) > 6 else "")


def hs_matches(code: str, prefixes: tuple[str, ...]) -> str | None:
    """The first of ``prefixes`` that ``code`` falls under, or ``None`` (all normalized digits)."""
    for prefix in prefixes:
        if code.startswith(prefix):
            return prefix
    return None
