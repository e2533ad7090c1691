"""One row of a MOF programme sheet as an :class:`~seisai.model.Entity`.

The row's cells are grouped by field (see :mod:`seisai.sources.jp.mof_sheets`); each field
has its reader here. Nothing a cell says is dropped: what cannot be read into a typed field
(a date in another calendar, a nationality that is not a country) is kept as text in
``Entity.properties`` and reported as a warning naming the sheet and row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from seisai.model import Entity, Identifier, IdKind, NameKind, Sanction, Schema
from seisai.sources.jp.dates import read_dates, read_notice_dates
from seisai.sources.jp.ids import read_identifiers
from seisai.sources.jp.mof_sheets import Programme
from seisai.sources.jp.name_cells import NameCell, read_aliases, read_primary
from seisai.sources.jp.places import country_in, read_addresses, split_places
from seisai.sources.jp.text import is_placeholder, norm, one_line, split_enumeration, split_top
from seisai.sources.safe import Cell

AUTHORITY = "Japan Ministry of Finance (財務省)"
PERSON_FIELDS = ("birth_date", "birth_date_place", "birth_place", "nationality", "passport", "national_id", "title")
ALIAS_KINDS = {"alias": NameKind.ALIAS, "former": NameKind.FORMER, "weak_alias": NameKind.WEAK_ALIAS}
_ORG_WORDS = re.compile(
    r"組織|団体|会社|協会|運動|戦線|集団|旅団|大隊|基金|財団|銀行|機構|公社|委員会|センター|グループ|"
    r"ネットワーク|両替|社$|軍$|党$|国$|trust|foundation|group|front|army|brigade|organi[sz]ation|"
    r"movement|company|bank|network|party|committee|society|association|exchange|battalion|"
    r"state|council|corporation|institute|cent(?:er|re)|ltd|llc|inc\b|jihad|mujahid",
    re.I,
)
_JA_DAY = re.compile(r"(\d{4})\s*[年.]\s*(\d{1,2})\s*[月.]\s*(\d{1,2})")
_NUMBER = re.compile(r"^[*#＊]?\s*(\d+)")
_BIRTH_JA = re.compile(r"^(?P<date>\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)(?P<place>.*?)生$")
_BIRTH_EN = re.compile(r"^Born(?: at (?P<place>.+?),)?(?: on| in)? (?P<date>[^,]+)$", re.I)


@dataclass
class Row:
    """A row's cells by field, with where it is for messages."""

    sheet: str
    number: int  # 1-based row number, as a spreadsheet shows it
    cells: dict[str, list[Cell]]
    headers: dict[str, str]  # header as written -> cell text, for the raw record
    warnings: list[str] = field(default_factory=list)

    def texts(self, name: str) -> list[str]:
        """The non-placeholder texts of a field's cells."""
        return [t for t in (norm(c) for c in self.cells.get(name, [])) if not is_placeholder(t)]

    def first(self, name: str) -> Cell:
        values = self.cells.get(name, [])
        return values[0] if values else None

    def warn(self, problem: str) -> None:
        self.warnings.append(f"{self.sheet} row {self.number}: {problem}")


def notice_number(row: Row) -> tuple[str | None, str | None]:
    """The number part of 告示番号 (the id) and the cell as published (the reference)."""
    text = one_line(norm(row.first("notice_number")))
    m = _NUMBER.match(text)
    return (m.group(1) if m else None), (text or None)


def row_schema(row: Row, programme: Programme, names: list[str]) -> Schema:
    """The sheet's schema, or for a mixed sheet what the row's cells show it to be."""
    fixed = programme.fixed_schema()
    if fixed is not None:
        return fixed
    if any(row.texts(f) for f in PERSON_FIELDS):
        return Schema.PERSON
    if any(_ORG_WORDS.search(n) for n in names):
        return Schema.ORGANIZATION
    return Schema.LEGAL_ENTITY


def build_entity(source: str, programme: Programme, row: Row) -> Entity | None:
    """The entity a row lists; ``None`` for a deleted (削除) or empty row."""
    notice = read_notice_dates(row.first("notice_date"))
    if notice.is_deleted:
        return None
    number, reference = notice_number(row)
    raw_names = row.texts("name_ja") + row.texts("name_en")
    if not raw_names:
        if number or row.texts("notice_date"):
            row.warn(f"row has a notice ({reference or '-'}) but no name; skipped")
        return None
    if number is None:
        number = f"row{row.number}"
        row.warn(f"no 告示番号 number; id made from the row number ({number}), not stable")
    for problem in notice.problems:
        row.warn(f"告示日付 {problem}")
    schema = row_schema(row, programme, raw_names)
    entity = Entity(source, f"{programme.key}-{number}", schema)
    cell = _names(row, schema is Schema.PERSON)
    for item in cell.names:
        entity.add_name(item.value, item.kind, lang=item.lang)
    if not entity.names:
        row.warn("no usable name in 日本語表記/英語表記; skipped")
        return None
    _person_facts(row, entity)
    _places_and_ids(row, entity)
    _texts(row, entity, cell)
    if notice.amended:
        entity.properties["modifiedAt"] = [d.isoformat() for d in notice.amended]
    entity.sanctions.append(
        Sanction(
            programme=programme.sheet,
            authority=AUTHORITY,
            listed_on=notice.listed,
            reference=reference,
            reason="\n".join(row.texts("reason")) or None,
        )
    )
    entity.raw = {"sheet": row.sheet, "row": row.number, "cells": row.headers, "name_pairs": [list(p) for p in cell.pairs]}
    return entity


def _names(row: Row, person: bool) -> NameCell:
    cell = read_primary(row.first("name_ja"), row.first("name_en"), person)
    for name, kind in ALIAS_KINDS.items():
        for value in row.cells.get(name, []):
            cell.extend(read_aliases(value, kind, person))
    return cell


def _person_facts(row: Row, entity: Entity) -> None:
    date_texts: list[Cell] = list(row.cells.get("birth_date", []))
    places: list[str] = []
    for text in row.texts("birth_date_place"):
        for line in text.split("\n"):
            m = _BIRTH_JA.match(line) or _BIRTH_EN.match(line)
            if m:
                date_texts.append(m.group("date"))
                if m.group("place"):
                    places.append(m.group("place").strip(" ,"))
            else:
                row.warn(f"生年月日・出生地 {line!r}: not a date and place")
                entity.properties.setdefault("birthDateText", []).append(line)
    for value in date_texts:
        found = read_dates(value)
        for fuzzy in found.dates:
            if fuzzy not in entity.birth_dates:
                entity.birth_dates.append(fuzzy)
        for problem in found.problems:
            row.warn(f"生年月日 {problem}")
            entity.properties.setdefault("birthDateText", []).append(problem.split(": ")[0].strip("'"))
    for value in row.cells.get("birth_place", []):
        places.extend(split_places(value))
    for place in places:
        if place not in entity.birth_places:
            entity.birth_places.append(place)
    for text in row.texts("nationality"):
        for item in split_enumeration(text) or [text]:
            for part in split_top(one_line(item), "、,;"):
                code = country_in(part)
                if code and code not in entity.nationalities:
                    entity.nationalities.append(code)
                elif not code and not is_placeholder(part):
                    entity.properties.setdefault("nationalityText", []).append(part)
    for text in row.texts("title"):
        entity.properties.setdefault("title", []).extend(split_enumeration(text) or text.split("\n"))
    for text in row.texts("position"):
        for item in split_enumeration(text) or text.split("\n"):
            if item not in entity.positions:
                entity.positions.append(item)


def _places_and_ids(row: Row, entity: Entity) -> None:
    for value in row.cells.get("address", []):
        for address in read_addresses(value):
            entity.addresses.append(address)
            if address.country and address.country not in entity.countries:
                entity.countries.append(address.country)
    for name, kind in (("passport", IdKind.PASSPORT), ("national_id", IdKind.NATIONAL_ID)):
        for value in row.cells.get(name, []):
            found, missed = read_identifiers(value, kind)
            entity.identifiers.extend(i for i in found if i not in entity.identifiers)
            for item in missed:
                row.warn(f"{name}: no document number in {item!r}; kept as a note")
                entity.notes.append(item)
    for name in ("phone", "fax"):
        for text in row.texts(name):
            for part in split_top(one_line(text).replace("、", ";"), ";"):
                note = "fax" if name == "fax" else None
                entity.identifiers.append(Identifier(IdKind.PHONE, part.strip(" ,"), None, note))


def _texts(row: Row, entity: Entity, cell: NameCell) -> None:
    for text in row.texts("notes"):
        entity.notes.append(text)
    for note in cell.notes:
        entity.properties.setdefault("nameNote", []).append(note)
    for value in row.cells.get("un_listed", []):
        listed = _first_date(value)
        if listed is not None or not is_placeholder(norm(value)):
            entity.properties.setdefault("unListedOn", []).append(listed.isoformat() if listed else norm(value))
    for text in row.texts("un_reference"):
        entity.properties.setdefault("unscId", []).append(text)


def _first_date(value: Cell) -> date | None:
    """The first full date in a cell ("2001年1月25日（…に改訂）" -> 2001-01-25)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _JA_DAY.search(norm(value))
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
