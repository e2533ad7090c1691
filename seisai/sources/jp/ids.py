"""Document numbers written in Japanese prose.

MOF writes identifiers the way a person would: "パキスタン旅券 BN 4196361 （2008年10月28日発行、
2013年10月27日失効）", "(a)アフガニスタン旅券番号：OR1961825（…Akhter Mohmadの名義で発行）",
"ロシア旅券番号8208 No.555627", "Italian Fiscal Code（イタリア納税者番号）: BNSDLA70L14Z352B",
"210603197112150023（中華人民共和国）". :func:`read_identifiers` finds the number in each item,
the kind of document from its words, the issuing country from the words before the number or
a bracketed country, and keeps the item's text as the note.
"""

from __future__ import annotations

import re

from seisai.model import Identifier, IdKind
from seisai.sources.jp.places import country_in
from seisai.sources.jp.text import is_placeholder, norm, split_enumeration, split_top, strip_groups

_KINDS: tuple[tuple[re.Pattern[str], IdKind], ...] = (
    (re.compile(r"旅券|passport", re.I), IdKind.PASSPORT),
    (re.compile(r"納税|tax|fiscal", re.I), IdKind.TAX_ID),
    (re.compile(r"運転免許|出生証明|国籍証明|軍事識別|driving|birth certificate", re.I), IdKind.OTHER),
    (re.compile(r"国民|ID|身分|識別|identity|national", re.I), IdKind.NATIONAL_ID),
)
_DATE = re.compile(r"\d{4}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?|\d{1,2}\s*月\s*\d{1,2}\s*日")
_ENUM_START = re.compile(r"^\s*\(\s*[ai]\s*\)")
_SERIES = re.compile(r"(?<!\d)(\d{2,4})\s*No\.?\s*(\d{5,8})(?!\d)")  # Russian passport series + number
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])(?:No\.?\s*)?((?:[A-Z]{1,3}[ \-])?[A-Z0-9][A-Z0-9\-/.]*\d[A-Z0-9\-/.]*)(?![A-Za-z0-9])"
)
_LABEL_WORDS = re.compile(
    r"(外国人旅行|旅券番号|旅券|国民|IDカード|ID番号|ID|カード|番号|身分証明書|身分登録|身分証|識別|"
    r"運転免許証|出生証明書|国籍証明書|納税者|軍|の|[::]|\s)+$"
)


def _split_items(text: str) -> list[str]:
    """The items of a cell; a label before an enumeration ("IDカード番号: (a)... (b)...")
    goes with every item, and a line without a number stays with the line before it."""
    items = split_enumeration(text) or [text]
    if len(items) > 1 and not _has_number(items[0]) and not _ENUM_START.match(text):
        label = items.pop(0)
        items = [f"{label} {item}" for item in items]
    out: list[str] = []
    for item in items:
        merged: list[str] = []
        for part in split_top(item.replace("\n", ";"), ";"):
            if merged and not _has_number(part) or merged and not _has_number(merged[-1]):
                merged[-1] = f"{merged[-1]} {part}"
            else:
                merged.append(part)
        out.extend(merged)
    return out


def _has_number(text: str) -> bool:
    return _number(_DATE.sub(" ", strip_groups(text)[0])) is not None


def _number(text: str) -> str | None:
    if m := _SERIES.search(text):
        return f"{m.group(1)} {m.group(2)}"
    for m in _NUMBER.finditer(text):
        value = m.group(1).strip(" .-/")
        digits = sum(c.isdigit() for c in value)
        if digits >= 3 or (digits >= 2 and len(value) >= 6):
            return value
    return None


def read_identifiers(value: object, default: IdKind) -> tuple[list[Identifier], list[str]]:
    """The identifiers in a cell, and the items in which no number was found.

    ``default`` is the kind the column stands for (旅券番号 -> passport); words in an item
    override it (a passport listed under ID番号, a tax code, a driving licence).
    """
    text = norm(value)
    found: list[Identifier] = []
    missed: list[str] = []
    if is_placeholder(text):
        return found, missed
    for item in _split_items(text):
        if is_placeholder(item):
            continue
        bare, groups = strip_groups(item)
        number = _number(_DATE.sub(" ", bare))
        if number is None and groups:
            bare = " ".join(groups)  # the whole item in brackets: "(リビア旅券347834、…)"
            number = _number(_DATE.sub(" ", bare))
        if number is None:
            missed.append(item)
            continue
        kind = next((k for pattern, k in _KINDS if pattern.search(bare)), default)
        label = bare[: bare.find(number.split(" ")[0])] if number.split(" ")[0] in bare else ""
        country = country_in(_LABEL_WORDS.sub("", label)) if label.strip() else None
        if country is None:
            country = next((c for c in map(country_in, groups) if c), None)
        note = item if item.strip() != number else None
        identifier = Identifier(kind, number, country, note)
        if identifier not in found:
            found.append(identifier)
    return found, missed
