"""Kanji (and mixed kanji/kana) names: segmentation into words and their readings.

A Japanese name is written without spaces (安倍晋三, トヨタ自動車株式会社). The MeCab
tokenizer with the UniDic dictionary (fugashi + unidic-lite) splits it into words and tags
personal names as surname (姓) or given name (名) with a katakana reading: 安倍晋三 -> 安倍
(アベ, surname) + 晋三 (シンゾウ, given name). Kanji given names have several readings (文雄 is
Fumio far more often than the dictionary's ブンユウ), so pykakasi's reading is kept as an
alternative. Words of organisation names are looked up in the org-word table
(``seisai/data/names/org_words.yml``) so that 銀行 can meet "bank".

Chinese text shares the script: :func:`pinyin` gives its Mandarin reading (pypinyin).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from seisai.text.scripts import Script, char_script
from seisai.text.tables import load_table

MAX_WORD = 12  # the longest org word, in characters


@dataclass(frozen=True, slots=True)
class Morpheme:
    """One word of a Japanese name: its text, its readings (katakana) and what it is.

    ``role`` is ``surname``, ``given``, ``place``, ``org_word`` or ``word``;
    ``translations`` are English equivalents from the org-word table.
    """

    surface: str
    readings: tuple[str, ...] = ()
    role: str = "word"
    translations: tuple[str, ...] = field(default=())


@cache
def _tagger() -> Any:
    import fugashi

    return fugashi.Tagger()


@cache
def _kakasi() -> Any:
    import pykakasi

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


@cache
def org_words() -> dict[str, tuple[str, ...]]:
    """The org-word table: Japanese word -> English equivalents."""
    words = load_table("names", "org_words.yml")["words"]
    return {str(k): tuple(str(v) for v in vs) for k, vs in words.items()}


@cache
def cover(text: str, *, loose: bool = False) -> tuple[str, ...] | None:
    """A word written as org words joined without a separator (ロシアヘリコプター ->
    ロシア + ヘリコプター), in the fewest words of two characters or more; ``None`` when the
    table's words do not cover all of it. With ``loose``, runs of three characters or more
    that are no org word may be left between them (as few characters as possible) (ミノトルサービス -> ミノトル + サービス),
    as long as one org word of three characters or more is found."""
    table = org_words()
    # best[i]: (characters in unknown runs, parts, parts) for text[:i]
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (len(text) + 1)
    best[0] = (0, 0, ())
    for end in range(2, len(text) + 1):
        for start in range(max(0, end - MAX_WORD), end - 1):
            before = best[start]
            if before is None:
                continue
            piece = text[start:end]
            known = piece in table
            if not known and not (loose and end - start >= 3):
                continue
            if not known and before[2] and before[2][-1] not in table:
                continue  # two unknown runs in a row are one run
            option = (before[0] + (0 if known else len(piece)), before[1] + 1, (*before[2], piece))
            current = best[end]
            if current is None or option[:2] < current[:2]:
                best[end] = option
    found = best[len(text)]
    if found is None or not any(p in table and len(p) >= 3 for p in found[2]):
        return None
    return found[2]


@cache
def arabic_org_words() -> dict[str, tuple[str, ...]]:
    """The org-word table's Arabic-script words -> English equivalents and Latin spellings."""
    words = load_table("names", "org_words.yml").get("ar_words") or {}
    return {str(k): tuple(str(v) for v in vs) for k, vs in words.items()}


def _role(feature: Any) -> str:
    if getattr(feature, "pos3", None) == "人名":
        return {"姓": "surname", "名": "given"}.get(getattr(feature, "pos4", ""), "given")
    if getattr(feature, "pos3", None) == "地名":
        return "place"
    return "word"


def _kakasi_reading(text: str) -> str:
    return "".join(str(part["kana"]) for part in _kakasi().convert(text))


@cache
def segment(text: str) -> tuple[Morpheme, ...]:
    """Split a Japanese name into words with readings, merging words that form an org word.

    Never raises; text the tokenizer cannot read comes back as one word without reading.
    """
    try:
        raw = _tag(text)
        raw = _resplit(text, raw)
    except Exception:  # the tokenizer is C code: never let it take a query down
        return (Morpheme(text),)
    return tuple(_merge(raw))


def _tag(text: str) -> list[tuple[str, str | None, str]]:
    raw: list[tuple[str, str | None, str]] = []
    for word in _tagger()(text):
        reading = getattr(word.feature, "kana", None)
        raw.append((word.surface, reading if isinstance(reading, str) else None, _role(word.feature)))
    return raw


def _resplit(text: str, raw: list[tuple[str, str | None, str]]) -> list[tuple[str, str | None, str]]:
    """Org words the tokenizer cut across (恩徳化学工場 read as 恩 + 徳化 + 学 + 工場) taken
    whole, and the text between them tokenized again. Words of two characters or more are
    looked for, longest first from the left, outside the parts tagged as personal names; when
    every word found falls on the tokenizer's boundaries its reading is kept as it is."""
    if "".join(s for s, _, _ in raw) != text:
        return raw
    table = org_words()
    person = [False] * len(text)
    bounds, pos = {0}, 0
    for surface, _, role in raw:
        if role in ("surname", "given"):
            person[pos : pos + len(surface)] = [True] * len(surface)
        pos += len(surface)
        bounds.add(pos)
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        for j in range(min(len(text), i + MAX_WORD), i + 1, -1):
            if text[i:j] in table and not any(person[i:j]):
                found.append((i, j))
                i = j
                break
        else:
            i += 1
    if all(i in bounds and j in bounds for i, j in found):
        return raw
    out: list[tuple[str, str | None, str]] = []
    pos = 0
    for i, j in found:
        if i > pos:
            out.extend(_tag(text[pos:i]))
        out.append((text[i:j], _kakasi_reading(text[i:j]) or None, "word"))
        pos = j
    if pos < len(text):
        out.extend(_tag(text[pos:]))
    return out


def _merge(raw: list[tuple[str, str | None, str]]) -> list[Morpheme]:
    table = org_words()
    out: list[Morpheme] = []
    i = 0
    while i < len(raw):
        best = 0
        for j in range(min(len(raw), i + 6), i, -1):
            joined = "".join(s for s, _, _ in raw[i:j])
            if joined in table and len(joined) <= MAX_WORD and (j - i > 1 or raw[i][2] != "given"):
                best = j
                break
        if best and not (best == i + 1 and raw[i][2] in ("surname", "given")):
            parts = raw[i:best]
            surface = "".join(s for s, _, _ in parts)
            reading = "".join(r or "" for _, r, _ in parts)
            out.append(Morpheme(surface, (reading,) if reading else (), "org_word", table[surface]))
            i = best
            continue
        word, kana_reading, role = raw[i]
        out.append(Morpheme(word, _readings(word, kana_reading, role), role))
        i += 1
    return out


def _readings(surface: str, reading: str | None, role: str) -> tuple[str, ...]:
    found: list[str] = [reading] if reading else []
    if any(char_script(c) is Script.HAN for c in surface):
        alt = _kakasi_reading(surface)
        if alt and alt not in found and (role in ("given", "surname") or not found):
            found.append(alt)
    return tuple(found)


def pinyin(text: str) -> str:
    """Mandarin pinyin of Han text, without tones, syllables joined (北京 -> beijing)."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))
