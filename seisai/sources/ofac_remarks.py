"""OFAC's labelled facts, applied to an entity: remarks text and XML ``idList`` entries.

The legacy CSV files put most of what OFAC knows about a party into one remarks column:
"DOB 15 Dec 1951; alt. DOB 1952; POB Moscow, Russia; nationality Russia; Gender Male;
Passport 123 (Russia) issued 01 Jan 2010 expires 01 Jan 2020; Tax ID No. 7744001497 (Russia);
a.k.a. 'X'; Linked To: Y.". :func:`apply_remarks` reads each ";"-separated clause by its label
(see :mod:`seisai.sources.ofac_labels`); :func:`apply_labelled` does the same for one XML
``id`` element, whose idType is the label. Clauses that fit no label are kept as notes, and
values that cannot be read (a date of birth that is no date) are kept as properties and
reported as warnings, never dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from typing import TypeVar

from seisai.geo.nationalities import nationality_codes
from seisai.model import DateParseError, Entity, IdKind, NameKind, parse_fuzzy_date
from seisai.sources.identifiers import identifier
from seisai.sources.ofac import ofac_country
from seisai.sources.ofac_labels import LabelKind, LabelMatch, label_table, match_label

Warn = Callable[[str], None]
T = TypeVar("T")

_ID_VALUE = re.compile(
    r"^(?P<value>.*?)\s*(?:\((?P<country>[^()]*)\))?\.?\s*(?P<extra>(?:issued|expires)\b.*)?$", re.I
)
_QUALIFIED = re.compile(r"^\((?P<qualifier>[^()]*)\)\s*:?\s*(?P<value>.*)$")
_CRYPTO = re.compile(r"^-?\s*(?P<currency>[A-Z0-9]{2,6})\s+(?P<value>\S+)")


def split_clauses(text: str) -> list[str]:
    """The ";"-separated clauses of a remarks text, without the final full stop."""
    return [c.strip() for c in text.strip().split(";") if c.strip(" .")]


def apply_remarks(entity: Entity, text: str | None, warn: Warn) -> None:
    """Read an OFAC remarks text into ``entity`` (see the module docstring)."""
    if not text:
        return
    for clause in split_clauses(text):
        clause = clause.strip()
        if clause.startswith("(") and clause.endswith(")"):
            clause = clause[1:-1].strip()  # the XML writes "(Linked To: HAMAS)"
        found = match_label(clause)
        if found is None:
            _add(entity.notes, clause.rstrip("."))
        else:
            _apply(entity, found, clause, warn)


def apply_labelled(
    entity: Entity, label: str, value: str, country: str | None, note: str | None, warn: Warn
) -> None:
    """Apply one XML ``id`` element (idType, idNumber, idCountry, dates as ``note``)."""
    clause = " ".join(p for p in (label.strip(), value.strip()) if p)
    found = match_label(clause)
    if found is None:
        _add(entity.notes, clause)
        return
    if found.label.kind is LabelKind.IDENTIFIER:
        _add_identifier(entity, found, country, note)
    else:
        _apply(entity, found, clause, warn)


def _apply(entity: Entity, found: LabelMatch, clause: str, warn: Warn) -> None:
    kind = found.label.kind
    if kind is LabelKind.FACT:
        _apply_fact(entity, found.label.target, found.rest.strip().rstrip("."), warn)
    elif kind is LabelKind.IDENTIFIER:
        _add_identifier(entity, found, None, None)
    elif kind is LabelKind.PROPERTY:
        _apply_property(entity, found)
    else:
        _add(entity.notes, clause.rstrip("."))


def _apply_fact(entity: Entity, fact: str, value: str, warn: Warn) -> None:
    if not value:
        return
    if fact == "birth_date":
        try:
            _add(entity.birth_dates, parse_fuzzy_date(value))
        except DateParseError:
            warn(f"{entity.source_id}: unreadable date of birth {value!r}")
            _add(entity.properties.setdefault("birthDateText", []), value)
    elif fact == "birth_place":
        _add(entity.birth_places, value)
    elif fact in ("nationality", "citizenship", "country"):
        _add_country(entity, fact, value)
    elif fact == "gender":
        entity.gender = value.casefold()
    elif fact in ("alias", "former_name", "new_name"):
        kind = NameKind.FORMER if fact == "former_name" else NameKind.WEAK_ALIAS
        entity.add_name(_unquote(value), kind)
    elif fact == "linked_to":
        _add(entity.properties.setdefault("linkedTo", []), value)


def _add_country(entity: Entity, fact: str, value: str) -> None:
    code = ofac_country(value)
    if code is not None:
        codes, unknown = [code], []
    elif fact == "country":
        codes, unknown = [], [value]
    else:
        codes, unknown = nationality_codes(value)  # "possibly Palestinian", "Russian and Ukrainian"
    for text in unknown:
        _add(entity.properties.setdefault(f"{fact}Text", []), text)
    for code in codes:
        if fact == "country":
            _add(entity.countries, code)
            continue
        _add(entity.nationalities, code)  # screening treats citizenship as nationality
        if fact == "citizenship":
            _add(entity.properties.setdefault("citizenship", []), code)


def _add_identifier(entity: Entity, found: LabelMatch, country: str | None, note: str | None) -> None:
    """``country`` is the XML idCountry; in remarks the country follows the number in brackets."""
    kind = IdKind(found.label.target)
    rest, label = found.rest.strip().rstrip("."), found.label.text
    extra: str | None = None
    if kind is IdKind.CRYPTO and (crypto := _CRYPTO.match(rest)):
        value, label = crypto["value"], f"{label} - {crypto['currency']}"
    elif m := _ID_VALUE.match(rest):
        value, extra = m["value"].strip(" ,"), m["extra"]
        if m["country"] and country is None and ofac_country(m["country"]):
            country = m["country"]
        elif m["country"]:
            value = f"{value} ({m['country']})"
    else:
        value = rest
    code = ofac_country(country)
    if not value:
        return
    ident = identifier(kind, value, code, "; ".join(p for p in (label, note, extra) if p))
    if all((i.kind, i.value) != (ident.kind, ident.value) for i in entity.identifiers):
        entity.identifiers.append(ident)


def _apply_property(entity: Entity, found: LabelMatch) -> None:
    prop, rest = found.label.target, found.rest.strip().rstrip(".")
    qualifier = None
    if m := _QUALIFIED.match(rest):
        qualifier, rest = m["qualifier"], m["value"].strip()
    if prop in label_table().date_properties:
        with suppress(DateParseError):  # else kept as written
            rest = parse_fuzzy_date(rest).iso()
    if prop in ("pastFlags", "flag"):
        rest = ofac_country(rest) or rest
    if prop == "position":
        _add(entity.positions, rest)
        return
    if rest:
        _add(entity.properties.setdefault(prop, []), f"{rest} ({qualifier})" if qualifier else rest)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].strip()
    return value.strip("'")


def _add(values: list[T], value: T) -> None:
    if value and value not in values:
        values.append(value)
