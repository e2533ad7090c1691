"""Which writing system a piece of text is in.

Names on the lists come in Latin, Cyrillic, katakana, hiragana, kanji (Han), Arabic and more,
often mixed within one string ("ООО Ромашка (Romashka LLC)"). :func:`script_of` names the
dominant script of a string; :func:`scripts_in` lists every script present.

The classification uses Unicode block ranges, which is enough to route a name to the right
normaliser; it is not meant to be a full Unicode Script property lookup.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum


class Script(StrEnum):
    """A writing system, as used to route names to their normaliser."""

    LATIN = "Latin"
    CYRILLIC = "Cyrillic"
    GREEK = "Greek"
    HIRAGANA = "Hiragana"
    KATAKANA = "Katakana"
    HAN = "Han"
    HANGUL = "Hangul"
    ARABIC = "Arabic"
    HEBREW = "Hebrew"
    THAI = "Thai"
    DEVANAGARI = "Devanagari"
    GEORGIAN = "Georgian"
    ARMENIAN = "Armenian"
    OTHER = "Other"
    NONE = "None"  # no letters at all (digits, punctuation, empty)


# (first code point, last code point, script), sorted by first code point.
_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x0041, 0x005A, Script.LATIN),
    (0x0061, 0x007A, Script.LATIN),
    (0x00C0, 0x024F, Script.LATIN),
    (0x0250, 0x02AF, Script.LATIN),
    (0x0370, 0x03FF, Script.GREEK),
    (0x0400, 0x052F, Script.CYRILLIC),
    (0x0530, 0x058F, Script.ARMENIAN),
    (0x0590, 0x05FF, Script.HEBREW),
    (0x0600, 0x06FF, Script.ARABIC),
    (0x0750, 0x077F, Script.ARABIC),
    (0x0900, 0x097F, Script.DEVANAGARI),
    (0x0E00, 0x0E7F, Script.THAI),
    (0x10A0, 0x10FF, Script.GEORGIAN),
    (0x1100, 0x11FF, Script.HANGUL),
    (0x1E00, 0x1EFF, Script.LATIN),
    (0x1F00, 0x1FFF, Script.GREEK),
    (0x2E80, 0x2FDF, Script.HAN),
    (0x3005, 0x3007, Script.HAN),  # 々 〆 〇
    (0x3041, 0x309F, Script.HIRAGANA),
    (0x30A0, 0x30FF, Script.KATAKANA),
    (0x3130, 0x318F, Script.HANGUL),
    (0x31F0, 0x31FF, Script.KATAKANA),
    (0x3400, 0x4DBF, Script.HAN),
    (0x4E00, 0x9FFF, Script.HAN),
    (0xA640, 0xA69F, Script.CYRILLIC),
    (0xAC00, 0xD7AF, Script.HANGUL),
    (0xF900, 0xFAFF, Script.HAN),
    (0xFB50, 0xFDFF, Script.ARABIC),
    (0xFE70, 0xFEFF, Script.ARABIC),
    (0xFF21, 0xFF3A, Script.LATIN),  # full-width A-Z
    (0xFF41, 0xFF5A, Script.LATIN),  # full-width a-z
    (0xFF66, 0xFF9D, Script.KATAKANA),  # half-width katakana
    (0x20000, 0x2FA1F, Script.HAN),
)
_STARTS = [r[0] for r in _RANGES]


_KNOWN: dict[str, Script] = {}


def char_script(char: str) -> Script:
    """The script of one character; :attr:`Script.NONE` for digits, spaces and symbols."""
    known = _KNOWN.get(char)
    if known is None:
        known = _KNOWN[char] = _lookup(char)
    return known


def _lookup(char: str) -> Script:
    cp = ord(char)
    if cp < 0x41:
        return Script.NONE
    lo, hi = 0, len(_RANGES)
    while lo < hi:
        mid = (lo + hi) // 2
        if _STARTS[mid] <= cp:
            lo = mid + 1
        else:
            hi = mid
    if lo == 0:
        return Script.NONE
    start, end, script = _RANGES[lo - 1]
    if start <= cp <= end:
        return script
    if char.isalpha():
        return Script.OTHER
    return Script.NONE


def scripts_in(text: str) -> set[Script]:
    """Every script that has at least one letter in ``text``."""
    found = {char_script(c) for c in text}
    found.discard(Script.NONE)
    return found


def script_of(text: str) -> Script:
    """The dominant script of ``text``.

    Japanese text mixes kanji with kana; a string with any kana and some Han characters is
    reported by whichever has more letters, so 山田たろう is Han and トヨタ自動車 is Katakana
    (4 against 3). Returns :attr:`Script.NONE` when there is no letter at all.
    """
    if text.isascii():
        return Script.LATIN if any(c.isalpha() for c in text) else Script.NONE
    counts = Counter(char_script(c) for c in text)
    counts.pop(Script.NONE, None)
    if not counts:
        return Script.NONE
    return counts.most_common(1)[0][0]


def is_japanese(text: str) -> bool:
    """True when ``text`` holds kana, or Han characters (which Japanese shares with Chinese)."""
    return bool(scripts_in(text) & {Script.HIRAGANA, Script.KATAKANA, Script.HAN})
