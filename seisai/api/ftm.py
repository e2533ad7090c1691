"""FollowTheMoney shapes of the yente API: query examples in, scored entities out.

A yente query is an FtM *example*: ``{"schema": "Person", "properties": {"name": [...],
"birthDate": [...], "nationality": [...]}}``. :func:`to_query` reads the properties the matcher
uses (names and name parts, birth dates, countries, identifiers, gender) into a
:class:`~seisai.matching.Query`; other FtM properties are accepted and ignored.
:func:`scored_entity` writes a match as yente returns it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from seisai.exc import QueryError
from seisai.matching import Explanation, Match, Query
from seisai.model import Entity, Schema, entity_to_ftm
from seisai.model.entity import FTM_ID_PROPERTY
from seisai.store.entity_dates import EntityDates

NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
GIVEN_PROPS = ("firstName", "secondName", "middleName", "fatherName")
FAMILY_PROPS = ("lastName",)
DATE_PROPS = ("birthDate",)
COUNTRY_PROPS = ("nationality", "citizenship", "country", "jurisdiction", "birthCountry", "mainCountry", "flag")
ID_PROPS = tuple(sorted({*FTM_ID_PROPERTY.values(), "vatCode", "okpoCode", "dunsCode", "bikCode", "isin"}))

# FtM's schema tree, for the schemas seisai's lists hold (and Vehicle, their common parent).
_PARENT: dict[str, str | None] = {
    "LegalEntity": None,
    "Person": "LegalEntity",
    "Organization": "LegalEntity",
    "Company": "Organization",
    "PublicBody": "Organization",
    "Vehicle": None,
    "Vessel": "Vehicle",
    "Airplane": "Vehicle",
    "CryptoWallet": None,
}


def _ancestors(name: str) -> set[str]:
    out: set[str] = set()
    parent = _PARENT.get(name)
    while parent is not None:
        out.add(parent)
        parent = _PARENT.get(parent)
    return out


def matchable_schemas(name: str) -> frozenset[Schema]:
    """The schemas a query of schema ``name`` may match: itself, its ancestors, its descendants.

    As yente does: a ``Person`` query matches ``Person`` and ``LegalEntity`` entities, a
    ``Company`` query also ``Organization``; ``LegalEntity`` matches every party.
    """
    if name not in _PARENT:
        known = ", ".join(sorted(_PARENT))
        raise QueryError(f"schema: {name!r} is not a schema seisai can match; use one of {known}")
    related = {name} | _ancestors(name) | {s for s in _PARENT if name in _ancestors(s)}
    return frozenset(Schema(s) for s in related if s in Schema.__members__.values())


def _values(props: Mapping[str, Sequence[str]], names: Sequence[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        for value in props.get(name, ()):
            text = str(value).strip()
            if text and text not in out:
                out.append(text)
    return out


def to_query(schema: str, props: Mapping[str, Sequence[str]]) -> Query:
    """A matcher query from an FtM example; :class:`QueryError` naming the field otherwise."""
    matchable_schemas(schema)
    names = _values(props, NAME_PROPS)
    given, family = _values(props, GIVEN_PROPS), _values(props, FAMILY_PROPS)
    if given or family:
        whole = " ".join([*given, *family])
        if whole not in names:
            names.append(whole)
    genders = _values(props, ("gender",))
    return Query(
        names=names,
        schema=Schema(schema) if schema in Schema.__members__.values() else None,
        birth_dates=_values(props, DATE_PROPS),
        countries=_values(props, COUNTRY_PROPS),
        identifiers=_values(props, ID_PROPS),
        gender=genders[0] if genders else None,
    )


def _iso(dates: EntityDates | None, field: str) -> str | None:
    return getattr(dates, field).isoformat() if dates is not None else None


def entity_dict(entity: Entity, topics: Sequence[str], dates: EntityDates | None, *, target: bool = True) -> dict[str, Any]:
    """An entity as yente returns it: FtM properties plus topics and first/last-seen dates."""
    data = entity_to_ftm(entity)
    data["properties"]["topics"] = list(topics)
    data["target"] = target
    data["first_seen"] = _iso(dates, "first_seen")
    data["last_seen"] = _iso(dates, "last_seen")
    data["last_change"] = _iso(dates, "last_change")
    return data


def explanation_dict(exp: Explanation) -> dict[str, Any]:
    """A feature's explanation as yente writes it (with seisai's weight)."""
    return {"score": round(exp.score, 4), "weight": exp.weight, "detail": exp.detail, "query": exp.query, "candidate": exp.candidate}


def scored_entity(base: dict[str, Any], match: Match) -> dict[str, Any]:
    """``base`` (from :func:`entity_dict`, not modified) with the score, match flag and explanations."""
    return {
        **base,
        "score": round(match.score, 4),
        "match": match.match,
        "explanations": {k: explanation_dict(e) for k, e in match.explanations.items()},
    }
