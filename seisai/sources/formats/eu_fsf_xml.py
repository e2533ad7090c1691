"""EU Financial Sanctions Files (FSF), full list XML ("xmlFullSanctionsList_1_1").

Namespace ``http://eu.europa.ec/fpi/fsd/export``; the root ``export`` carries the
``generationDate`` (the publication date) and holds one ``sanctionEntity`` per designation:

- ``regulation`` elements, one per legal act that listed or amended the entry, each with
  its ``programme`` (RUS, UKR, BLR, IRQ...) and ``publicationDate``: the earliest act of a
  programme gives that designation's listing date and its ``numberTitle`` the notice;
- ``subjectType`` (``person`` or ``enterprise``);
- ``nameAlias`` elements, one per language and spelling (``nameLanguage``), the Cyrillic
  originals among them; ``strong="false"`` marks a weak alias. The EU names no primary
  name: the first strong alias in Latin script is taken as the primary name;
- ``citizenship``, ``birthdate`` (a full date, a year, a year range, ``circa``; several per
  person), ``identification`` and ``address`` elements; ``remark`` free text.

Entity ids use ``euReferenceNumber`` (``EU.27.28``): it is the reference the EU publishes
in its consolidated list and the Sanctions Map, that compliance officers cite, and that
other datasets key EU entries by (OpenSanctions' ``eu-fsf-eu-27-28``); it stays with the
designation across versions. ``logicalId`` is the database key of the same record, also
stable but never shown to users; it is kept as a property, and used as the id
(``logical-13``) only for an entry that has no reference number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml
from lxml import etree

from seisai.exc import ListFormatError
from seisai.geo.countries import country_code
from seisai.model import (
    Address,
    DateParseError,
    Entity,
    FuzzyDate,
    IdKind,
    NameKind,
    Sanction,
    Schema,
    parse_fuzzy_date,
)
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.identifiers import identifier
from seisai.sources.safe import local, parse_xml
from seisai.text.scripts import Script, script_of

NAMESPACE = b"http://eu.europa.ec/fpi/fsd/export"
AUTHORITY = "European Union"
DOCUMENT_FLAGS = {
    "diplomatic": "diplomatic",
    "knownExpired": "known expired",
    "knownFalse": "known false",
    "reportedLost": "reported lost",
    "revokedByIssuer": "revoked by issuer",
}


@cache
def _codes() -> dict[str, Any]:
    text = resources.files("seisai.data").joinpath("sources/eu_fsf_codes.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {
        "subjects": {k: Schema(v) for k, v in data["subject_types"].items()},
        "ids": {k: IdKind(v) for k, v in data["identification_types"].items()},
        "descriptions": [(re.compile(k, re.I), IdKind(v)) for k, v in data["descriptions"].items()],
    }


def _attr(el: etree._Element, name: str) -> str | None:
    """An attribute with its whitespace collapsed; ``None`` when absent or blank."""
    value = " ".join((el.get(name) or "").split())
    return value or None


def _country(el: etree._Element) -> str | None:
    """The element's country code; the EU writes an unknown country as "00" / "UNKNOWN"."""
    code = (_attr(el, "countryIso2Code") or "").lower()
    if code == "00":
        return None
    if len(code) == 2 and code.isalpha():
        return code
    description = _attr(el, "countryDescription")
    return country_code(description) if description and description.upper() != "UNKNOWN" else None


def _iso_date(file: SourceFile, el: etree._Element, name: str) -> date | None:
    text = _attr(el, name)
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ListFormatError(file.name, f"line {el.sourceline}", f"{name} {text!r} is not a date") from None


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    return list(el.iterfind(f"{{*}}{tag}"))


@register
class EUFinancialSanctionsXML(ListFormat):
    name = "eu_fsf_xml"
    title = "EU Financial Sanctions Files, full list XML"
    source = "eu_fsf"

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        return NAMESPACE in file.head and (b"sanctionEntity" in file.head or b"export" in file.head)

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        if len(files) != 1:
            raise ListFormatError(", ".join(f.name for f in files), None, "an EU FSF XML publication is one file")
        file = files[0]
        root = parse_xml(file.name, file.content)
        if local(root.tag) != "export":
            raise ListFormatError(file.name, f"line {root.sourceline}", f"expected export, found {local(root.tag)}")
        published = _iso_date(file, root, "generationDate")
        warnings: list[str] = []
        entities = [self._entity(file, el, warnings) for el in _children(root, "sanctionEntity")]
        return ParsedList(self.source, self.name, [file], entities, published, warnings)

    def _entity(self, file: SourceFile, el: etree._Element, warnings: list[str]) -> Entity:
        where = f"line {el.sourceline}"
        reference, logical = _attr(el, "euReferenceNumber"), _attr(el, "logicalId")
        if not reference and not logical:
            raise ListFormatError(file.name, where, "sanctionEntity without euReferenceNumber or logicalId")
        subject = el.find("{*}subjectType")
        code = _attr(subject, "code") if subject is not None else None
        schema = _codes()["subjects"].get((code or "").casefold())
        if schema is None:
            raise ListFormatError(file.name, where, f"unknown subjectType {code!r}")
        entity = Entity(self.source, reference or f"logical-{logical}", schema)
        self._names(el, entity)
        self._sanctions(file, el, entity, reference)
        for item in _children(el, "citizenship"):
            if (country := _country(item)) and country not in entity.nationalities:
                entity.nationalities.append(country)
        for item in _children(el, "birthdate"):
            self._birth(file, item, entity, warnings)
        for item in _children(el, "identification"):
            self._identification(item, entity)
        for item in _children(el, "address"):
            self._address(item, entity)
        entity.notes.extend(" ".join(r.text.split()) for r in _children(el, "remark") if r.text and r.text.strip())
        for prop, value in (("euLogicalId", logical), ("unId", _attr(el, "unitedNationId"))):
            if value:
                entity.properties[prop] = [value]
        entity.raw = {"xml": etree.tostring(el, encoding="unicode")}
        return entity

    def _names(self, el: etree._Element, entity: Entity) -> None:
        aliases = _children(el, "nameAlias")
        strong = [a for a in aliases if (_attr(a, "strong") or "true").casefold() != "false"]
        primary = next((a for a in strong if script_of(_whole_name(a) or "") is Script.LATIN), strong[0] if strong else None)
        for alias in aliases:
            value = _whole_name(alias)
            if not value:
                continue
            kind = NameKind.PRIMARY if alias is primary else NameKind.ALIAS if alias in strong else NameKind.WEAK_ALIAS
            given = " ".join(p for p in (_attr(alias, "firstName"), _attr(alias, "middleName")) if p) or None
            lang = (_attr(alias, "nameLanguage") or "").lower() or None
            entity.add_name(value, kind, lang=lang, family=_attr(alias, "lastName"), given=given)
            function = _attr(alias, "function")
            if function and function not in entity.positions:
                entity.positions.append(function)
            gender = (_attr(alias, "gender") or "").upper()
            if gender in ("M", "F") and entity.gender is None:
                entity.gender = "male" if gender == "M" else "female"
            title = _attr(alias, "title")
            if title and title not in entity.properties.get("title", []):
                entity.properties.setdefault("title", []).append(title)

    def _sanctions(self, file: SourceFile, el: etree._Element, entity: Entity, reference: str | None) -> None:
        acts: dict[str, list[tuple[date | None, str | None]]] = {}
        for reg in _children(el, "regulation"):
            published = _iso_date(file, reg, "publicationDate") or _iso_date(file, reg, "entryIntoForceDate")
            acts.setdefault(_attr(reg, "programme") or "EU", []).append((published, _attr(reg, "numberTitle")))
        if not acts:
            acts["EU"] = [(None, None)]
        for programme, listed in acts.items():
            dated = sorted((d, t) for d, t in listed if d is not None)
            first_date, notice = dated[0] if dated else (None, listed[0][1])
            entity.sanctions.append(
                Sanction(
                    programme=programme,
                    authority=AUTHORITY,
                    listed_on=first_date,
                    reference=reference,
                    notice=notice,
                    reason=_attr(el, "designationDetails"),
                )
            )

    def _birth(self, file: SourceFile, item: etree._Element, entity: Entity, warnings: list[str]) -> None:
        circa = (_attr(item, "circa") or "").casefold() == "true"
        try:
            found = _birth_date(item, circa)
        except (DateParseError, ValueError) as exc:
            warnings.append(f"{file.name}: line {item.sourceline}: unreadable birth date: {exc}")
            found = None
        if found is not None and found not in entity.birth_dates:
            entity.birth_dates.append(found)
        parts = [_attr(item, t) for t in ("place", "city", "region", "countryDescription")]
        place = ", ".join(dict.fromkeys(p for p in parts if p and p.upper() != "UNKNOWN"))
        if place and place not in entity.birth_places:
            entity.birth_places.append(place)
        country = _country(item)
        if country and country not in entity.properties.get("birthCountry", []):
            entity.properties.setdefault("birthCountry", []).append(country)

    def _identification(self, item: etree._Element, entity: Entity) -> None:
        number = _attr(item, "number") or _attr(item, "latinNumber")
        if not number:
            return
        code = (_attr(item, "identificationTypeCode") or "").casefold()
        description = _attr(item, "identificationTypeDescription")
        kind = _codes()["ids"].get(code, IdKind.OTHER)
        if kind is IdKind.OTHER and description:
            kind = next((k for pattern, k in _codes()["descriptions"] if pattern.search(description)), kind)
        flags = [text for f, text in DOCUMENT_FLAGS.items() if (_attr(item, f) or "").casefold() == "true"]
        issued = _attr(item, "issuedBy")
        note_parts = [description or code, *flags, f"issued by {issued}" if issued else None, _attr(item, "nameOnDocument")]
        ident = identifier(kind, number, _country(item), "; ".join(p for p in note_parts if p))
        if all((i.kind, i.value) != (ident.kind, ident.value) for i in entity.identifiers):
            entity.identifiers.append(ident)

    def _address(self, item: etree._Element, entity: Entity) -> None:
        street, city, region = _attr(item, "street"), _attr(item, "city"), _attr(item, "region")
        postal, place, po_box = _attr(item, "zipCode"), _attr(item, "place"), _attr(item, "poBox")
        country_text = _attr(item, "countryDescription")
        parts = [street, f"PO Box {po_box}" if po_box else None, place, city, region, postal, country_text]
        full = ", ".join(p for p in parts if p and p.upper() != "UNKNOWN")
        if not full:
            return
        code = _country(item)
        address = Address(full, code, city, region, postal, street)
        if address not in entity.addresses:
            entity.addresses.append(address)
        if code and code not in entity.countries:
            entity.countries.append(code)


def _whole_name(alias: etree._Element) -> str | None:
    whole = _attr(alias, "wholeName")
    if whole:
        return whole
    parts = [_attr(alias, t) for t in ("firstName", "middleName", "lastName")]
    return " ".join(p for p in parts if p) or None


def _birth_date(item: etree._Element, circa: bool) -> FuzzyDate | None:
    """A ``birthdate`` element's date: a full date, a year range, or year/month/day parts."""
    start, end = _attr(item, "yearRangeFrom"), _attr(item, "yearRangeTo")
    full = _attr(item, "birthdate")
    if start and end:
        found = FuzzyDate(int(start), circa=circa, until_year=int(end))
    elif full:
        found = parse_fuzzy_date(full)
    elif year := _attr(item, "year"):
        month, day = _attr(item, "monthOfYear"), _attr(item, "dayOfMonth")
        found = FuzzyDate(int(year), int(month) if month else None, int(day) if day and month else None)
    else:
        return None
    if circa and not found.circa:
        found = FuzzyDate(found.year, found.month, found.day, True, found.until_year)
    return found
