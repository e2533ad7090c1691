"""Entities to and from JSON: the project's own lossless form, and FollowTheMoney.

:func:`entity_to_dict` / :func:`entity_from_dict` round-trip every field (the store keeps
entities this way). :func:`entity_to_ftm` writes the FtM shape used by yente and
OpenSanctions (``{"id", "schema", "properties": {prop: [str]}, "datasets"}``); FtM has no
place for name kinds or date precision beyond what its property names carry, so that export
is lossy by design.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from seisai.model.dates import FuzzyDate
from seisai.model.entity import (
    FTM_ID_PROPERTY,
    FTM_NAME_PROPERTY,
    Address,
    Entity,
    Identifier,
    IdKind,
    Name,
    NameKind,
    Sanction,
    Schema,
)
from seisai.text.scripts import Script


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], (), {}, "")}


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    """Every field of ``entity`` as JSON-ready values; empty fields are left out."""
    return _drop_empty(
        {
            "id": entity.id,
            "source": entity.source,
            "source_id": entity.source_id,
            "schema": entity.schema.value,
            "names": [
                _drop_empty(
                    {
                        "value": n.value,
                        "kind": n.kind.value,
                        "script": n.script.value if n.script else None,
                        "lang": n.lang,
                        "family": n.family,
                        "given": n.given,
                    }
                )
                for n in entity.names
            ],
            "gender": entity.gender,
            "birth_dates": [("~" if d.circa else "") + d.iso() for d in entity.birth_dates],
            "birth_places": list(entity.birth_places),
            "nationalities": list(entity.nationalities),
            "countries": list(entity.countries),
            "addresses": [_drop_empty(vars_of(a)) for a in entity.addresses],
            "identifiers": [
                _drop_empty({"kind": i.kind.value, "value": i.value, "country": i.country, "note": i.note})
                for i in entity.identifiers
            ],
            "sanctions": [_sanction_to_dict(s) for s in entity.sanctions],
            "positions": list(entity.positions),
            "notes": list(entity.notes),
            "properties": {k: list(v) for k, v in sorted(entity.properties.items()) if v},
            "raw": entity.raw,
        }
    )


def vars_of(address: Address) -> dict[str, Any]:
    return {
        "full": address.full,
        "country": address.country,
        "city": address.city,
        "region": address.region,
        "postal_code": address.postal_code,
        "street": address.street,
    }


def _sanction_to_dict(s: Sanction) -> dict[str, Any]:
    return _drop_empty(
        {
            "programme": s.programme,
            "authority": s.authority,
            "listed_on": s.listed_on.isoformat() if s.listed_on else None,
            "reference": s.reference,
            "notice": s.notice,
            "reason": s.reason,
            "concerns": list(s.concerns),
        }
    )


def entity_from_dict(data: dict[str, Any]) -> Entity:
    """Inverse of :func:`entity_to_dict`."""
    return Entity(
        source=data["source"],
        source_id=data["source_id"],
        schema=Schema(data["schema"]),
        names=[
            Name(
                n["value"],
                NameKind(n.get("kind", "primary")),
                Script(n["script"]) if n.get("script") else None,
                n.get("lang"),
                n.get("family"),
                n.get("given"),
            )
            for n in data.get("names", [])
        ],
        gender=data.get("gender"),
        birth_dates=[FuzzyDate.from_iso(d) for d in data.get("birth_dates", [])],
        birth_places=list(data.get("birth_places", [])),
        nationalities=list(data.get("nationalities", [])),
        countries=list(data.get("countries", [])),
        addresses=[Address(**a) for a in data.get("addresses", [])],
        identifiers=[
            Identifier(IdKind(i["kind"]), i["value"], i.get("country"), i.get("note"))
            for i in data.get("identifiers", [])
        ],
        sanctions=[
            Sanction(
                programme=s.get("programme", ""),
                authority=s.get("authority"),
                listed_on=date.fromisoformat(s["listed_on"]) if s.get("listed_on") else None,
                reference=s.get("reference"),
                notice=s.get("notice"),
                reason=s.get("reason"),
                concerns=tuple(s.get("concerns", ())),
            )
            for s in data.get("sanctions", [])
        ],
        positions=list(data.get("positions", [])),
        notes=list(data.get("notes", [])),
        properties={k: list(v) for k, v in data.get("properties", {}).items()},
        raw=dict(data.get("raw", {})),
    )


def entity_to_ftm(entity: Entity, *, include_raw: bool = False) -> dict[str, Any]:
    """The entity as a FollowTheMoney entity dict (every property value a list of strings)."""
    props: dict[str, list[str]] = {}

    def add(prop: str, value: str | None) -> None:
        if value and value not in props.setdefault(prop, []):
            props[prop].append(value)

    for name in entity.names:
        add(FTM_NAME_PROPERTY[name.kind], name.value)
        if name.kind is NameKind.PRIMARY:
            add("firstName" if entity.schema is Schema.PERSON else "", name.given)
            add("lastName" if entity.schema is Schema.PERSON else "", name.family)
    props.pop("", None)
    add("gender", entity.gender)
    for d in entity.birth_dates:
        for value in d.ftm_values():
            add("birthDate", value)
    for place in entity.birth_places:
        add("birthPlace", place)
    for code in entity.nationalities:
        add("nationality", code)
    for code in entity.countries:
        add("country", code)
    for address in entity.addresses:
        add("address", address.full)
    for ident in entity.identifiers:
        add(FTM_ID_PROPERTY[ident.kind], ident.value)
    for position in entity.positions:
        add("position", position)
    for note in entity.notes:
        add("notes", note)
    for programme in entity.programmes:
        add("program", programme)
    if entity.listed_on:
        add("createdAt", entity.listed_on.isoformat())
    for key, values in entity.properties.items():
        for value in values:
            add(key, value)
    result: dict[str, Any] = {
        "id": entity.id,
        "caption": entity.caption,
        "schema": entity.schema.value,
        "properties": props,
        "datasets": [entity.source],
        "referents": [],
        "target": True,
    }
    if include_raw:
        result["raw"] = entity.raw
    return result
