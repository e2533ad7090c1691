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
from collections.abc import Iterable
from functools import cache
from typing import Any

from seisai.text.normalize import fold_latin
from seisai.text.phonetic import skeleton
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
    """``البغدادي`` -> ``["ال", "بغدادي"]``: the joined article as its own token; also after
    abd (``عبدالخالق`` -> ``["عبد", "ال", "خالق"]``, as Abd al-Khaliq is written in Latin)."""
    article = str(_abjad()["article"])
    if token.startswith(article) and len(token) > len(article) + 2:
        return [article, token[len(article) :]]
    abd = "عبد"
    if token.startswith(abd + article) and len(token) > len(abd + article) + 2:
        return [abd, article, token[len(abd + article) :]]
    return [token]


def abjad_to_latin(token: str) -> str:
    """One Arabic-script token in Latin letters (long vowels only: محمد -> mhmd)."""
    data = _abjad()
    return _join(_letter(char, i, data) for i, char in enumerate(token))


def _join(parts: Iterable[str]) -> str:
    """Letters joined so that two of them never make a digraph the Latin side would read as
    one sound: ص + ح is s-a-h (صحراوي = Sahraoui), not sh."""
    out = ""
    for part in parts:
        if part.startswith("h") and out[-1:] in ("s", "k", "t", "d", "g", "z", "c"):
            out += "a"
        out += part
    return out


def abjad_variants(token: str) -> list[str]:
    """:func:`abjad_to_latin`, then the spellings with one ambiguous letter read another way
    (فيض -> fid, fiz, fidh; جمعه -> jmh, jm, jma), first spelling first."""
    data = _abjad()
    base = abjad_to_latin(token)
    found = {base: None} if base else {}
    # the letters run together as well: اسحاق = Ishak, لكحل = Lakhal write s + h and k + h
    found.setdefault("".join(_letter(c, i, data) for i, c in enumerate(token)), None)
    for char, readings in data.get("alternatives", {}).items():
        if char in token[1:] or (char in token[:1] and char not in data["initial"]):
            for reading in readings:
                variant = _join(str(reading) if c == char else _letter(c, i, data) for i, c in enumerate(token))
                found.setdefault(variant, None)
    final = data.get("final_alternatives", {}).get(token[-1:]) if len(token) > 2 else None
    for reading in final or ():
        found.setdefault(abjad_to_latin(token[:-1]) + str(reading), None)
    found = {f: None for f in found if f and (f == base or len(skeleton(f)) >= 2)}
    return list(found)[: int(data.get("max_variants", 6))]


def _letter(char: str, index: int, data: dict[str, Any]) -> str:
    if index == 0 and char in data["initial"]:
        return str(data["initial"][char])
    return str(data["letters"].get(char, ""))


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
    body = text[1:] if head else text
    hangul = head + str(hanja.translate(body, "substitution"))
    if not any("\uac00" <= c <= "\ud7a3" for c in hangul):
        return []
    # The South writes a leading 련, 룡, 릉 as 연, 용, 능 (initial sound law); the DPRK keeps
    # them (朝鮮連合 = Ryonhap, 綾羅島 = Rungrado): read the word as if something preceded it.
    # Only past a known surname: the table gives DPRK surnames (李 = Ri) itself.
    kept = head + str(hanja.translate("一" + body, "substitution"))[1:] if body and (head or not first) else hangul
    found = hangul_variants(hangul)
    found += [v for v in hangul_variants(kept) if v not in found]
    return found
