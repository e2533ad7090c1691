"""Field readers for Australia's DFAT consolidated list: dates, lists, Additional Information.

DFAT cells are typed by hand. A date of birth may be a spreadsheet date, a year, or text
such as "a) Approximately 1955- 1958 b) Approximately 1945-1950", "Between 1955 and 1958",
"12 Mar 1960 >> 13 Apr 1961", "01/02/1960; alt DOB: 03/04/1961", "12. Jul 1960" or
"a) 12/04/1380 (Hijri Calendar)". Multi-valued cells are lettered "a) ... b) ...".

"Additional Information" is free text in which identifiers are labelled the OFAC way
("Passport no.: ...", "Tax ID No.: 7831000122 (Russia)", "IMO number: 5905801"); this
module finds those labels (see ``seisai/data/sources/id_labels.yml``) and the numbers after
them, with the issuing country when it is named next to the number.
"""

from __future__ import annotations

import re
import unicodedata

from seisai.geo.nationalities import nationality_code
from seisai.model import DateParseError, FuzzyDate, Identifier, IdKind, parse_fuzzy_date
from seisai.sources.identifiers import national_kind
from seisai.sources.ofac_labels import LabelKind, match_label

_LETTERED = re.compile(r"(?:^|(?<=[\s;,.]))\(?[a-z]\)\s*")
_DATE_SPLIT = re.compile(
    r";|>>|\balt(?:ernative)?\.? DOB:?|\bor\b|\n|\)\s+|(?<=\d{4})\s*,\s*(?=\d)|(?<=\d{4})\s+(?=\d{1,2}/)", re.I
)
_MONTH_SPAN = re.compile(r"^between\s+([a-z]{3,9})\.?\s+and\s+([a-z]{3,9})\.?\s+(\d{4})$", re.I)
_DAY_DOT = re.compile(r"^(\d{1,2})\.\s*")
_SPACED_RANGE = re.compile(r"^(.*\d{4})\s*-\s*(\d{4})$")
_BETWEEN_TO = re.compile(r"^between\s+(\d{4})\s+(?:to|-)\s+(\d{4})$", re.I)
_HYPHENATED = re.compile(r"^(\d{1,2})-([A-Za-z]{3,9})-(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})/(\d{4})$")
_REMARK = re.compile(r"\([^()]*\)?|\.\s+(?:for|this|alt)\b.*$", re.I)


def split_lettered(text: str) -> list[str]:
    """Split "a) X b) Y" into ``["X", "Y"]``; unlettered text is one item."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not _LETTERED.match(text):
        return [text] if text else []
    return [p.strip(" ;,") for p in _LETTERED.split(text) if p.strip(" ;,")]


def parse_dfat_dates(text: str) -> tuple[list[FuzzyDate], list[str]]:
    """The dates of birth in a DFAT cell, and the parts that could not be read.

    Hijri-calendar dates are left unread (returned in the second list): they need a calendar
    conversion the list does not give.
    """
    dates: list[FuzzyDate] = []
    unread: list[str] = []
    for item in split_lettered(text):
        for part in _DATE_SPLIT.split(item):
            part = " ".join(part.split()).strip(" .,;:")
            if not part or part.casefold() in {"na", "n/a", "unknown"}:
                continue
            found = _one_date(part)
            if found is None:
                unread.append(part)
            elif found not in dates:
                dates.append(found)
    return dates, unread


def _one_date(text: str) -> FuzzyDate | None:
    """One date, after dropping remarks in brackets ("(as Ali Thafir Abdallah)", "(this aka only")."""
    if "hijri" in text.casefold():
        return None
    bare = " ".join(_REMARK.sub(" ", text).split()).strip(" .,;:")
    inner = text.strip("() .")
    for candidate in dict.fromkeys(c for c in (bare, inner) if c):
        found = _plain_date(candidate)
        if found is not None:
            return found
    return None


def _plain_date(text: str) -> FuzzyDate | None:
    text = re.sub(r"^(?:DOB|date of birth)\s*:?\s*", "", text, flags=re.I)
    text = _DAY_DOT.sub(r"\1 ", text)
    text = re.sub(r"([A-Za-z])\.(\d)", r"\1. \2", text)  # "24 Jan.1973"
    text = re.sub(r"/\s+", "/", text)  # "09/11/ 1954"
    if m := _MONTH_SPAN.match(text):
        return FuzzyDate(int(m.group(3)))
    if m := _BETWEEN_TO.match(text):
        return FuzzyDate(int(m.group(1)), until_year=int(m.group(2)))
    if m := _MONTH_YEAR.match(text):
        return FuzzyDate(int(m.group(2)), int(m.group(1))) if 1 <= int(m.group(1)) <= 12 else None
    text = _HYPHENATED.sub(r"\1 \2 \3", text)  # "19-Dec-1992"
    for candidate in (text, _SPACED_RANGE.sub(r"\1 to \2", text)):
        try:
            return parse_fuzzy_date(candidate)
        except (DateParseError, ValueError):
            continue
    return None


# Identifier labels as DFAT writes them before the number, e.g. Passport no., Tax ID No., IMO number.
_ID_LABEL = re.compile(
    r"(?P<label>(?:(?P<adj>[A-Z][a-z]+)\s+)?(?:passport(?:\s+(?:no\.?|number))?|national\s+id(?:entification)?"
    r"(?:\s+(?:no\.?|number|card))?|tax\s+id(?:\s+no\.?)?|registration\s+(?:id|number)(?:\s+\(OGRN no\.\))?"
    r"|company\s+(?:identification\s+)?(?:number|no\.?)|state\s+registration\s+number|swift/bic"
    r"|(?:international\s+maritime\s+organization\s+\()?imo\)?(?:\s+(?:identification|ship))?(?:\s+(?:number|no\.?))?"
    r"|inn|ogrn))\s*[:.]?\s*",
    re.I,
)
# Where the text about one identifier ends: the next labelled fact.
_STOP = re.compile(
    r"\n|;|\b(?:National identification|Address|Listed on|Other information|Title|Designation|Date of birth|"
    r"Place of birth|Nationality|Email|Website|Tel|Phone)\b",
    re.I,
)
_NUMBER = re.compile(r"\b(?=[A-Z0-9./-]*\d)[A-Z]{0,4}[\s-]?\d[\dA-Z./ -]{3,}[\dA-Z]\b")
_BIC = re.compile(r"\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
_LETTER_MARK = re.compile(r"\s+\(?[a-z]\)\s*$")
_DATE_LIKE = re.compile(r"^\d{1,2}[./ -]\d{1,2}[./ -]\d{2,4}$|^\d{4}$")
_TRAILING_COUNTRY = re.compile(r"\(([A-Za-z ]+)\)")


def find_identifiers(text: str) -> list[Identifier]:
    """Identifiers labelled in an Additional Information text (see the module docstring)."""
    result: list[Identifier] = []
    labels = list(_ID_LABEL.finditer(text))
    for index, m in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        value = text[m.end() : end]
        stop = _STOP.search(value)
        value = value[: stop.start()] if stop else value
        label = m.group("label")
        adjective = m.group("adj")
        core = label[len(adjective) :].strip() if adjective and nationality_code(adjective) else label
        kind = _label_kind(core) or _kind_of(core)
        if kind is None:
            continue
        for ident in _values(kind, value, nationality_code(adjective) if adjective else None, label):
            if ident not in result:
                result.append(ident)
    return result


def _label_kind(label: str) -> IdKind | None:
    found = match_label(label)
    if found and found.label.kind is LabelKind.IDENTIFIER and not found.rest.strip(" .:"):
        return IdKind(found.label.target)
    return None


def _kind_of(label: str) -> IdKind | None:
    key = label.casefold()
    for word, kind in (("passport", IdKind.PASSPORT), ("national", IdKind.NATIONAL_ID), ("imo", IdKind.IMO),
                       ("tax", IdKind.TAX_ID), ("registration", IdKind.REGISTRATION), ("company", IdKind.REGISTRATION)):
        if key.startswith(word):
            return kind
    return None


def _values(kind: IdKind, value: str, label_country: str | None, label: str) -> list[Identifier]:
    found: list[Identifier] = []
    pattern = _BIC if kind is IdKind.BIC else _NUMBER
    for item in split_lettered(value):
        for m in pattern.finditer(item):
            number = " ".join(m.group(0).split()).strip(" .-/")
            if _DATE_LIKE.match(number) or sum(c.isdigit() for c in number) < (1 if kind is IdKind.BIC else 4):
                continue
            if kind is IdKind.IMO and not re.fullmatch(r"\d{7}", number):
                continue
            country = label_country or _country_near(item, m.start(), m.end())
            rest = _SENTENCE_END.split(item[m.end() :], 1)[0]
            rest = _LETTER_MARK.sub("", rest).strip(" .,;")[:200]
            note = f"{label}: {rest}" if rest else label
            found.append(Identifier(national_kind(kind, number, country), number, country, note))
            break  # one number per lettered item: the rest is issue dates and places
    return found


def _country_near(text: str, start: int, end: int) -> str | None:
    """A country named just before the number ("Libya B014995") or in brackets after it."""
    before = re.sub(r"\b(?:number|no\.?|passport|national|identification|card)\b", " ", text[:start], flags=re.I)
    words = before.replace(",", " ").split()
    for size in (3, 2, 1):
        if len(words) >= size and (code := nationality_code(" ".join(words[-size:]))):
            return code
    after = _TRAILING_COUNTRY.search(text, end)
    if after and after.start() - end < 4:
        return nationality_code(after.group(1))
    return None
