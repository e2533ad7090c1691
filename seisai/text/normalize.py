"""Text clean-up shared by every normaliser: Unicode NFKC, control characters, case, marks.

:func:`clean` makes any string safe to analyse (it never raises): NFKC (so full-width
letters and half-width katakana become ordinary ones), control and format characters
removed, every kind of space and dash unified, runs of spaces collapsed, and the result cut
to :data:`MAX_LENGTH` characters so that a 10,000-character "name" cannot slow a query down.
:func:`fold_latin` turns Latin text into plain lower-case ASCII letters (Müller -> muller,
Łukasz -> lukasz, ß -> ss).
"""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 300

_SPECIAL = str.maketrans(
    {
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
        "ı": "i", "ħ": "h", "ŋ": "ng", "ĸ": "k", "ſ": "s", "ʹ": "", "ʺ": "", "ʼ": "", "'": "",
        "’": "", "‘": "", "`": "", "´": "",
    }
)  # fmt: skip
_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """NFKC, without control/format characters, spaces unified, at most MAX_LENGTH chars."""
    text = unicodedata.normalize("NFKC", text)
    chars = []
    for char in text:
        cat = unicodedata.category(char)
        if cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            chars.append(" " if char in "\t\n\r\x0b\x0c" else "")
        elif cat == "So" and char not in "㈱㈲㈹":  # emoji and pictographs
            chars.append(" ")
        else:
            chars.append(char)
    text = _DASHES.sub("-", "".join(chars))
    text = _SPACES.sub(" ", text).strip()
    return text[:MAX_LENGTH].strip()


def strip_marks(text: str) -> str:
    """Remove combining marks (accents) after canonical decomposition: é -> e, й -> и.

    Use only on Latin text: Cyrillic й and Japanese dakuten are letters, not accents.
    """
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_latin(text: str) -> str:
    """Lower-case ASCII letters and digits of Latin text; everything else becomes a space."""
    text = strip_marks(text.casefold().translate(_SPECIAL))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()
