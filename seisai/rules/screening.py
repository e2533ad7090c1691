"""Party screening as the rules engine sees it: one small protocol and its adapters.

The engine asks a :class:`PartyScreener` for the list entries a party may be, and gets
:class:`PartyHit` objects: the entity's list, programmes, listing dates and METI concern
types, the score, and whether the match is strong (``match``) or only possible. Keeping the
engine behind this protocol lets its goods, date and place logic be tested without a name
matcher, and lets a bank plug in its own screening.

:class:`MatcherScreener` adapts :class:`seisai.matching.Matcher`; :class:`NullScreener`
screens nothing (the decision then says that parties were not screened).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from seisai.model import Entity, Sanction, Schema

if TYPE_CHECKING:
    from seisai.rules.transaction import Party


@dataclass(frozen=True, slots=True)
class PartyHit:
    """A list entry a party may be.

    ``match`` is True for a strong match (screening treats it as the listed entity) and
    False for a weak one that needs a human look. ``entry`` is the list's own entry number
    when it has one (METI numbers its export-ban entities in the order they were added).
    """

    entity_id: str
    source: str
    caption: str
    score: float
    match: bool
    sanctions: tuple[Sanction, ...] = ()
    entry: int | None = None
    matched_name: str | None = None
    explanation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (without the role, which the decision adds)."""
        return {
            "entity_id": self.entity_id,
            "source": self.source,
            "caption": self.caption,
            "score": round(self.score, 4),
            "match": self.match,
            "matched_name": self.matched_name,
            "programmes": sorted({s.programme for s in self.sanctions if s.programme}),
            "listed_on": _iso(min((s.listed_on for s in self.sanctions if s.listed_on), default=None)),
            "concerns": sorted({c for s in self.sanctions for c in s.concerns}),
            "entry": self.entry,
            "explanation": self.explanation,
        }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


class PartyScreener(Protocol):
    """Screens one party; the engine calls it once per party of a transaction."""

    def screen(self, party: Party) -> Sequence[PartyHit]:
        """The list entries ``party`` may be, strongest first."""
        ...

    def list_versions(self) -> dict[str, str]:
        """The version (publication date or hash) of each list screened against."""
        ...


@dataclass
class NullScreener:
    """Screens nothing. Decisions made with it carry a ``review`` for unscreened parties."""

    screened: bool = False

    def screen(self, party: Party) -> Sequence[PartyHit]:
        return ()

    def list_versions(self) -> dict[str, str]:
        return {}


def entry_number(entity: Entity) -> int | None:
    """The list's entry number of an entity, when the list numbers its entries.

    METI's export-ban lists number entities in the order they were designated; the parser
    keeps the number as the publisher's id (``jp_meti_ru-561``) and as the designation's
    reference. ``properties["entry"]`` wins when a parser sets it.
    """
    for value in entity.properties.get("entry", []):
        if str(value).strip().isdigit():
            return int(str(value).strip())
    if entity.source_id.isdigit():
        return int(entity.source_id)
    refs = {s.reference.strip() for s in entity.sanctions if s.reference and s.reference.strip().isdigit()}
    return int(refs.pop()) if len(refs) == 1 else None


def hit_from_entity(entity: Entity, score: float, match: bool, **extra: Any) -> PartyHit:
    """A :class:`PartyHit` for a list entity."""
    return PartyHit(
        entity_id=entity.id,
        source=entity.source,
        caption=entity.caption,
        score=score,
        match=match,
        sanctions=tuple(entity.sanctions),
        entry=entry_number(entity),
        **extra,
    )


@dataclass
class MatcherScreener:
    """Screens parties with :class:`seisai.matching.Matcher`.

    ``threshold`` is the score of a strong match; hits down to ``review_threshold`` come back
    as weak matches. Results are cached by the party's screening facts, because a book of
    transactions names the same counterparties again and again.
    """

    matcher: Any
    threshold: float | None = None
    review_threshold: float | None = None
    limit: int = 5
    versions: dict[str, str] = field(default_factory=dict)
    cache_size: int = 4096

    def __post_init__(self) -> None:
        from seisai import matching
        from seisai.matching.heap import Refreeze

        if self.threshold is None:
            self.threshold = float(matching.DEFAULT_THRESHOLD)
        if self.review_threshold is None:
            self.review_threshold = max(0.0, self.threshold - 0.15)
        self._cached = lru_cache(maxsize=self.cache_size)(self._screen_key)
        self._refreeze = Refreeze()

    def screen(self, party: Party) -> Sequence[PartyHit]:
        ids = tuple(v for v in (party.bic, party.imo, *party.identifiers) if v)
        countries = tuple(c for c in (party.country, party.nationality) if c)
        return self._cached(party.name, party.schema_, party.birth_date, countries, ids)

    def _screen_key(
        self, name: str, schema: str, birth_date: str | None, countries: tuple[str, ...], ids: tuple[str, ...]
    ) -> tuple[PartyHit, ...]:
        from seisai.matching import Query

        query = Query(
            names=[name],
            schema=Schema(schema),
            birth_dates=[birth_date] if birth_date else [],
            countries=list(countries),
            identifiers=list(ids),
        )
        assert self.review_threshold is not None and self.threshold is not None
        matches = self.matcher.screen(query, threshold=self.review_threshold, limit=self.limit)
        self._refreeze()  # the matcher's caches grew: keep them out of full collections
        return tuple(
            hit_from_entity(
                m.entity,
                float(m.score),
                bool(m.score >= self.threshold),
                matched_name=getattr(m, "matched_name", None),
                explanation=_explain(m),
            )
            for m in matches
        )

    def list_versions(self) -> dict[str, str]:
        return dict(self.versions)


def _explain(match: Any) -> str | None:
    explanations = getattr(match, "explanations", None) or {}
    parts = []
    for feature, exp in explanations.items():
        detail = getattr(exp, "detail", None)
        score = getattr(exp, "score", None)
        if detail:
            parts.append(f"{feature}: {detail}" + (f" ({score:.2f})" if isinstance(score, float) else ""))
    return "; ".join(parts) or None


def versions_of(parsed: Iterable[Any]) -> dict[str, str]:
    """``{source: version}`` for parsed lists (their publication date, else their file hash)."""
    out: dict[str, str] = {}
    for item in parsed:
        published = getattr(item, "published", None)
        files = getattr(item, "files", [])
        version = published.isoformat() if published else (files[0].sha256[:12] if files else "unknown")
        out[item.source] = version
    return out
