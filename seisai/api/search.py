"""Name search as yente's ``GET /search/{dataset}`` offers it, without the web framework.

seisai has no full-text index: ``q`` is screened as a name by the matcher (so it finds the
same transliterations and spelling variants as ``/match``), and the entities found are
filtered by schema and country, paged and counted into facets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from seisai.api.ftm import matchable_schemas
from seisai.api.loaded import Loaded
from seisai.exc import QueryError
from seisai.geo.countries import country_code, is_country_code
from seisai.matching import Query
from seisai.model import Entity, Schema

SEARCH_THRESHOLD = 0.5  # search shows weaker candidates than screening flags
MAX_WINDOW = 500  # offset + limit


@dataclass(frozen=True)
class SearchOptions:
    """A search as the audit log records it."""

    dataset: str
    sources: tuple[str, ...]
    q: str
    schema: str | None = None
    countries: tuple[str, ...] = ()
    limit: int = 10
    offset: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SearchOptions:
        return cls(**{**data, "sources": tuple(data["sources"]), "countries": tuple(data.get("countries") or ())})


@dataclass(frozen=True)
class SearchResult:
    entities: list[Entity]  # the page
    total: int
    facets: dict[str, Counter[str]]


def _countries(values: Sequence[str]) -> tuple[str, ...]:
    out = []
    for value in values:
        code = value.lower() if is_country_code(value.lower()) else country_code(value)
        if code is None:
            raise QueryError(f"countries: unknown country {value!r}")
        out.append(code)
    return tuple(sorted(set(out)))


def search_options(
    loaded: Loaded,
    dataset: str,
    q: str,
    *,
    schema: str | None = None,
    countries: Sequence[str] = (),
    include_dataset: Sequence[str] = (),
    limit: int = 10,
    offset: int = 0,
) -> SearchOptions:
    """Check a search's parameters and resolve its datasets."""
    if not q.strip():
        raise QueryError("q: a name to search for is needed (this server searches names, it has no browse mode)")
    if offset + limit > MAX_WINDOW:
        raise QueryError(f"offset + limit: at most {MAX_WINDOW}, got {offset + limit}")
    sources = set(loaded.resolve(dataset))
    if include_dataset:
        sources &= set().union(*(loaded.resolve(d) for d in include_dataset))
    if schema is not None:
        matchable_schemas(schema)
    return SearchOptions(dataset, tuple(sorted(sources)), q.strip(), schema, _countries(countries), limit, offset)


def run_search(loaded: Loaded, options: SearchOptions) -> SearchResult:
    """The entities whose names match ``q``, best first, filtered, paged and faceted."""
    schema = options.schema or Schema.LEGAL_ENTITY.value
    query = Query(names=[options.q], schema=Schema(schema) if schema in {s.value for s in Schema} else None)
    found = loaded.matcher.screen(
        query,
        threshold=SEARCH_THRESHOLD,
        limit=MAX_WINDOW,
        datasets=set(options.sources),
        schemas=set(matchable_schemas(schema)) if options.schema else None,
    )
    entities = [m.entity for m in found]
    if options.countries:
        wanted = set(options.countries)
        entities = [e for e in entities if wanted & (set(e.countries) | set(e.nationalities))]
    facets = {
        "datasets": Counter(e.source for e in entities),
        "schema": Counter(e.schema.value for e in entities),
        "countries": Counter(c for e in entities for c in sorted(set(e.countries) | set(e.nationalities))),
    }
    page = entities[options.offset : options.offset + options.limit]
    return SearchResult(page, len(entities), facets)


def search_response(loaded: Loaded, options: SearchOptions, result: SearchResult) -> dict[str, Any]:
    """The yente ``/search`` response body."""
    labels = {"datasets": "Data sources", "schema": "Entity types", "countries": "Countries"}
    return {
        "results": [loaded.entity_json(e) for e in result.entities],
        "facets": {
            name: {
                "label": labels[name],
                "values": [{"name": k, "label": k, "count": n} for k, n in counts.most_common(30)],
            }
            for name, counts in result.facets.items()
        },
        "total": {"value": result.total, "relation": "eq"},
        "limit": options.limit,
        "offset": options.offset,
    }
