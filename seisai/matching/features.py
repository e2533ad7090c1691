"""Features besides the name: birth dates, countries, gender, identifiers and schema.

Each function compares one fact of the query with the entity's and returns an
:class:`~seisai.matching.types.Explanation` whose ``score`` is the signed contribution
(qualifiers confirm or rule out a name match; identifiers are a main feature on their own),
or ``None`` when either side lacks the fact.
"""

from __future__ import annotations

import re

from seisai.matching.config import ScoringConfig
from seisai.matching.types import Explanation, Query
from seisai.model import Entity, FuzzyDate, Identifier, Schema
from seisai.model.entity import ORGANIZATION_SCHEMAS

_NOT_ID = re.compile(r"[^0-9A-Z]")
_PREFIXES = ("IMO", "BIC", "SWIFT", "LEI", "INN", "OGRN", "NO")


def normalize_identifier(value: str) -> str:
    """Upper-case letters and digits only, without a leading kind word (IMO 9187629 -> 9187629)."""
    text = _NOT_ID.sub("", value.upper())
    for prefix in _PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 3 and text[len(prefix)].isdigit():
            return text[len(prefix) :]
    return text


def identifier_keys(ident: Identifier) -> list[str]:
    """The index keys of a listed identifier: normalised; a BIC also under its 8-letter form."""
    key = normalize_identifier(ident.value)
    if len(key) < 4:
        return []
    keys = [key]
    if ident.kind.value == "bic" and len(key) == 11:
        keys.append(key[:8])
    return keys


def compare_identifiers(query: Query, entity: Entity, cfg: ScoringConfig) -> Explanation | None:
    """An identifier of the query equal to one of the entity's after normalisation."""
    if not query.identifiers or not entity.identifiers:
        return None
    wanted = {normalize_identifier(v): v for v in query.identifiers}
    wanted.update({k[:8]: v for k, v in list(wanted.items()) if len(k) == 11})
    for ident in entity.identifiers:
        for key in identifier_keys(ident):
            if key in wanted:
                strong = ident.kind.value in cfg.strong_kinds
                weight = cfg.strong_identifier_weight if strong else cfg.identifier_weight
                detail = f"{ident.kind.value} {ident.value!r} equals the query's {wanted[key]!r}"
                return Explanation(1.0, weight, detail, wanted[key], ident.value)
    return None


def _years(d: FuzzyDate) -> set[int]:
    widen = 1 if d.circa else 0
    return set(range(d.year - widen, (d.until_year or d.year) + widen + 1))


def compare_birth_dates(query: Query, entity: Entity, cfg: ScoringConfig) -> Explanation | None:
    """Same day, day-month swap, same year with another day, or no year in common."""
    if not query.parsed_dates or not entity.birth_dates:
        return None
    q = cfg.qualifiers
    best: tuple[float, str, FuzzyDate, FuzzyDate] | None = None
    for qd in query.parsed_dates:
        for ed in entity.birth_dates:
            score, how = _date_pair(qd, ed, q)
            if best is None or score > best[0]:
                best = (score, how, qd, ed)
    assert best is not None
    score, how, qd, ed = best
    return Explanation(score, 1.0, f"born {ed}: {how} the query's {qd}", qd.iso(), str(ed))


def _date_pair(qd: FuzzyDate, ed: FuzzyDate, q: dict[str, float]) -> tuple[float, str]:
    if not _years(qd) & _years(ed):
        return q["birth_date_year_mismatch"], "no year in common with"
    if qd.day is not None and ed.day is not None and qd.month is not None and ed.month is not None:
        if (qd.month, qd.day) == (ed.month, ed.day):
            return q["birth_date_match"], "same day as"
        if (qd.month, qd.day) == (ed.day, ed.month):
            return q["birth_date_day_month_swap"], "day and month swapped against"
        return q["birth_date_day_mismatch"], "same year, another day than"
    if qd.month is not None and ed.month is not None and qd.month != ed.month:
        return q["birth_date_day_mismatch"], "same year, another month than"
    return q["birth_date_match"], "same year as"


def compare_countries(query: Query, entity: Entity, cfg: ScoringConfig) -> Explanation | None:
    """Any country of the query among the entity's nationalities, countries or addresses."""
    listed = set(entity.nationalities) | set(entity.countries)
    listed |= {a.country for a in entity.addresses if a.country}
    if not query.countries or not listed:
        return None
    common = sorted(set(query.countries) & listed)
    shown = ", ".join(sorted(listed))
    if common:
        return Explanation(cfg.qualifiers["country_match"], 1.0, f"country {common[0]} is listed", ",".join(query.countries), shown)
    return Explanation(cfg.qualifiers["country_mismatch"], 1.0, f"query countries {', '.join(query.countries)} not among {shown}", ",".join(query.countries), shown)


def compare_gender(query: Query, entity: Entity, cfg: ScoringConfig) -> Explanation | None:
    """A male query against a female entity, or the reverse."""
    if query.gender is None or entity.gender not in ("male", "female"):
        return None
    if query.gender == entity.gender:
        return None
    return Explanation(cfg.qualifiers["gender_mismatch"], 1.0, f"listed as {entity.gender}, query says {query.gender}", query.gender, entity.gender or "")


def schemas_compatible(a: Schema, b: Schema) -> bool:
    """Persons match persons, organisations match organisations; LegalEntity matches both."""
    if a == b or Schema.LEGAL_ENTITY in (a, b) and not {a, b} & {Schema.VESSEL, Schema.AIRPLANE}:
        return True
    return a in ORGANIZATION_SCHEMAS and b in ORGANIZATION_SCHEMAS


def compare_schema(query: Query, entity: Entity, cfg: ScoringConfig) -> Explanation | None:
    """A penalty when the query's schema cannot be the entity's (a person against a vessel)."""
    if query.schema is None or schemas_compatible(query.schema, entity.schema):
        return None
    return Explanation(cfg.qualifiers["schema_mismatch"], 1.0, f"query is a {query.schema.value}, listed entity a {entity.schema.value}", query.schema.value, entity.schema.value)
