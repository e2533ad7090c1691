"""Dates in Japanese list cells: several per cell, alternatives, inherited years, typos.

A MOF date-of-birth cell may hold "(a)1955年-1958年頃 (b)1945年-1950年頃",
"1991年7月14日又は6月14日" (the second date takes the first one's year),
"1966/1969年3月27日", "2000年2月20/29日", "1983年2(3)月10日" (alternatives written
inside one date), "1958、59又は60年生まれ", a Hijri date marked (ヒジュラ暦), or a typo
such as month 23. :func:`read_dates` reads every date it can and reports the rest as
problems, so that a bad date never loses the entity: the caller keeps the text and warns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from seisai.model import DateParseError, FuzzyDate, parse_fuzzy_date
from seisai.model.dates import split_dates
from seisai.sources.jp.text import is_placeholder, norm, split_enumeration, trailing_group

_YEAR_ALT = re.compile(r"^(\d{4})/(\d{4})(年.*)$")  # 1966/1969年3月27日
_DAY_ALT = re.compile(r"^(.*月)(\d{1,2})/(\d{1,2})(日.*)$")  # 2000年2月20/29日
_MONTH_ALT = re.compile(r"^(.*年)(\d{1,2})\((\d{1,2})\)(月.*)$")  # 1983年2(3)月10日
_NO_YEAR_MONTH = re.compile(r"^\d{1,2}月")
_NO_YEAR_DAY = re.compile(r"^\d{1,2}日")
_SHORT_YEAR = re.compile(r"^(\d{2})(年.*)?$")
_OTHER_CALENDAR = re.compile(r"ヒジュラ|hijri|イスラム暦|陰暦", re.I)
_NO_YEAR = re.compile(r"year unknown|年不明", re.I)
_NOTICE_DATE = re.compile(r"(\d{4})\s*[./年]\s*(\d{1,2})\s*[./月]\s*(\d{1,2})日?")


@dataclass
class CellDates:
    """The dates read from one cell, and the parts that could not be read."""

    dates: list[FuzzyDate] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_dates(value: object) -> CellDates:
    """Every date in a cell, each part read on its own.

    Workbook date cells are exact dates. Text is split on enumerations, newlines, 、, ;
    and 又は/or; a part without a year takes the year (and month) of the part before it.
    Parts in another calendar, without a year, or that are not valid dates are returned in
    :attr:`CellDates.problems` with the reason.
    """
    result = CellDates()
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        result.dates.append(FuzzyDate(value.year, value.month, value.day))
        return result
    text = norm(value)
    if is_placeholder(text):
        return result
    text = re.sub(r"から\s*\n", "から", text)
    text = re.sub(r"\s*\n\s*(?=日|の間|まで)", "", text)
    previous: FuzzyDate | None = None
    for item in split_enumeration(text) or [text]:
        for part in split_dates(item):
            for alternative in _alternatives(part):
                found = _read_part(alternative, previous, result)
                if found is not None:
                    previous = found
                    if found not in result.dates:
                        result.dates.append(found)
    return result


def _alternatives(part: str) -> list[str]:
    """Expand alternatives written inside one date: years, days or months joined by / or ()."""
    if m := _YEAR_ALT.match(part):
        return [m.group(1) + m.group(3), m.group(2) + m.group(3)]
    if m := _DAY_ALT.match(part):
        return [m.group(1) + m.group(2) + m.group(4), m.group(1) + m.group(3) + m.group(4)]
    if m := _MONTH_ALT.match(part):
        return [m.group(1) + m.group(2) + m.group(4), m.group(1) + m.group(3) + m.group(4)]
    return [part]


def _read_part(part: str, previous: FuzzyDate | None, result: CellDates) -> FuzzyDate | None:
    text = part
    while group := trailing_group(text):
        text, note = group
        if _OTHER_CALENDAR.search(note):
            result.problems.append(f"{part!r}: not a Gregorian date ({note})")
            return None
        if _NO_YEAR.search(note):
            result.problems.append(f"{part!r}: no year given")
            return None
    if not text or is_placeholder(text):
        return None
    if previous is not None:
        text = _with_context(text, previous)
    try:
        return parse_fuzzy_date(text)
    except DateParseError as exc:
        result.problems.append(f"{part!r}: {exc}")
        return None


def _with_context(text: str, previous: FuzzyDate) -> str:
    """Give a part without a year the year (and month) of the date before it."""
    if _NO_YEAR_MONTH.match(text):
        return f"{previous.year}年{text}"
    if _NO_YEAR_DAY.match(text) and previous.month is not None:
        return f"{previous.year}年{previous.month}月{text}"
    if m := _SHORT_YEAR.match(text):
        return f"{str(previous.year)[:2]}{m.group(1)}{m.group(2) or ''}"
    return text


@dataclass
class NoticeDates:
    """A MOF 告示日付 cell: the listing date, later amendments, and deletion."""

    listed: date | None = None
    amended: list[date] = field(default_factory=list)
    deleted: date | None = None
    is_deleted: bool = False
    problems: list[str] = field(default_factory=list)


def read_notice_dates(value: object) -> NoticeDates:
    """Read "2001.9.22\\n2008.6.25改訂\\n2012.3.27改訂" or "2018.6.29削除".

    The first date is the listing date; lines marked 改訂 are amendments; a line marked 削除
    means the row was delisted on that date. A line that is not a valid date is reported in
    :attr:`NoticeDates.problems` and skipped.
    """
    result = NoticeDates()
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        result.listed = value
        return result
    for line in norm(value).split("\n"):
        if line.startswith("(") or not line.strip():
            continue  # "（38．と同一人物）": a note on a deletion
        m = _NOTICE_DATE.search(line)
        found: date | None = None
        if m:
            try:
                found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                found = None
        if found is None:
            result.problems.append(f"{line!r}: not a valid date")
        if "削除" in line:
            result.is_deleted = True
            result.deleted = found
        elif "改訂" in line or "修正" in line:
            if found is not None:
                result.amended.append(found)
        elif result.listed is None and found is not None:
            result.listed = found
    return result
