"""The matcher's public types: the query, a match and the explanation of each feature."""

from __future__ import annotations

from dataclasses import dataclass, field

from seisai.exc import QueryError
from seisai.geo.countries import country_code, is_country_code
from seisai.model import DateParseError, Entity, FuzzyDate, Schema, parse_fuzzy_date
from seisai.text.normalize import clean

MAX_NAMES = 20
MAX_VALUES = 50


@dataclass(frozen=True)
class Query:
    """What to screen: names plus optional facts that confirm or rule out a candidate.

    Validated on creation, raising :class:`~seisai.exc.QueryError` with the field at fault:
    at least one name with a letter or digit; ``birth_dates`` in ISO form (``1952-10-07``,
    ``1952-10``, ``1952``) or any form :func:`~seisai.model.parse_fuzzy_date` reads;
    ``countries`` as ISO alpha-2 codes or country names (normalised to lower-case codes);
    ``gender`` ``male``/``female`` (or ``m``/``f``).
    """

    names: list[str] | tuple[str, ...]
    schema: Schema | None = None
    birth_dates: list[str] | tuple[str, ...] = ()
    countries: list[str] | tuple[str, ...] = ()
    identifiers: list[str] | tuple[str, ...] = ()
    gender: str | None = None
    parsed_dates: tuple[FuzzyDate, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = tuple(n for n in (clean(str(n)) for n in self.names) if n)
        if not names:
            raise QueryError("names: at least one non-empty name is needed")
        if len(names) > MAX_NAMES:
            raise QueryError(f"names: at most {MAX_NAMES} names per query, got {len(names)}")
        object.__setattr__(self, "names", names)
        if self.schema is not None and not isinstance(self.schema, Schema):
            try:
                object.__setattr__(self, "schema", Schema(str(self.schema)))
            except ValueError:
                known = ", ".join(s.value for s in Schema)
                raise QueryError(f"schema: unknown schema {self.schema!r}; known: {known}") from None
        object.__setattr__(self, "parsed_dates", tuple(_date(d) for d in self.birth_dates[:MAX_VALUES]))
        object.__setattr__(self, "birth_dates", tuple(d.iso() for d in self.parsed_dates))
        object.__setattr__(self, "countries", tuple(_country(c) for c in self.countries[:MAX_VALUES]))
        idents = tuple(clean(str(i)) for i in self.identifiers[:MAX_VALUES])
        object.__setattr__(self, "identifiers", tuple(i for i in idents if i))
        object.__setattr__(self, "gender", _gender(self.gender))


def _date(text: str) -> FuzzyDate:
    try:
        return parse_fuzzy_date(str(text))
    except (DateParseError, ValueError) as exc:
        raise QueryError(f"birth_dates: {exc}") from None


def _country(text: str) -> str:
    value = str(text).strip()
    code = value.lower() if is_country_code(value.lower()) else country_code(value)
    if code is None:
        raise QueryError(f"countries: unknown country {text!r}")
    return code


def _gender(value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    key = str(value).strip().lower()
    mapped = {"m": "male", "male": "male", "f": "female", "female": "female"}.get(key)
    if mapped is None:
        raise QueryError(f"gender: expected male or female, got {value!r}")
    return mapped


@dataclass(frozen=True, slots=True)
class Explanation:
    """How one feature scored: its score, its weight, and a sentence saying what matched what.

    ``query`` and ``candidate`` are the values compared (a name, a date, a country code).
    """

    score: float
    weight: float
    detail: str
    query: str = ""
    candidate: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """One screening result: the listed entity, its score 0..1 and why.

    ``match`` is ``score >= threshold``; ``query_name`` and ``matched_name`` are the pair of
    names that scored best; ``explanations`` holds one :class:`Explanation` per feature.
    """

    entity: Entity
    score: float
    match: bool
    explanations: dict[str, Explanation]
    query_name: str
    matched_name: str

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready summary (the entity by id, caption and datasets; explanations)."""
        return {
            "id": self.entity.id,
            "caption": self.entity.caption,
            "schema": self.entity.schema.value,
            "datasets": [self.entity.source],
            "score": round(self.score, 4),
            "match": self.match,
            "query_name": self.query_name,
            "matched_name": self.matched_name,
            "explanations": {
                k: {"score": round(e.score, 4), "weight": e.weight, "detail": e.detail,
                    "query": e.query, "candidate": e.candidate}
                for k, e in self.explanations.items()
            },
        }  # fmt: skip
