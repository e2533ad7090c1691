"""FollowTheMoney entities to seisai entities: the property mapping of ``ftm_properties.yml``.

:func:`thing_entity` turns one FtM "thing" (Person, Company, Vessel...) into an
:class:`~seisai.model.Entity`: names by kind, identifiers by kind, dates and places of birth,
nationalities, countries, addresses, positions and notes; every other property is kept in
``properties`` under its FtM name. The parts FtM puts in entities of their own (Sanction,
Address, Passport, Ownership...) are attached by :mod:`seisai.sources.formats.ftm_json`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from seisai.geo.countries import country_code, is_country_code
from seisai.model import Address, DateParseError, Entity, IdKind, NameKind, Schema, parse_fuzzy_date
from seisai.sources.identifiers import identifier

Warn = Callable[[str], None]
AddressOf = Callable[[str], Address | None]

# Properties read by code below, so not copied to ``properties``.
_READ = frozenset(
    {"birthDate", "birthPlace", "country", "jurisdiction", "nationality", "citizenship", "address",
     "addressEntity", "gender", "position", "notes"}
)  # fmt: skip
_NAME_PARTS = ("firstName", "secondName", "middleName", "fatherName", "lastName")


@dataclass(frozen=True, slots=True)
class Relation:
    """A relationship schema: which properties point at its two sides, and what each side gets."""

    source: str
    target: str
    source_gets: str
    target_gets: str


@dataclass(frozen=True, slots=True)
class FtmTable:
    """The mapping tables from ``seisai/data/sources/ftm_properties.yml``."""

    schemas: dict[str, Schema]
    names: dict[str, NameKind]
    identifiers: dict[str, IdKind]
    relations: dict[str, Relation]


@cache
def ftm_table() -> FtmTable:
    """The mapping tables (read once)."""
    text = resources.files("seisai.data").joinpath("sources/ftm_properties.yml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return FtmTable(
        schemas={k: Schema(v) for k, v in data["schemas"].items()},
        names={k: NameKind(v) for k, v in data["names"].items()},
        identifiers={k: IdKind(v) for k, v in data["identifiers"].items()},
        relations={
            k: Relation(v["from"], v["to"], v["from_gets"], v["to_gets"]) for k, v in data["relations"].items()
        },
    )


def values(obj: dict[str, Any], prop: str) -> list[str]:
    """The string values of one property of an FtM entity dict (FtM keeps every value in a list)."""
    raw = obj.get("properties", {}).get(prop, [])
    items = raw if isinstance(raw, list) else [raw]
    return [" ".join(str(v).split()) for v in items if v is not None and str(v).strip()]


def first_date(texts: list[str]) -> date | None:
    """The earliest of some ISO dates (``2022-06-03``; a year or month alone counts from its start)."""
    found: list[date] = []
    for text in texts:
        try:
            fuzzy = parse_fuzzy_date(text)
        except DateParseError:
            continue
        found.append(date(fuzzy.year, fuzzy.month or 1, fuzzy.day or 1))
    return min(found) if found else None


def _code(value: str) -> str | None:
    code = value.casefold()
    return code if is_country_code(code) else country_code(value)


def thing_entity(source: str, obj: dict[str, Any], address_of: AddressOf, warn: Warn) -> Entity:
    """The entity for an FtM thing (see the module docstring); ``obj`` must have a known schema."""
    table = ftm_table()
    entity = Entity(source, str(obj["id"]), table.schemas[obj["schema"]])
    _names(entity, obj)
    places = {c for p in ("country", "jurisdiction", "nationality") for v in values(obj, p) if (c := _code(v))}
    country = places.pop() if len(places) == 1 else None  # the issuing country, when there is no doubt
    for prop, kind in table.identifiers.items():
        if kind is IdKind.REGISTRATION and entity.schema is Schema.AIRPLANE:
            kind = IdKind.AIRCRAFT_REG
        for value in values(obj, prop):
            ident = identifier(kind, value, country, prop)
            if all((i.kind, i.value) != (ident.kind, ident.value) for i in entity.identifiers):
                entity.identifiers.append(ident)
    for text in values(obj, "birthDate"):
        try:
            found = parse_fuzzy_date(text)
        except DateParseError:
            warn(f"{obj['id']}: unreadable birthDate {text!r}")
            entity.properties.setdefault("birthDateText", []).append(text)
            continue
        if found not in entity.birth_dates:
            entity.birth_dates.append(found)
    _places(entity, obj, address_of)
    entity.gender = next(iter(values(obj, "gender")), None)
    entity.positions = values(obj, "position")
    entity.notes = values(obj, "notes")
    for prop in obj.get("properties", {}):
        if prop in _READ or prop in table.names or prop in table.identifiers:
            continue
        kept = values(obj, prop)
        if kept:
            entity.properties[prop] = kept
    for key in ("datasets", "referents", "first_seen", "last_seen", "last_change"):
        meta = obj.get(key)
        if meta:
            entity.properties[key] = [str(v) for v in (meta if isinstance(meta, list) else [meta])]
    return entity


def _names(entity: Entity, obj: dict[str, Any]) -> None:
    caption = " ".join(str(obj.get("caption") or "").split())
    names = ftm_table().names
    primary = values(obj, "name")
    if caption in primary:  # the caption first, so that it is the name shown
        primary = [caption, *[n for n in primary if n != caption]]
    if not primary:
        parts = [next(iter(values(obj, p)), "") for p in _NAME_PARTS]
        primary = [" ".join(p for p in parts if p)] if any(parts) else []
    for value in primary:
        entity.add_name(value, NameKind.PRIMARY)
    for prop, kind in names.items():
        if prop != "name":
            for value in values(obj, prop):
                entity.add_name(value, kind)


def _places(entity: Entity, obj: dict[str, Any], address_of: AddressOf) -> None:
    entity.birth_places = values(obj, "birthPlace")
    for prop, target in (("nationality", entity.nationalities), ("citizenship", entity.nationalities),
                         ("country", entity.countries), ("jurisdiction", entity.countries)):  # fmt: skip
        for value in values(obj, prop):
            code = _code(value)
            if code is None:
                entity.properties.setdefault(f"{prop}Text", []).append(value)
            elif code not in target:
                target.append(code)
    if values(obj, "citizenship"):
        entity.properties["citizenship"] = [c for v in values(obj, "citizenship") if (c := _code(v))]
    for full in values(obj, "address"):
        add_address(entity, Address(full))
    for ref in values(obj, "addressEntity"):
        found = address_of(ref)
        if found is not None:
            add_address(entity, found)
        else:
            entity.properties.setdefault("addressEntity", []).append(ref)


def add_address(entity: Entity, address: Address) -> None:
    """Add an address unless one with the same full text is there; its country joins ``countries``."""
    if all(a.full != address.full for a in entity.addresses):
        entity.addresses.append(address)
    if address.country and address.country not in entity.countries:
        entity.countries.append(address.country)


def address_entity(obj: dict[str, Any]) -> Address | None:
    """An :class:`Address` from an FtM Address entity (``full``, or its parts joined)."""
    part = {p: next(iter(values(obj, p)), None) for p in ("street", "city", "region", "postalCode", "country")}
    full = next(iter(values(obj, "full")), None) or ", ".join(v for v in part.values() if v)
    if not full:
        return None
    country = _code(part["country"]) if part["country"] else None
    return Address(full, country, part["city"], part["region"], part["postalCode"], part["street"])
