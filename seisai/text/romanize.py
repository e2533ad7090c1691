"""Latin spellings of text in scripts other than Latin, Cyrillic and Japanese.

Arabic and Persian (:func:`abjad_to_latin`) are written letter by letter from
``seisai/data/text/abjad.yml``; short vowels are not written in the script, so such names
are compared on their consonant skeleton. Hangul (:func:`hangul_variants`) is written both
in the Revised Romanization and in the McCune-Reischauer-like form the DPRK entries use
(``seisai/data/text/hangul.yml``). Greek and any other alphabet fall back to Unicode
decomposition (:func:`fallback_latin`).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from seisai.text.normalize import fold_latin
from seisai.text.tables import load_table

_GREEK = str.maketrans(
    {
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
        "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
        "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
        "ω": "o",
    }
)  # fmt: skip


def _abjad() -> dict[str, Any]:
    data: dict[str, Any] = load_table("text", "abjad.yml")
    return data


def split_article(token: str) -> list[str]:
    """``البغدادي`` -> ``["ال", "بغدادي"]``: the joined article as its own token."""
    article = str(_abjad()["article"])
    if token.startswith(article) and len(token) > len(article) + 2:
        return [article, token[len(article) :]]
    return [token]


def abjad_to_latin(token: str) -> str:
    """One Arabic-script token in Latin letters (long vowels only: محمد -> mhmd)."""
    table, initial = _abjad()["letters"], _abjad()["initial"]
    out = []
    for i, char in enumerate(token):
        if i == 0 and char in initial:
            out.append(initial[char])
        else:
            out.append(table.get(char, ""))
    return "".join(out)


@cache
def _hangul() -> dict[str, Any]:
    data: dict[str, Any] = load_table("text", "hangul.yml")
    return data


def _syllable(char: str, system: str) -> str:
    code = ord(char) - 0xAC00
    if not 0 <= code < 11172:
        return ""
    table = _hangul()
    initial, rest = divmod(code, 588)
    medial, final = divmod(rest, 28)
    return str(table["initials"][system][initial] + table["medials"][medial] + table["finals"][final])


def hangul_variants(token: str) -> list[str]:
    """Latin spellings of a Hangul token: McCune-Reischauer-like first, then Revised."""
    found: dict[str, None] = {}
    for system in ("mccune", "revised"):
        found.setdefault("".join(_syllable(c, system) for c in token), None)
    return [f for f in found if f]


def hangul_surname_variants(char: str) -> list[str]:
    """Traditional spellings of a Korean surname syllable (이 -> lee, yi, ri), if known."""
    return [str(v) for v in _hangul()["surnames"].get(char, [])]


def fallback_latin(token: str) -> str:
    """Greek by table; any other script by Unicode decomposition; "" when nothing is Latin."""
    text = token.casefold().translate(_GREEK)
    text = unicodedata.normalize("NFKD", text)
    return fold_latin(text).replace(" ", "")


def hanja_variants(text: str, *, first: bool = False) -> list[str]:
    """Korean readings of Han characters (hanja) in Latin: 日成 -> ilsong, ilseong.

    ``first`` reads a leading surname character as a surname (金 -> kim). Returns ``[]`` when
    the hanja dictionary is not installed or knows none of the characters.
    """
    try:
        import hanja
    except ImportError:
        return []
    surnames = _hangul().get("hanja_surnames", {})
    head = surnames.get(text[0], "") if first and text else ""
    hangul = head + str(hanja.translate(text[1:] if head else text, "substitution"))
    if not any("\uac00" <= c <= "\ud7a3" for c in hangul):
        return []
    return hangul_variants(hangul)
