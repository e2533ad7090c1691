"""UK HM Treasury OFSI consolidated list, ConList layout, as xlsx or CSV.

The first row reads "Last Updated" and the list's date; the second is the header (Name 6,
Name 1..5, Title, Name Non-Latin Script, DOB, ..., Group Type, Alias Type, Alias Quality,
Regime, Listed On, UK Sanctions List Date Designated, Last Updated, Group ID). Each row is
one name variant of one designation; the rows of a designation share its Group ID, which is
the entity's id. A designation under several regimes repeats its rows per regime, and one
with several dates of birth repeats them per date.

Name 6 is the surname (or an organisation's or ship's whole name), Name 1-5 the other parts.
Alias Type "Primary name" is the listed name; "Primary name variation" and "AKA" (Alias
Quality "Good quality") are aliases, "AKA" with "Low quality" a weak alias, "FKA" a former
name. "Name Non-Latin Script" is the name in its own script, with its language.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable, Sequence
from datetime import date

from seisai.exc import ListFormatError
from seisai.geo.nationalities import nationality_code, nationality_codes
from seisai.model import Address, Entity, Identifier, IdKind, NameKind, Sanction, Schema
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.building import add_identifier, add_name, add_unique
from seisai.sources.formats._ofsi_fields import (
    OtherInformation,
    parse_other_information,
    parse_uk_date,
    parse_uk_day,
)
from seisai.sources.identifiers import national_kind
from seisai.sources.tabular import (
    Record,
    Table,
    csv_table,
    header_index,
    sheet_table,
    split_numbered,
    workbook_head,
)
from seisai.text.languages import language_code
from seisai.text.scripts import Script, script_of

SOURCE = "gb_hmt_ofsi"
AUTHORITY = "HM Treasury, Office of Financial Sanctions Implementation"
REQUIRED = ("Name 6", "Group ID", "Group Type", "Alias Type", "Regime")
NAME_PARTS = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5")
SCHEMAS = {"individual": Schema.PERSON, "entity": Schema.ORGANIZATION, "ship": Schema.VESSEL}
ALIAS_KINDS = {
    "primary name": NameKind.PRIMARY,
    "primary name variation": NameKind.ALIAS,
    "aka": NameKind.ALIAS,
    "fka": NameKind.FORMER,
}
ADDRESS_PARTS = ("Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6")


def _distinct(records: Iterable[Record], column: str) -> list[str]:
    return list(dict.fromkeys(r.get(column) for r in records if r.get(column)))


class _ConList(ListFormat):
    """Parsing shared by the xlsx and CSV renderings of ConList."""

    source = SOURCE

    @abstractmethod
    def _read(self, file: SourceFile) -> tuple[list[list[str]], Table]:
        """The rows above the header, and the table."""

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        file = files[0]
        above, table = self._read(file)
        groups: dict[str, list[Record]] = {}
        for record in table.records():
            gid = record.get("Group ID")
            if not gid:
                raise ListFormatError(file.name, record.where, "row without a Group ID")
            groups.setdefault(gid, []).append(record)
        warnings: list[str] = []
        entities = [_Builder(file.name, gid, rows, warnings).build() for gid, rows in groups.items()]
        return ParsedList(SOURCE, self.name, list(files), entities, _published(file.name, above), warnings)


def _published(name: str, above: list[list[str]]) -> date | None:
    for row in above:
        if row and row[0].casefold() == "last updated" and len(row) > 1 and row[1]:
            try:
                return parse_uk_day(row[1])
            except ValueError as exc:
                raise ListFormatError(name, "row 1", f"bad 'Last Updated' date: {exc}") from None
    return None


@register
class OFSIConListXlsx(_ConList):
    name = "uk_ofsi_xlsx"
    title = "UK OFSI consolidated list, ConList layout (xlsx)"

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        return any(header_index(rows, REQUIRED) is not None for rows in workbook_head(file).values())

    def _read(self, file: SourceFile) -> tuple[list[list[str]], Table]:
        return sheet_table(file, REQUIRED, "ConList")


@register
class OFSIConListCsv(_ConList):
    name = "uk_ofsi_csv"
    title = "UK OFSI consolidated list, ConList layout (CSV)"

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        head = file.head[:8192].decode("utf-8", "replace").lstrip("\ufeff")
        lines = [line.split(",") for line in head.splitlines()[:4]]
        return header_index([[c.strip('" ') for c in line] for line in lines], REQUIRED) is not None

    def _read(self, file: SourceFile) -> tuple[list[list[str]], Table]:
        return csv_table(file, REQUIRED, "ConList")


class _Builder:
    """Builds one entity from the rows of one Group ID."""

    def __init__(self, file: str, gid: str, records: list[Record], warnings: list[str]) -> None:
        self.file, self.records, self.warnings = file, records, warnings
        kind = records[0].get("Group Type")
        schema = SCHEMAS.get(kind.casefold())
        if schema is None:
            warnings.append(f"{file}: {records[0].where}: unknown Group Type {kind!r}, read as a legal entity")
            schema = Schema.LEGAL_ENTITY
        self.entity = Entity(SOURCE, gid, schema)

    def build(self) -> Entity:
        entity = self.entity
        for record in self.records:
            self._names(record)
        info = parse_other_information(" ".join(_distinct(self.records, "Other Information")))
        for value, lang in info.original_names:
            add_name(entity, value, NameKind.ORIGINAL_SCRIPT, lang=language_code(lang))
        self._person()
        self._documents()
        self._addresses()
        self._other(info)
        self._sanctions(info)
        entity.raw = {"rows": [r.nonblank() for r in self.records]}
        return entity

    def _names(self, record: Record) -> None:
        family = record.get("Name 6")
        given = " ".join(p for p in (record.get(c) for c in NAME_PARTS) if p)
        alias_type = record.get("Alias Type")
        kind = ALIAS_KINDS.get(alias_type.casefold())
        if kind is None:
            self.warnings.append(f"{self.file}: {record.where}: unknown Alias Type {alias_type!r}, read as an alias")
            kind = NameKind.ALIAS
        if kind is NameKind.ALIAS and record.get("Alias Quality").casefold().startswith("low"):
            kind = NameKind.WEAK_ALIAS
        split = self.entity.schema is Schema.PERSON and bool(family and given)
        add_name(
            self.entity,
            " ".join(p for p in (given, family) if p),
            kind,
            family=family if split else None,
            given=given if split else None,
        )
        original = record.get("Name Non-Latin Script")
        if original:
            # The column sometimes holds the Latin spelling with diacritics: an alias then.
            latin = script_of(original) in (Script.LATIN, Script.NONE)
            lang = language_code(record.get("Non-Latin Script Language"))
            add_name(self.entity, original, NameKind.ALIAS if latin else NameKind.ORIGINAL_SCRIPT, lang=lang)

    def _person(self) -> None:
        entity, records = self.entity, self.records
        for text in _distinct(records, "DOB"):
            try:
                found = parse_uk_date(text)
            except ValueError as exc:
                self.warnings.append(f"{self.file}: group {entity.source_id}: DOB {text!r} not read: {exc}")
                entity.properties.setdefault("birthDateText", []).append(text)
                continue
            if found not in entity.birth_dates:
                entity.birth_dates.append(found)
        for record in records:
            for place in _birth_places(record.get("Town of Birth"), record.get("Country of Birth")):
                if place not in entity.birth_places:
                    entity.birth_places.append(place)
        for text in _distinct(records, "Country of Birth"):
            for item in split_numbered(text):
                self._countries(item, "birthCountry", "birthCountryText")
        for text in _distinct(records, "Nationality"):
            for item in split_numbered(text):
                self._countries(item, "nationality", "nationalityText")
        for text in _distinct(records, "Title"):
            for title in split_numbered(text):
                add_unique(entity.properties.setdefault("title", []), title)
        for text in _distinct(records, "Position"):
            for position in split_numbered(text):
                add_unique(entity.positions, position)

    def _countries(self, text: str, prop: str, text_prop: str) -> None:
        codes, unknown = nationality_codes(text)
        target = self.entity.nationalities if prop == "nationality" else self.entity.properties.setdefault(prop, [])
        for code in codes:
            add_unique(target, code)
        if unknown:
            add_unique(self.entity.properties.setdefault(text_prop, []), text)

    def _documents(self) -> None:
        pairs = (
            ("Passport Number", "Passport Details", IdKind.PASSPORT),
            ("National Identification Number", "National Identification Details", IdKind.NATIONAL_ID),
        )
        for number_col, details_col, kind in pairs:
            cells = dict.fromkeys((r.get(number_col), r.get(details_col)) for r in self.records)
            for numbers, details in cells:
                for ident in _identifiers(numbers, details, kind):
                    add_identifier(self.entity, ident)

    def _addresses(self) -> None:
        for record in self.records:
            parts = [record.get(c) for c in ADDRESS_PARTS]
            postal, country_text = record.get("Post/Zip Code"), record.get("Country")
            full = ", ".join(" ".join(p.split()) for p in (*parts, postal, country_text) if p)
            if not full:
                continue
            codes, _ = nationality_codes(country_text)
            address = Address(full, codes[0] if codes else None, postal_code=postal or None)
            if address not in self.entity.addresses:
                self.entity.addresses.append(address)
            for code in codes:
                add_unique(self.entity.countries, code)

    def _other(self, info: OtherInformation) -> None:
        entity = self.entity
        entity.gender = info.gender
        home = entity.countries[0] if len(entity.countries) == 1 else None
        for ident in info.identifiers:
            if ident.kind in (IdKind.REGISTRATION, IdKind.TAX_ID):
                kind = national_kind(ident.kind, ident.value, ident.country or home)
                ident = Identifier(kind, ident.value, ident.country, ident.note)
            add_identifier(entity, ident)
        for key, values in info.properties.items():
            for value in values:
                if key in ("flag", "pastFlags"):
                    value = nationality_code(value) or value
                add_unique(entity.properties.setdefault(key, []), value)
        for note in info.notes:
            add_unique(entity.notes, note)
        if info.un_ref:
            entity.properties["unscId"] = [info.un_ref]
        for text in _distinct(self.records, "Last Updated"):
            day = self._day(text, "Last Updated")
            if day:
                add_unique(entity.properties.setdefault("modifiedAt", []), day.isoformat())

    def _sanctions(self, info: OtherInformation) -> None:
        seen: set[tuple[str, str]] = set()
        for record in self.records:
            regime, listed = record.get("Regime"), record.get("Listed On")
            if (regime, listed) in seen:
                continue
            seen.add((regime, listed))
            designated = self._day(record.get("UK Sanctions List Date Designated"), "UK Sanctions List Date Designated")
            if designated:
                add_unique(self.entity.properties.setdefault("ukDesignationDate", []), designated.isoformat())
            self.entity.sanctions.append(
                Sanction(
                    programme=regime,
                    authority=AUTHORITY,
                    listed_on=self._day(listed, "Listed On"),
                    reference=info.uk_ref,
                    reason=info.reason,
                )
            )

    def _day(self, text: str, column: str) -> date | None:
        try:
            return parse_uk_day(text)
        except ValueError as exc:
            raise ListFormatError(self.file, self.records[0].where, f"bad {column!r} date: {exc}") from None


def _birth_places(towns: str, countries: str) -> list[str]:
    town_items, country_items = split_numbered(towns), split_numbered(countries)
    if len(town_items) == len(country_items):
        return [f"{t}, {c}" for t, c in zip(town_items, country_items, strict=True)]
    if len(country_items) == 1 and town_items:
        return [f"{t}, {country_items[0]}" for t in town_items]
    return town_items + [c for c in country_items if c not in town_items]


def _identifiers(numbers: str, details: str, kind: IdKind) -> list[Identifier]:
    number_items, detail_items = split_numbered(numbers), split_numbered(details)
    result = []
    for i, number in enumerate(number_items):
        note: str | None = " ".join(details.split()) or None
        if len(detail_items) == len(number_items):
            note = detail_items[i]
        result.append(Identifier(_document_kind(kind, note), number, _document_country(note), note))
    return result


def _document_kind(kind: IdKind, note: str | None) -> IdKind:
    text = (note or "").casefold()
    if kind is IdKind.NATIONAL_ID and ("tax" in text or "fiscal" in text):
        return IdKind.INN if "inn" in text.split() else IdKind.TAX_ID
    return kind


def _document_country(note: str | None) -> str | None:
    """The issuing country when the details start with it ("Germany number, issued on ...")."""
    words = (note or "").replace(",", " ").replace(".", " ").split()
    for size in range(min(len(words), 5), 0, -1):
        code = nationality_code(" ".join(words[:size]))
        if code:
            return code
    return None
