"""Japanese kana: one form for hiragana, katakana and half-width katakana, and kana to Latin.

Japanese systems write the same name as ヤマダ タロウ, やまだ たろう or ﾔﾏﾀﾞ ﾀﾛｳ (Zengin
transfers, which also have no small kana: ｷﾕｳﾖ for キュウヨ). :func:`to_katakana` unifies the
three; :func:`fold_kana` also folds small kana, ヴ/ヂ/ヅ/ヲ variants and long-vowel marks, for
comparing kana with kana.

:func:`romanize` writes katakana in Latin: ``hepburn`` (passport form, long vowels written
out: トウ -> tou), ``kunrei`` (si, ti, tu, hu) or ``foreign``, the reading for katakana that
spells a foreign name (ウラジーミル -> urajimiru: long vowels dropped, so that the phonetic
key can meet "Vladimir"). Tables live in ``seisai/data/text/kana.yml``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from seisai.text.tables import load_table

SYSTEMS = ("hepburn", "kunrei", "foreign")
_HIRA_START, _HIRA_END = 0x3041, 0x3096
_LONG_MARKS = re.compile(r"[ー―‐\-－〜~]")
_VOWEL_OF = {"a": "a", "i": "i", "u": "u", "e": "e", "o": "o"}


def to_katakana(text: str) -> str:
    """NFKC (half-width to full-width) and hiragana to katakana; other characters are kept."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        chr(ord(c) + 0x60) if _HIRA_START <= ord(c) <= _HIRA_END or c in "ゝゞ" else c for c in text
    )


@cache
def _small_and_unify() -> tuple[dict[str, str], list[tuple[str, str]]]:
    data = load_table("text", "kana.yml")
    unify = sorted(data["kana_unify"].items(), key=lambda kv: -len(kv[0]))
    return dict(data["small_to_large"]), unify


def fold_kana(text: str) -> str:
    """Katakana with small kana made large, variant spellings unified and ー removed.

    ウラジーミル, ウラジミール and ｳﾗｼﾞﾐｰﾙ all give ウラジミル, so kana from a Zengin transfer
    compares with the katakana of the MOF list.
    """
    small, unify = _small_and_unify()
    text = to_katakana(text)
    for src, dst in unify:
        text = text.replace(src, dst)
    text = "".join(small.get(c, c) for c in text)
    return _LONG_MARKS.sub("", text)


@cache
def _table(system: str) -> tuple[dict[str, str], int]:
    data = load_table("text", "kana.yml")
    table = dict(data["hepburn"])
    if system != "hepburn":
        table.update(data[system])
    return table, max(len(k) for k in table)


def romanize(text: str, system: str = "hepburn") -> str:
    """Katakana (or hiragana) in Latin letters by ``system``; other characters are kept.

    ッ doubles the next consonant (ch becomes tch); ー repeats the previous vowel except in the
    ``foreign`` system, which drops it. Raises ``KeyError`` for an unknown system.
    """
    table, longest = _table(system)
    text = to_katakana(text)
    out: list[str] = []
    i, geminate = 0, False
    while i < len(text):
        char = text[i]
        if char == "ッ":
            geminate, i = True, i + 1
            continue
        if char == "ー":
            if system != "foreign" and out and out[-1][-1:] in _VOWEL_OF:
                out.append(out[-1][-1])
            i += 1
            continue
        for size in range(longest, 0, -1):
            piece = text[i : i + size]
            if piece in table:
                latin = table[piece]
                if geminate and latin:
                    latin = ("t" + latin) if latin.startswith("ch") else latin[0] + latin
                out.append(latin)
                i += size
                break
        else:
            out.append(char)
            i += 1
        geminate = False
    return "".join(out)


@cache
def _voicing() -> tuple[dict[str, str], int]:
    data = load_table("text", "kana.yml")
    return {str(k): str(v) for k, v in data["initial_voicing"].items()}, int(data["short_word"])


def short_word_readings(text: str) -> list[str]:
    """Foreign readings of a short katakana word as a Korean or Chinese name would be spelt:
    first kana unvoiced (ギョン -> kyon; チョ -> jo) and ン as ng (チャン -> chang), alone and
    together; ``[]`` for a longer word."""
    pairs, longest = _voicing()
    text = to_katakana(text)
    if not text or len(text) > longest:
        return []
    variants = [text]
    if text[0] in pairs:
        variants.append(pairs[text[0]] + text[1:])
    hard, soft = load_table("text", "kana.yml")["soft_t"]
    if hard in text[1:]:
        variants.append(text[:1] + text[1:].replace(hard, soft))
    places = [i for i, c in enumerate(text) if c == "ン"][:3]
    for v in list(variants):  # each ン as ng alone, and all of them
        variants += [v[:i] + "ング" + v[i + 1 :] for i in places]
        if len(places) > 1:
            variants.append(v.replace("ン", "ング"))
    found = dict.fromkeys(romanize(v, "foreign") for v in variants[1:])
    found.pop(romanize(text, "foreign"), None)
    return list(found)


@cache
def _final_consonants() -> dict[str, str]:
    return {str(k): str(v) for k, v in load_table("text", "kana.yml")["final_consonants"].items()}


def bare_final(text: str) -> str | None:
    """The foreign reading of a katakana word whose last kana stands for a bare consonant
    (サーレハ -> sareh), or ``None`` when it does not end in one."""
    text = to_katakana(text)
    final = _final_consonants().get(text[-1:])
    if final is None or len(text) < 3:
        return None
    stem = romanize(text[:-1], "foreign")
    if final == "r" and not stem.endswith("e"):
        return None
    return stem + final


@cache
def _letter_names() -> dict[str, str]:
    return {str(k): str(v) for k, v in load_table("text", "kana.yml")["letter_names"].items()}


def letter_name(text: str) -> str | None:
    """The Latin letter a katakana word spells out (エム -> m), or ``None``."""
    return _letter_names().get(to_katakana(text))

