"""Australia, DFAT Consolidated List (regulation 8 consolidated list), xlsx.

One sheet, header ``Reference, Name of Individual or Entity, Type, Name Type, Date of
Birth, Place of Birth, Citizenship, Address, Additional Information, Listing Information,
Committees, Control Date``. Each row is one name: the primary name has a plain number as
its reference ("123", stored by Excel as 123.0), its aliases and original-script names the
same number with a letter suffix ("123a", "123b", "1277b1"). The rows of one number make one
entity, whose id is that number: DFAT does not reuse references, so it is stable across
versions.

Name Type is "Primary Name", "aka", "Original Script", or "Formerly known as" / "Previously
listed as" (former names); the spelling and case vary. Type is "Individual" or "Entity"
(ships are entities; their IMO numbers are in Additional Information). Committees is the
regime ("1718 (DPRK)", "Autonomous (Russia)"); Control Date the date the entry last changed,
and the latest control date is taken as the list's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from seisai.exc import ListFormatError
from seisai.geo.nationalities import nationality_codes
from seisai.model import (
    Address,
    DateParseError,
    Entity,
    NameKind,
    Sanction,
    Schema,
    parse_fuzzy_date,
)
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.building import add_identifier, add_name, add_unique
from seisai.sources.formats._dfat_fields import find_identifiers, parse_dfat_dates, split_lettered
from seisai.sources.tabular import Record, header_index, sheet_table, workbook_head
from seisai.text.scripts import Script, script_of

SOURCE = "au_dfat"
AUTHORITY = "Australian Department of Foreign Affairs and Trade"
REQUIRED = ("Reference", "Name of Individual or Entity", "Name Type", "Committees", "Control Date")
NAME_KINDS = {
    "primary name": NameKind.PRIMARY,
    "aka": NameKind.ALIAS,
    "original script": NameKind.ORIGINAL_SCRIPT,
    "formerly known as": NameKind.FORMER,
    "previously listed as": NameKind.FORMER,
}
SCHEMAS = {"individual": Schema.PERSON, "entity": Schema.ORGANIZATION, "vessel": Schema.VESSEL}
_REFERENCE = re.compile(r"^(\d+)(?:\.0)?([a-z]*\d*)$", re.I)
_BLANK = {"", "na", "n/a", "-", "unknown", "not known"}
_GENDER = re.compile(r"(?:^|\n|\bgender\b\s*[:\[]?\s*)(male|female)\b", re.I)
_LISTED = re.compile(
    r"\bon:?\s*(\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})"
)
_TITLE = re.compile(r"\bTitle:\s*(.+?)(?=\s*(?:Designation:|\n|$))", re.I)
_DESIGNATION = re.compile(r"\bDesignation:\s*(.+?)(?=\.\s+[A-Z]|\n|$)")


@register
class DFATConsolidated(ListFormat):
    name = "au_dfat_xlsx"
    title = "Australia, DFAT Consolidated List (xlsx)"
    source = SOURCE

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        return any(header_index(rows, REQUIRED) is not None for rows in workbook_head(file).values())

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        file = files[0]
        _, table = sheet_table(file, REQUIRED, "DFAT consolidated list")
        groups: dict[str, list[Record]] = {}
        for record in table.records():
            m = _REFERENCE.match(record.get("Reference").replace(" ", ""))
            if not m:
                raise ListFormatError(file.name, record.where, f"unreadable Reference {record.get('Reference')!r}")
            groups.setdefault(m.group(1), []).append(record)
        warnings: list[str] = []
        entities = [self._entity(file.name, ref, rows, warnings) for ref, rows in groups.items()]
        controls = [d for e in entities for d in e.properties.get("modifiedAt", [])]
        published = date.fromisoformat(max(controls)) if controls else None
        return ParsedList(SOURCE, self.name, list(files), entities, published, warnings)

    def _entity(self, name: str, ref: str, records: list[Record], warnings: list[str]) -> Entity:
        kind_text = records[0].get("Type").strip()
        schema = SCHEMAS.get(kind_text.casefold())
        if schema is None:
            warnings.append(f"{name}: {records[0].where}: unknown Type {kind_text!r}, read as a legal entity")
            schema = Schema.LEGAL_ENTITY
        entity = Entity(SOURCE, ref, schema)
        for record in records:
            self._name(name, entity, record, warnings)
        self._births(name, entity, records, warnings)
        self._places(entity, records)
        self._information(entity, records)
        self._sanctions(name, entity, records)
        entity.raw = {"rows": [r.nonblank() for r in records]}
        return entity

    def _name(self, name: str, entity: Entity, record: Record, warnings: list[str]) -> None:
        label = " ".join(record.get("Name Type").split())
        kind = NAME_KINDS.get(label.casefold())
        if kind is None:
            warnings.append(f"{name}: {record.where}: unknown Name Type {label!r}, read as an alias")
            kind = NameKind.ALIAS
        value = record.get("Name of Individual or Entity")
        if kind is NameKind.ORIGINAL_SCRIPT and script_of(value) in (Script.LATIN, Script.NONE):
            kind = NameKind.ALIAS  # a Latin spelling filed as "original script"
        add_name(entity, value, kind)

    def _births(self, name: str, entity: Entity, records: list[Record], warnings: list[str]) -> None:
        for text in dict.fromkeys(r.get("Date of Birth") for r in records):
            dates, unread = parse_dfat_dates(text)
            for found in dates:
                add_unique(entity.birth_dates, found)
            for part in unread:
                add_unique(entity.properties.setdefault("birthDateText", []), part)
                if "hijri" not in part.casefold():
                    warnings.append(f"{name}: reference {entity.source_id}: date of birth {part!r} not read")

    def _places(self, entity: Entity, records: list[Record]) -> None:
        for record in records:
            for place in split_lettered(record.get("Place of Birth")):
                if place.casefold() not in _BLANK:
                    add_unique(entity.birth_places, place)
            for text in split_lettered(record.get("Citizenship")):
                codes, unknown = nationality_codes(text)
                for code in codes:
                    add_unique(entity.nationalities, code)
                if unknown and text.casefold() not in _BLANK:
                    add_unique(entity.properties.setdefault("nationalityText", []), text)
            for text in split_lettered(record.get("Address")):
                if text.casefold() in _BLANK:
                    continue
                codes, _ = nationality_codes(text.rsplit(",", 1)[-1])
                add_unique(entity.addresses, Address(" ".join(text.split()), codes[0] if codes else None))
                for code in codes[:1]:
                    add_unique(entity.countries, code)

    def _information(self, entity: Entity, records: list[Record]) -> None:
        for text in dict.fromkeys(r.get("Additional Information") for r in records):
            if not text or text.casefold() in _BLANK:
                continue
            add_unique(entity.notes, text)
            for ident in find_identifiers(text):
                add_identifier(entity, ident)
            gender = _GENDER.search(text)
            if gender and entity.schema is Schema.PERSON:
                entity.gender = gender.group(1).lower()
            for m in _TITLE.finditer(text):
                for title in split_lettered(m.group(1).strip(" .")):
                    add_unique(entity.properties.setdefault("title", []), title.strip(" ."))
            for m in _DESIGNATION.finditer(text):
                for position in split_lettered(m.group(1).strip(" .")):
                    add_unique(entity.positions, position.strip(" ."))

    def _sanctions(self, name: str, entity: Entity, records: list[Record]) -> None:
        for record in records:
            control = record.get("Control Date")
            if control:
                try:
                    add_unique(entity.properties.setdefault("modifiedAt", []), date.fromisoformat(control[:10]).isoformat())
                except ValueError:
                    raise ListFormatError(name, record.where, f"bad Control Date {control!r}") from None
        for committee, listing in dict.fromkeys((r.get("Committees"), r.get("Listing Information")) for r in records):
            sanction = Sanction(
                programme=committee.strip(),
                authority=AUTHORITY,
                listed_on=_listed_on(listing),
                notice=" ".join(listing.split()) or None,
            )
            add_unique(entity.sanctions, sanction)


def _listed_on(text: str) -> date | None:
    """The first date after "on" in the Listing Information ("Listed on 12 Apr. 2000 (amended ...)")."""
    m = _LISTED.search(text)
    if not m:
        return None
    try:
        return parse_fuzzy_date(m.group(1)).to_date()
    except (DateParseError, ValueError):
        return None

