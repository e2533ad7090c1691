"""Dates as the lists give them: exact, month or year only, approximate, or a range.

A birth date on a sanctions list is rarely a plain date. OFAC writes "15 Dec 1951",
"circa 1951" or "1951 to 1953"; the UN gives a year with a type (EXACT, APPROXIMATELY,
BETWEEN); Japan's MOF writes "1951年12月15日", era dates such as "昭和26年12月15日",
"1963年から1968年の間" and "1960年頃". :class:`FuzzyDate` keeps what is known and nothing
more, and :func:`parse_fuzzy_date` reads all of these forms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Precision(StrEnum):
    """How much of a :class:`FuzzyDate` is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"  # a span of years


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date known to the day, the month, the year, or as a span of years.

    ``until_year`` is set for a range ("1963 to 1968"): ``year`` is its first year.
    ``circa`` marks an approximate date ("circa 1951", "1960年頃").
    """

    year: int
    month: int | None = None
    day: int | None = None
    circa: bool = False
    until_year: int | None = None

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 2999:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            date(self.year, self.month, self.day)  # raises ValueError for 31 Feb
        if self.until_year is not None and self.until_year < self.year:
            raise ValueError(f"range ends before it starts: {self.year}-{self.until_year}")

    @property
    def precision(self) -> Precision:
        """How precise the date is."""
        if self.until_year is not None and self.until_year != self.year:
            return Precision.RANGE
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def years(self) -> range:
        """Every year the date may fall in."""
        return range(self.year, (self.until_year or self.year) + 1)

    def iso(self) -> str:
        """ISO 8601 prefix form: ``1951-12-15``, ``1951-12``, ``1951``; a range gives ``1963/1968``."""
        if self.precision is Precision.RANGE:
            return f"{self.year:04d}/{self.until_year:04d}"
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def ftm_values(self) -> list[str]:
        """The values FollowTheMoney expects for ``birthDate``: one prefix, or each year of a range."""
        if self.precision is Precision.RANGE:
            return [f"{y:04d}" for y in self.years]
        return [self.iso()]

    def to_date(self) -> date | None:
        """A plain :class:`date` when the day is known, else ``None``."""
        if self.day is None or self.month is None:
            return None
        return date(self.year, self.month, self.day)

    def __str__(self) -> str:
        return ("c. " if self.circa else "") + self.iso()

    @classmethod
    def from_iso(cls, text: str) -> FuzzyDate:
        """Inverse of :meth:`iso` (also accepts a ``circa`` prefix ``~``)."""
        circa = text.startswith("~")
        text = text.lstrip("~")
        if "/" in text:
            start, end = text.split("/", 1)
            return cls(int(start), circa=circa, until_year=int(end))
        parts = [int(p) for p in text.split("-")] + [None, None]
        return cls(parts[0], parts[1], parts[2], circa)  # type: ignore[arg-type]


MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

# Japanese eras: name -> first Gregorian year (year 1 of the era). 元年 is year 1.
ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
_ERA_INITIALS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}

_CIRCA = re.compile(r"^(?:circa|ca\.?|c\.|approx(?:imately)?\.?|about|around|~)\s*", re.I)
_ISO = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$")
_D_MON_Y = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_MON_D_Y = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
_RANGE = re.compile(r"^(\d{4})\s*(?:to|-|–|/|and|から)\s*(\d{4})$", re.I)
_BETWEEN = re.compile(r"^between\s+(\d{4})\s+and\s+(\d{4})$", re.I)
_SPAN = re.compile(r"^(.+?)\s+(?:to|-|–)\s+(.+)$", re.I)  # "01 Jan 1951 to 31 Dec 1953" (OFAC)
_JA_DATE = re.compile(r"^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日?)?)?$")
_JA_ERA = re.compile(r"^(明治|大正|昭和|平成|令和|[MTSHR])\.?\s*(元|\d{1,2})(?:年|[./])(?:(\d{1,2})(?:月|[./])(?:(\d{1,2})日?)?)?$")
_JA_RANGE = re.compile(r"^(.+?)(?:から|～|~|－|ー|-)(.+?)(?:までの間|の間|まで)?$")
_BORN = re.compile(r"^(?:born|b\.)\s*(?:on\s+|in\s+)?", re.I)  # "Born on 10 July 1942"
_JA_BORN = re.compile(r"(?:生まれ|生)$")  # "1970年生", "1960年生まれ"
_JA_CIRCA = re.compile(r"(の頃|頃|ごろ|前後|おおよそ|およそ|おおむね|約|推定)")


class DateParseError(ValueError):
    """A date string that none of the known forms fits."""


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().strip(".;,")
    return re.sub(r"\s+", " ", text)


def parse_fuzzy_date(text: str) -> FuzzyDate:
    """Read a date in any form the lists use.

    Raises :class:`DateParseError` (a ``ValueError``) naming the text when no form fits or the
    date does not exist (31 February, month 23).

    >>> parse_fuzzy_date("15 Dec 1951").iso()
    '1951-12-15'
    >>> parse_fuzzy_date("昭和26年12月15日").iso()
    '1951-12-15'
    >>> parse_fuzzy_date("1963年から1968年の間").iso()
    '1963/1968'
    """
    raw = text
    text = _clean(text)
    if not text:
        raise DateParseError("empty date")
    circa = False
    text = _BORN.sub("", text)
    m = _CIRCA.match(text)
    if m:
        circa, text = True, text[m.end() :]
    if _JA_CIRCA.search(text):
        circa, text = True, _JA_CIRCA.sub("", text).strip()
    try:
        result = _parse_plain(text)
    except ValueError as exc:
        raise DateParseError(f"invalid date {raw!r}: {exc}") from None
    if result is None:
        raise DateParseError(f"unrecognised date {raw!r}")
    if circa and not result.circa:
        result = FuzzyDate(result.year, result.month, result.day, True, result.until_year)
    return result


def _parse_plain(text: str) -> FuzzyDate | None:
    for parser in (_parse_western, _parse_japanese):
        found = parser(text)
        if found is not None:
            return found
    return None


def _parse_western(text: str) -> FuzzyDate | None:
    if m := _ISO.match(text):
        y, mo, d = m.groups()
        return FuzzyDate(int(y), int(mo) if mo else None, int(d) if d else None)
    if m := _DMY.match(text):
        d, mo, y = m.groups()
        return FuzzyDate(int(y), int(mo), int(d))
    if m := _D_MON_Y.match(text):
        d, mon, y = m.groups()
        if mon.lower() in MONTHS:
            return FuzzyDate(int(y), MONTHS[mon.lower()], int(d) if d else None)
    if m := _MON_D_Y.match(text):
        mon, d, y = m.groups()
        if mon.lower() in MONTHS:
            return FuzzyDate(int(y), MONTHS[mon.lower()], int(d))
    if m := _RANGE.match(text) or _BETWEEN.match(text):
        return FuzzyDate(int(m.group(1)), until_year=int(m.group(2)))
    if m := _SPAN.match(text):
        return _span(m.group(1), m.group(2))
    return None


def _span(first: str, last: str) -> FuzzyDate | None:
    """Two dates joined by "to" ("01 Jan 1951 to 31 Dec 1953", "Mar 1958 to Feb 1959"), read
    as the most precise date that covers both ends: the date itself when both ends are equal,
    its month or year when they share one, else the span of years."""
    start, end = _parse_western(first), _parse_western(last)
    if start is None or end is None or start.until_year is not None or end.until_year is not None:
        return None
    if start == end:
        return start
    if start.year == end.year and start.month is not None and start.month == end.month:
        return FuzzyDate(start.year, start.month)
    if start.year == end.year:
        return FuzzyDate(start.year)
    return FuzzyDate(start.year, until_year=end.year)


def _parse_japanese(text: str) -> FuzzyDate | None:
    text = _JA_BORN.sub("", text.replace(" ", ""))
    if m := _JA_DATE.match(text):
        y, mo, d = m.groups()
        return FuzzyDate(int(y), int(mo) if mo else None, int(d) if d else None)
    if m := _JA_ERA.match(text):
        era, y, mo, d = m.groups()
        era = _ERA_INITIALS.get(era, era)
        year = ERAS[era] + (0 if y == "元" else int(y) - 1)
        return FuzzyDate(year, int(mo) if mo else None, int(d) if d else None)
    if m := _JA_RANGE.match(text):
        start_text, end_text = m.groups()
        start = _parse_plain(start_text)
        end = _parse_plain(end_text)
        if start is not None and end is None and "年" not in end_text:
            end = _parse_plain(f"{start.year}年{end_text}")  # "1977年8月から9月の間"
        if start is not None and end is not None:
            return FuzzyDate(start.year, until_year=end.until_year or end.year)
    return None


def split_dates(text: str) -> list[str]:
    """Split a cell holding several dates ("1951; 1952", "(a) 1951 (b) 1953") into parts."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\(\s*[a-z]\s*\)|\(\s*[ivx]+\s*\)", ";", text)
    parts = re.split(r"[;\n、]|\s+or\s+|又は|または", text)
    return [p.strip(" ,.") for p in parts if p.strip(" ,.")]
