"""What OFAC's CSV and XML parsers share: sources, schemas, names, programmes, vessels, addresses.

OFAC publishes two lists in the same shapes: the SDN list (``us_ofac_sdn``) and the
consolidated non-SDN list (``us_ofac_cons``: SSI, NS-PLC, NS-CMIC, MBS and others). Both key
an entry by its ``ent_num`` (the XML ``uid``), which stays with the party across versions and
across the CSV and XML renderings, so entity ids are ``us_ofac_sdn-<ent_num>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from seisai.geo.countries import country_code
from seisai.geo.nationalities import nationality_code
from seisai.model import Address, Entity, IdKind, NameKind, Sanction, Schema
from seisai.sources.identifiers import identifier

SOURCE_SDN = "us_ofac_sdn"
SOURCE_CONS = "us_ofac_cons"
AUTHORITY = "US Treasury OFAC"

SDN_TYPES = {
    "individual": Schema.PERSON,
    "entity": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRPLANE,
}

_NAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PROGRAMME_SPLIT = re.compile(r"\]\s*\[|\n")


@lru_cache(maxsize=4096)
def ofac_country(name: str | None) -> str | None:
    """The code for a country as OFAC writes it, including inverted names ("Man, Isle of",
    "Bahamas, The", "North Macedonia, The Republic of"), regions ("Region: Gaza") and
    adjectives ("Palestinian")."""
    if not name:
        return None
    name = re.sub(r"^region:\s*", "", name.strip(), flags=re.I)  # "Region: Gaza"
    code = country_code(name)
    if code is None and ", " in name:
        head, tail = name.rsplit(", ", 1)
        code = country_code(f"{tail} {head}")
    return code or nationality_code(name)  # "Palestinian" in an address


def schema_of(sdn_type: str | None) -> Schema | None:
    """The schema for an sdnType (``individual``, ``vessel``...); empty means an entity."""
    return SDN_TYPES.get((sdn_type or "entity").strip().casefold())


def date_from_name(name: str) -> date | None:
    """The YYYY-MM-DD date in a file name (``sdn_2023-12-28.csv``), if any and valid."""
    m = _NAME_DATE.search(name)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def split_programmes(text: str | None) -> list[str]:
    """Programme tags from the CSV column: ``NPWMD] [IFSR`` -> ``["NPWMD", "IFSR"]``."""
    if not text:
        return []
    return [p.strip(" []") for p in _PROGRAMME_SPLIT.split(text) if p.strip(" []")]


def add_programmes(entity: Entity, programmes: Iterable[str]) -> None:
    """One designation per programme tag, under OFAC's authority."""
    for programme in programmes:
        if all(s.programme != programme for s in entity.sanctions):
            entity.sanctions.append(Sanction(programme=programme, authority=AUTHORITY))


def add_ofac_name(
    entity: Entity, kind: NameKind, *, whole: str | None = None, first: str | None = None, last: str | None = None
) -> None:
    """Add a name given whole (CSV) or in parts (XML firstName/lastName).

    A person's whole name in the CSV is "LAST, First Middle"; like the XML's parts it is
    stored as "First Middle LAST" with ``family`` and ``given`` set. Other names are kept as
    published (a company's comma is part of its name).
    """
    if whole is not None:
        whole = " ".join(whole.split())
        if entity.schema is Schema.PERSON and ", " in whole:
            last, first = whole.split(", ", 1)
        else:
            last, first = whole, None
    last = " ".join(last.split()) if last else None
    first = " ".join(first.split()) if first else None
    if first and last:
        entity.add_name(f"{first} {last}", kind, family=last, given=first)
    elif first or last:
        entity.add_name(first or last, kind)


def add_vessel(
    entity: Entity,
    *,
    call_sign: str | None,
    vessel_type: str | None,
    tonnage: str | None,
    gross_tonnage: str | None,
    flag: str | None,
    owner: str | None,
) -> None:
    """Keep the vessel columns: call sign as an identifier, the rest as FtM-named properties."""
    if call_sign:
        ident = identifier(IdKind.CALL_SIGN, call_sign, None, "Call Sign")
        if ident not in entity.identifiers:
            entity.identifiers.append(ident)
    for prop, value in (
        ("type", vessel_type),
        ("tonnage", tonnage),
        ("grossRegisteredTonnage", gross_tonnage),
        ("flag", ofac_country(flag) or flag if flag else None),
        ("ownerName", owner),
    ):
        if value and value not in entity.properties.get(prop, []):
            entity.properties.setdefault(prop, []).append(value)


def add_address(
    entity: Entity,
    *,
    street: str | None,
    city: str | None,
    region: str | None = None,
    postal_code: str | None = None,
    country: str | None = None,
) -> None:
    """Add an address from its parts (any may be missing); its country joins ``countries``."""
    code = ofac_country(country)
    if country and country.casefold().startswith("region:"):  # "Region: Gaza", "Region: Crimea"
        region, country = region or country.split(":", 1)[1].strip(), None
        code = ofac_country(region)
    parts = [p for p in (street, city, region, postal_code, country) if p]
    if not parts:
        return
    full = ", ".join(parts)
    if code is None and country:
        entity.properties.setdefault("addressCountryText", []).append(country)
    address = Address(full, code, city, region, postal_code, street)
    if address not in entity.addresses:
        entity.addresses.append(address)
    if code and code not in entity.countries:
        entity.countries.append(code)
