"""UN Security Council consolidated list, XML (``CONSOLIDATED_LIST``).

One ``INDIVIDUAL`` or ``ENTITY`` element per designation, keyed by ``DATAID``. Names are
split over ``FIRST_NAME`` .. ``FOURTH_NAME``; ``NAME_ORIGINAL_SCRIPT`` holds the name in the
subject's script (Arabic, Cyrillic, Korean...). Alias quality ``Good`` and ``a.k.a.`` are
strong aliases, ``Low`` weak ones, ``f.k.a.`` former names. Dates of birth are ``EXACT``
(a ``DATE`` or a ``YEAR``), ``APPROXIMATELY`` or ``BETWEEN`` (``FROM_YEAR``/``TO_YEAR``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from lxml import etree

from seisai.exc import ListFormatError
from seisai.geo.countries import country_code
from seisai.model import (
    Address,
    DateParseError,
    Entity,
    FuzzyDate,
    Identifier,
    IdKind,
    NameKind,
    Sanction,
    Schema,
    parse_fuzzy_date,
)
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.safe import parse_xml

ALIAS_KINDS = {
    "good": NameKind.ALIAS,
    "a.k.a.": NameKind.ALIAS,
    "low": NameKind.WEAK_ALIAS,
    "f.k.a.": NameKind.FORMER,
}
DOCUMENT_KINDS = {
    "passport": IdKind.PASSPORT,
    "national identification number": IdKind.NATIONAL_ID,
    "identification number": IdKind.NATIONAL_ID,
    "tax identification number": IdKind.TAX_ID,
}


def _text(el: etree._Element | None, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(tag)
    if child is None or child.text is None:
        return None
    value = " ".join(child.text.split())
    return value or None


def _values(el: etree._Element, tag: str) -> list[str]:
    return [" ".join(v.text.split()) for v in el.findall(f"{tag}/VALUE") if v.text and v.text.strip()]


@register
class UNSecurityCouncil(ListFormat):
    name = "un_sc_xml"
    title = "UN Security Council consolidated list (XML)"
    source = "un_sc"

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        return b"<CONSOLIDATED_LIST" in file.head

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        file = files[0]
        root = parse_xml(file.name, file.content)
        if root.tag != "CONSOLIDATED_LIST":
            raise ListFormatError(file.name, f"line {root.sourceline}", f"expected CONSOLIDATED_LIST, found {root.tag}")
        generated = root.get("dateGenerated")
        published = date.fromisoformat(generated[:10]) if generated else None
        entities: list[Entity] = []
        for el in root.iterfind("INDIVIDUALS/INDIVIDUAL"):
            entities.append(self._entity(file, el, Schema.PERSON))
        for el in root.iterfind("ENTITIES/ENTITY"):
            entities.append(self._entity(file, el, Schema.ORGANIZATION))
        return ParsedList(self.source, self.name, list(files), entities, published)

    def _entity(self, file: SourceFile, el: etree._Element, schema: Schema) -> Entity:
        dataid = _text(el, "DATAID")
        if dataid is None:
            raise ListFormatError(file.name, f"line {el.sourceline}", f"{el.tag} without DATAID")
        entity = Entity(self.source, dataid, schema)
        parts = [_text(el, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
        entity.add_name(" ".join(p for p in parts if p), NameKind.PRIMARY)
        entity.add_name(_text(el, "NAME_ORIGINAL_SCRIPT"), NameKind.ORIGINAL_SCRIPT)
        prefix = "INDIVIDUAL" if schema is Schema.PERSON else "ENTITY"
        for alias in el.iterfind(f"{prefix}_ALIAS"):
            quality = (_text(alias, "QUALITY") or "a.k.a.").casefold()
            for value in (_text(alias, "ALIAS_NAME") or "").split(";"):
                entity.add_name(value, ALIAS_KINDS.get(quality, NameKind.ALIAS))
        entity.gender = (_text(el, "GENDER") or "").lower() or None
        entity.positions = _values(el, "DESIGNATION") + _values(el, "TITLE")
        for nationality in _values(el, "NATIONALITY"):
            code = country_code(nationality)
            if code:
                entity.nationalities.append(code)
            else:
                entity.properties.setdefault("nationalityText", []).append(nationality)
        self._births(file, el, entity)
        self._addresses(el, prefix, entity)
        self._documents(el, entity)
        listed = _text(el, "LISTED_ON")
        entity.sanctions.append(
            Sanction(
                programme=_text(el, "UN_LIST_TYPE") or "UN",
                authority="UN Security Council",
                listed_on=date.fromisoformat(listed[:10]) if listed else None,
                reference=_text(el, "REFERENCE_NUMBER"),
            )
        )
        comments = _text(el, "COMMENTS1")
        if comments:
            entity.notes.append(comments)
        entity.raw = {"xml": etree.tostring(el, encoding="unicode")}
        return entity

    def _births(self, file: SourceFile, el: etree._Element, entity: Entity) -> None:
        for dob in el.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
            kind = (_text(dob, "TYPE_OF_DATE") or "EXACT").upper()
            value, year = _text(dob, "DATE"), _text(dob, "YEAR")
            start, end = _text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")
            try:
                if start and end:
                    found = FuzzyDate(int(start), until_year=int(end))
                elif value or year:
                    found = parse_fuzzy_date(value or year or "")
                else:
                    continue
            except (DateParseError, ValueError) as exc:
                raise ListFormatError(file.name, f"line {dob.sourceline}", f"bad date of birth: {exc}") from None
            if kind == "APPROXIMATELY":
                found = FuzzyDate(found.year, found.month, found.day, True, found.until_year)
            entity.birth_dates.append(found)
        for place in el.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
            parts = [_text(place, t) for t in ("CITY", "STATE_PROVINCE", "COUNTRY")]
            text = ", ".join(p for p in parts if p)
            if text:
                entity.birth_places.append(text)

    def _addresses(self, el: etree._Element, prefix: str, entity: Entity) -> None:
        for addr in el.iterfind(f"{prefix}_ADDRESS"):
            parts = {t: _text(addr, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")}
            full = ", ".join(v for v in parts.values() if v)
            if not full:
                continue
            code = country_code(parts["COUNTRY"])
            entity.addresses.append(
                Address(full, code, parts["CITY"], parts["STATE_PROVINCE"], parts["ZIP_CODE"], parts["STREET"])
            )
            if code and code not in entity.countries:
                entity.countries.append(code)

    def _documents(self, el: etree._Element, entity: Entity) -> None:
        for doc in el.iterfind("INDIVIDUAL_DOCUMENT"):
            number = _text(doc, "NUMBER")
            if not number:
                continue
            kind_text = _text(doc, "TYPE_OF_DOCUMENT") or ""
            kind = DOCUMENT_KINDS.get(kind_text.casefold(), IdKind.OTHER)
            country = country_code(_text(doc, "ISSUING_COUNTRY") or _text(doc, "COUNTRY_OF_ISSUE"))
            note = "; ".join(p for p in (kind_text, _text(doc, "TYPE_OF_DOCUMENT2"), _text(doc, "NOTE")) if p)
            entity.identifiers.append(Identifier(kind, re.sub(r"\s+", " ", number), country, note or None))
