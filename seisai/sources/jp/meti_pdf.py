"""The text of METI/MOFA export-ban entity PDFs, cut into a header and numbered entries.

The PDFs are Word documents: a title ("○ …ロシア連邦の団体（令和四年外務省告示第八十二号）"),
指定日 and 最終更新日 lines, then numbered entries::

    12 国際量子光学・量子技術センター（別称、ロシア量子センター及びRQC）
    International Center for Quantum Optics and Quantum Technologies LLS, a.k.a. the
    following two aliases:
    -Russian Quantum Center; and
    -RQC
    所在地：Business-center "Ural," 100 Novaya Street, ...; and 30 Bolshoy Blvd, ...

Newer entries give aliases on their own lines ("別称：A; B" in Japanese, then the Latin
names). Lines wrap anywhere, entries run across pages, and Word's spacing puts a space
between Japanese text and digits ("株式会社第140 修理工場"), which is removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from seisai.sources.jp.text import is_japanese

_ENTRY = re.compile(r"^(\d{1,4})\s+(.+)$")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NOTICE = re.compile(r"[（(]((?:令和|平成)\S*?告示第\S*?号)[）)]")
_ALIAS_LINE = re.compile(r"^別\s*称\s*[:：]\s*")
_ADDRESS_LINE = re.compile(r"^所\s*在\s*地\s*[:：]\s*")  # also "所 在 地 :"
_DESIGNATED = re.compile(r"^指\s*定\s*日")
_UPDATED = re.compile(r"^最\s*終\s*更\s*新\s*日")
_BULLET = re.compile(r"^[-–—−‐]\s*")
_JA_DIGIT_SPACE = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff々（「、])\s+(?=\d)|(?<=\d)\s+(?=[\u3040-\u30ff\u3400-\u9fff）」])")
_CJK = r"\u3040-\u30ff\u3400-\u9fff\uff00-\uffef々〆〇"


@dataclass
class Line:
    """A line of text and the page it is on (1-based)."""

    text: str
    page: int


@dataclass
class Header:
    """The list's title, notice, designation and last-update dates."""

    title: str = ""
    notice: str | None = None
    designated: date | None = None
    updated: date | None = None


@dataclass
class RawEntry:
    """One numbered entry, its parts still as text."""

    number: int
    page: int
    japanese: str = ""
    english: list[str] = field(default_factory=list)  # lines, bullets kept
    alias_japanese: str = ""
    alias_english: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    dated: date | None = None


def clean_line(text: str) -> str:
    """NFKC (full-width digits, brackets, colons) and collapsed spaces."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


def join_ja(head: str, tail: str) -> str:
    """Join two wrapped lines: no space after a Japanese character (Japanese text wraps
    anywhere), nor around a middle dot; one space between two Latin words."""
    if not head:
        return tail
    if re.match(f"[{_CJK}]", head[-1]):  # a wrap inside Japanese text, even before a Latin word
        return head + tail
    if head[-1] in "・ー(" or tail[0] in "・ー)、":
        return head + tail
    return f"{head} {tail}"


def tidy_ja(text: str) -> str:
    """Remove the spaces Word puts between Japanese text and digits."""
    return _JA_DIGIT_SPACE.sub("", text)


def parse_date(text: str) -> date | None:
    """The first "YYYY年M月D日" in ``text`` (spaces allowed anywhere), or ``None``."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_header(lines: list[Line]) -> tuple[Header, int]:
    """The header, and the index of the first line after it."""
    header = Header()
    index = 0
    title: list[str] = []
    while index < len(lines):
        text = lines[index].text
        if _DESIGNATED.match(text):
            header.designated = parse_date(text)
        elif _UPDATED.match(text):
            header.updated = parse_date(text)
        elif _ENTRY.match(text) and title:
            break
        elif not re.match(r"^[(（]別添", text):
            title.append(text.lstrip("○ "))
        index += 1
    header.title = "".join(title) if all(is_japanese(t) for t in title) else " ".join(title)
    m = _NOTICE.search(header.title.replace(" ", ""))
    header.notice = m.group(1) if m else None
    return header, index


def split_entries(lines: list[Line], start: int) -> tuple[list[RawEntry], list[Line]]:
    """The numbered entries from ``start``; lines that belong to no entry are returned too.

    An entry begins with a line "N <Japanese name>" where N follows the previous entry's
    number; an address line starting with a number is never taken for one, as it has no
    Japanese text and rarely the right number.
    """
    entries: list[RawEntry] = []
    stray: list[Line] = []
    current: list[Line] = []
    expected: int | None = None
    for line in lines[start:]:
        m = _ENTRY.match(line.text)
        if m and is_japanese(m.group(2)) and (expected is None or int(m.group(1)) == expected):
            if current:
                entries.append(_entry(current))
            current = [Line(f"{m.group(1)} {m.group(2)}", line.page)]
            expected = int(m.group(1)) + 1
        elif current:
            current.append(line)
        else:
            stray.append(line)
    if current:
        entries.append(_entry(current))
    return entries, stray


def _balance(text: str) -> int:
    return text.count("(") - text.count(")")


def _entry(lines: list[Line]) -> RawEntry:
    number, first = lines[0].text.split(" ", 1)
    entry = RawEntry(int(number), lines[0].page, japanese=first)
    state = "ja"
    for line in lines[1:]:
        text = line.text
        if _ADDRESS_LINE.match(text):
            state = "address"
            entry.addresses.append(_ADDRESS_LINE.sub("", text))
            continue
        if _ALIAS_LINE.match(text):
            rest = _ALIAS_LINE.sub("", text)
            state = "alias_ja" if is_japanese(rest) else "alias_en"
            if state == "alias_ja":
                entry.alias_japanese = rest
            else:
                entry.alias_english.append(rest)
            continue
        if _DESIGNATED.match(text) or re.search(r"日\s*指定", text):
            entry.dated = parse_date(text) or entry.dated
            continue
        state = _next_state(state, entry, text)
        _add(entry, state, text)
    entry.japanese = tidy_ja(entry.japanese)
    entry.alias_japanese = tidy_ja(entry.alias_japanese)
    return entry


def _next_state(state: str, entry: RawEntry, text: str) -> str:
    """Japanese lines continue until brackets close and a line is not Japanese outside its
    brackets ("Ele Technology Co LTD（深圳市…有限公司）" is the English name)."""
    outside = re.sub(r"\([^()]*\)?", "", text)
    if state == "ja" and _balance(entry.japanese) <= 0 and not is_japanese(outside):
        return "en"
    if state == "alias_ja" and _balance(entry.alias_japanese) <= 0 and not is_japanese(outside):
        return "alias_en"
    return state


def _add(entry: RawEntry, state: str, text: str) -> None:
    if state == "ja":
        entry.japanese = join_ja(entry.japanese, text)
    elif state == "en":
        entry.english.append(text)
    elif state == "alias_ja":
        entry.alias_japanese = join_ja(entry.alias_japanese, text)
    elif state == "alias_en":
        entry.alias_english.append(text)
    elif entry.addresses:
        entry.addresses[-1] = f"{entry.addresses[-1]} {text}"
