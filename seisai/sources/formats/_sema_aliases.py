"""Splitting the free-text ``Aliases`` cell of Canada's consolidated autonomous sanctions list.

The cell is written by hand and mixes every separator there is::

    Sergei, Serhii SHERBAKOV
    Hanna Mikhailauna ASIPENKA,  Belarusian: Ганна Мiхайлаўна АСIПЕНКА, Russian: Анна ...
    SSC RF Trinity, JSC; АКЦИОНЕРНОЕ ОБЩЕСТВО "ГОСУДАРСТВЕННЫЙ НАУЧНЫЙ ЦЕНТР ..."; ГНЦ РФ Тринити, АО
    Открытое акционерное общество "ВОЛАТАВТО"/ ОАО "ВОЛАТАВТО"
    Abdel Rahim Hamdan Dagalo, Abdelrahim Dagalo and Abdelrahim Hamdan Dagalo Mousa Arabic:عبدالرحيم دقلو

:func:`split_aliases` splits on semicolons, language labels ("Belarusian:", "Arabic:"), commas
outside quotes and brackets (a trailing legal form such as ", JSC" or ", ООО" stays with its
name), slashes with a space beside them, " or ", and for people " and "; a line break
separates names only where the script changes. What cannot be split safely stays whole:
matching a long alias is better than inventing a wrong short one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from seisai.text.languages import language_code
from seisai.text.scripts import script_of

LANGUAGES = (
    "Belarusian|Belarussian|Byelorussian|Russian|Ukrainian|Arabic|Persian|Farsi|Chinese|Burmese|"
    "Korean|Georgian|Kazakh|Hebrew|French|English"
)
_LABEL = re.compile(rf"(?:^|(?<=[\s,;(]))({LANGUAGES})\s*:\s*", re.I)
_SLASH = re.compile(r"\s+/\s*|\s*/\s+")
_OR = re.compile(r"\s+(?:or|OR|ou)\s+|,\s*or\s+")
_AND = re.compile(r"\s+and\s+")
LEGAL_FORMS = frozenset(
    {
        "jsc", "ojsc", "cjsc", "pjsc", "ao", "oao", "zao", "pao", "ooo", "sao", "nko", "fgup", "gup",
        "llc", "ltd", "inc", "co", "corp", "limited", "plc", "gmbh", "ag", "sa", "s.a", "bv", "nv",
        "ао", "оао", "зао", "пао", "ооо", "сао", "нко", "фгуп", "гуп", "муп", "тоо", "ип", "нп", "ано",
    }
)  # fmt: skip
_PAIRS = {"(": ")", "«": "»", "“": "”", "„": "“", "‘": "’"}


@dataclass(frozen=True)
class AliasText:
    """One alias read from the cell, with the language its label gave (ISO 639-1) if any."""

    value: str
    lang: str | None = None


def _clean(text: str) -> str:
    """Whitespace collapsed, separators and unpaired brackets at either end removed."""
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ").replace("\u202f", " ")
    text = " ".join(text.split()).strip(" ,;:")
    while text:
        if text[-1] == "(" or (text[-1] == ")" and text.count(")") > text.count("(")):
            text = text[:-1].rstrip(" ,;:")
        elif text[0] == ")" or (text[0] == "(" and text.count("(") > text.count(")")):
            text = text[1:].lstrip(" ,;:")
        else:
            break
    return text


def _join_lines(text: str) -> list[str]:
    """Lines joined back into one text, except where the script changes across a break."""
    chunks: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if chunks and script_of(chunks[-1].split()[-1]) == script_of(line.split()[0]):
            chunks[-1] = f"{chunks[-1]} {line}"
        else:
            chunks.append(line)
    return chunks


def _split_commas(text: str) -> list[str]:
    """Split on commas and semicolons outside brackets and quotes.

    Unbalanced straight quotes are ignored, then unbalanced brackets: the cell is typed by
    hand and 'АО "НИИ"Аргон"' happens.
    """
    parts = _scan(text, True, True) or _scan(text, False, True) or _scan(text, False, False) or [text]
    merged: list[str] = []
    for part in (p.strip() for p in parts):
        if merged and part and _is_legal_form(part):
            merged[-1] = f"{merged[-1]}, {part}"
        elif part:
            merged.append(part)
    return merged


def _scan(text: str, straight: bool, brackets: bool) -> list[str] | None:
    parts: list[str] = []
    current: list[str] = []
    closers: list[str] = []
    quoted = False
    for char in text:
        if straight and char == '"':
            quoted = not quoted
        elif brackets and closers and char == closers[-1]:
            closers.pop()
        elif brackets and char in _PAIRS:
            closers.append(_PAIRS[char])
        elif char in ",;" and not closers and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return None if quoted or closers else parts


def _is_legal_form(part: str) -> bool:
    words = part.casefold().replace('"', " ").split()
    return 0 < len(words) <= 2 and all(w.strip(".") in LEGAL_FORMS for w in words)


def split_aliases(text: str, person: bool) -> list[AliasText]:
    """The separate aliases in an ``Aliases`` cell (see the module docstring)."""
    result: list[AliasText] = []
    for chunk in _join_lines(text):
        pieces = _LABEL.split(chunk)
        segments = [(pieces[0], None)] + [
            (pieces[i + 1], language_code(pieces[i])) for i in range(1, len(pieces) - 1, 2)
        ]
        for segment, lang in segments:
            for name in _split_segment(segment, person):
                alias = AliasText(name, lang)
                if alias not in result:
                    result.append(alias)
    return result


def _split_segment(segment: str, person: bool) -> list[str]:
    names: list[str] = []
    for part in _split_commas(segment):
        for piece in _SLASH.split(part):
            for option in _OR.split(piece):
                for name in _AND.split(option) if person else [option]:
                    name = _clean(name)
                    if sum(c.isalpha() for c in name) >= 2:
                        names.append(name)
    return names
