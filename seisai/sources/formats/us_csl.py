"""US Consolidated Screening List (trade.gov), CSV, usually gzipped.

One row per entry per sub-list, with the columns ``_id, source, entity_number, type,
programs, name, title, addresses, federal_register_notice, start_date, end_date,
standard_order, license_requirement, license_policy, call_sign, vessel_type, gross_tonnage,
gross_registered_tonnage, vessel_flag, vessel_owner, remarks, source_list_url, alt_names,
citizenships, dates_of_birth, nationalities, places_of_birth, source_information_url, ids``.
Multi-valued cells are "; "-separated.

``source`` names the sub-list and its agency ("Entity List (EL) - Bureau of Industry and
Security"); each becomes a :class:`~seisai.model.Sanction` with the sub-list as programme and
the agency as authority. OFAC's programme codes (``programs``: "RUSSIA-EO14024") are kept as
the ``programId`` property.

Ids: Treasury entries (SDN, SSI, CAP, NS-MBS, FSE, PLC, CMIC) have ``_id`` = OFAC's
``entity_number``, stable for good; a Treasury entity on several sub-lists has one row per
sub-list with the same ``_id``, and these rows make one entity. The other sub-lists (BIS,
State) carry only ``_id``, a SHA-1 the publisher computes over the entry's content (for the
Denied Persons and Unverified lists, over name and Federal Register notice): it stays the
same while the entry is unchanged and changes when the publisher amends it. The file offers
nothing steadier, and names alone are not unique (the Denied Persons List repeats names
under different orders).

The file carries no date of its own, so ``published`` is ``None``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from seisai.exc import ListFormatError
from seisai.geo.countries import is_country_code
from seisai.geo.nationalities import nationality_code
from seisai.model import (
    DateParseError,
    Entity,
    Identifier,
    IdKind,
    NameKind,
    Sanction,
    Schema,
    parse_fuzzy_date,
)
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.building import add_name, add_unique
from seisai.sources.formats._csl_fields import (
    apply_ids,
    lines_before_truncation,
    parse_address,
    person_name,
)
from seisai.sources.ofac_remarks import apply_remarks
from seisai.sources.safe import decode_utf8
from seisai.sources.tabular import Record, csv_table

SOURCE = "us_trade_csl"
REQUIRED = ("_id", "source", "entity_number", "name", "alt_names", "ids")
SCHEMAS = {
    "individual": Schema.PERSON,
    "entity": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRPLANE,
}
VESSEL_PROPERTIES = {
    "vessel_type": "type",
    "gross_tonnage": "tonnage",
    "gross_registered_tonnage": "grossRegisteredTonnage",
}


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


@register
class ConsolidatedScreeningList(ListFormat):
    name = "us_csl_csv"
    title = "US Consolidated Screening List (trade.gov), CSV"
    source = SOURCE

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        first = file.head[:4096].decode("utf-8", "replace").lstrip("\ufeff").split("\n", 1)[0]
        columns = {c.strip().strip('"') for c in first.split(",")}
        return {"_id", "source", "entity_number", "alt_names", "source_list_url"} <= columns

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        file = files[0]
        try:
            content = file.content
        except ListFormatError as exc:
            if file.data[:2] != b"\x1f\x8b":
                raise
            line = lines_before_truncation(file.data) + 1
            raise ListFormatError(file.name, f"line {line}", f"compressed data is damaged or cut short ({exc.problem})") from None
        _, table = csv_table(file, REQUIRED, "Consolidated Screening List", decode_utf8(file.name, content))
        groups: dict[str, list[Record]] = {}
        for record in table.records():
            key = record.get("_id") or record.get("entity_number")
            if not key:
                raise ListFormatError(file.name, record.where, "row without an _id")
            if not record.get("name"):
                raise ListFormatError(file.name, record.where, "row without a name")
            groups.setdefault(key, []).append(record)
        warnings: list[str] = []
        entities = [self._entity(file.name, key, rows, warnings) for key, rows in groups.items()]
        return ParsedList(SOURCE, self.name, list(files), entities, None, warnings)

    def _entity(self, name: str, key: str, records: list[Record], warnings: list[str]) -> Entity:
        kinds = [r.get("type").casefold() for r in records if r.get("type")]
        schema = SCHEMAS.get(kinds[0], Schema.LEGAL_ENTITY) if kinds else Schema.LEGAL_ENTITY
        entity = Entity(SOURCE, key, schema)
        for record in records:
            self._names(entity, record)
            self._facts(entity, record, f"{name}: {record.where}", warnings)
            entity.sanctions.append(self._sanction(name, record))
        entity.raw = {"rows": [r.nonblank() for r in records]}
        return entity

    def _names(self, entity: Entity, record: Record) -> None:
        for text, kind in [(record.get("name"), NameKind.PRIMARY)] + [
            (alias.removeprefix("and ").strip(), NameKind.ALIAS) for alias in _split(record.get("alt_names"))
        ]:
            if entity.schema is Schema.PERSON:
                value, family, given = person_name(text)
                add_name(entity, value, kind, family=family, given=given)
            else:
                add_name(entity, text, kind)

    def _facts(self, entity: Entity, record: Record, where: str, warnings: list[str]) -> None:
        for text in _split(record.get("addresses")):
            address = parse_address(text)
            add_unique(entity.addresses, address)
            add_unique(entity.countries, address.country)
        for column in ("citizenships", "nationalities"):
            for code in _split(record.get(column)):
                if is_country_code(code.lower()):
                    add_unique(entity.nationalities, code.lower())
                else:
                    add_unique(entity.properties.setdefault("nationalityText", []), code)
        for text in _split(record.get("dates_of_birth")):
            try:
                add_unique(entity.birth_dates, parse_fuzzy_date(text))
            except DateParseError as exc:
                warnings.append(f"{where}: date of birth not read: {exc}")
                add_unique(entity.properties.setdefault("birthDateText", []), text)
        for place in _split(record.get("places_of_birth")):
            add_unique(entity.birth_places, place)
        for position in _split(record.get("title")):
            add_unique(entity.positions, position)
        for program in _split(record.get("programs")):
            add_unique(entity.properties.setdefault("programId", []), program)
        self._ids(entity, record, where, warnings)
        self._vessel(entity, record)
        apply_remarks(entity, record.get("remarks"), lambda message: warnings.append(f"{where}: {message}"))
        for note in (_labelled("License requirement", record.get("license_requirement")),
                     _labelled("License policy", record.get("license_policy"))):
            add_unique(entity.notes, note)
        for column, prop in (("end_date", "endDate"), ("source_list_url", "sourceUrl"), ("source_information_url", "sourceUrl")):
            add_unique(entity.properties.setdefault(prop, []), record.get(column))
        entity.properties = {k: v for k, v in entity.properties.items() if v}

    def _ids(self, entity: Entity, record: Record, where: str, warnings: list[str]) -> None:
        apply_ids(entity, record.get("ids"), lambda message: warnings.append(f"{where}: {message}"))

    def _vessel(self, entity: Entity, record: Record) -> None:
        call_sign = record.get("call_sign")
        if call_sign:
            add_unique(entity.identifiers, Identifier(IdKind.CALL_SIGN, call_sign))
        for column, prop in VESSEL_PROPERTIES.items():
            add_unique(entity.properties.setdefault(prop, []), record.get(column))
        flag = record.get("vessel_flag")
        if flag:
            add_unique(entity.properties.setdefault("flag", []), nationality_code(flag) or flag)
        add_unique(entity.notes, _labelled("Vessel owner", record.get("vessel_owner")))

    def _sanction(self, name: str, record: Record) -> Sanction:
        sub_list, _, agency = record.get("source").rpartition(" - ")
        start = record.get("start_date")
        try:
            listed_on = date.fromisoformat(start) if start else None
        except ValueError:
            raise ListFormatError(name, record.where, f"bad start_date {start!r}") from None
        return Sanction(
            programme=sub_list or record.get("source"),
            authority=agency if sub_list else None,
            listed_on=listed_on,
            reference=record.get("entity_number") or None,
            notice=record.get("federal_register_notice") or None,
        )


def _labelled(label: str, value: str) -> str | None:
    return f"{label}: {value}" if value else None
