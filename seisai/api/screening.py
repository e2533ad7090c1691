"""Screening as the yente ``/match`` endpoint does it, without the web framework.

:func:`resolve_options` turns the request's parameters into :class:`MatchOptions` (the
sources to screen, threshold, limit, filters), :func:`run_match` screens every query, and
:func:`match_response` / :func:`match_audit` write the yente response and the audit record.
``seisai audit replay`` runs the same functions on a recorded request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from typing import Any

from seisai import __version__
from seisai.api.ftm import explanation_dict, matchable_schemas, scored_entity, to_query
from seisai.api.loaded import Loaded
from seisai.exc import QueryError, SeisaiError
from seisai.matching import DEFAULT_THRESHOLD, Match, Query
from seisai.model import Schema

ALGORITHM = "seisai"
ALGORITHM_NAMES = ("best", "default", ALGORITHM)
DEFAULT_LIMIT = 5
MAX_LIMIT = 500
MAX_BATCH = 100
MAX_EXCLUDE_IDS = 50
MAX_WORK = 5000  # queries x limit in one request: bounds the candidates one request makes the matcher score


@dataclass(frozen=True)
class MatchOptions:
    """Everything that shapes a screening besides the query; recorded in the audit log."""

    dataset: str
    sources: tuple[str, ...]
    threshold: float = DEFAULT_THRESHOLD
    cutoff: float | None = None
    limit: int = DEFAULT_LIMIT
    algorithm: str = ALGORITHM
    exclude_schemas: tuple[str, ...] = ()
    exclude_ids: tuple[str, ...] = ()
    changed_since: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MatchOptions:
        values = dict(data)
        for key in ("sources", "exclude_schemas", "exclude_ids"):
            values[key] = tuple(values.get(key) or ())
        return cls(**values)


@cache
def scoring_fingerprint() -> str:
    """SHA-256 (16 hex digits) of the scoring table: recorded so a replay can tell it changed."""
    data = resources.files("seisai.data.matching").joinpath("scoring.yml").read_bytes()
    return hashlib.sha256(data).hexdigest()[:16]


def algorithm_record() -> dict[str, str]:
    return {"name": ALGORITHM, "software": f"seisai {__version__}", "scoring": scoring_fingerprint()}


def _union(loaded: Loaded, names: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for name in names:
        out |= loaded.resolve(name)
    return out


def _changed_since(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text) if "T" in text or " " in text else datetime.combine(date.fromisoformat(text), datetime.min.time())
    except ValueError:
        raise QueryError(f"changed_since: {value!r} is not an ISO 8601 date or timestamp") from None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).isoformat()


def resolve_options(
    loaded: Loaded,
    dataset: str,
    *,
    threshold: float | None = None,
    cutoff: float | None = None,
    limit: int | None = None,
    algorithm: str | None = None,
    include_dataset: Sequence[str] = (),
    exclude_dataset: Sequence[str] = (),
    exclude_schema: Sequence[str] = (),
    exclude_entity_ids: Sequence[str] = (),
    topics: Sequence[str] = (),
    changed_since: str | None = None,
) -> MatchOptions:
    """Check the parameters of a request and resolve its datasets to sources."""
    name = (algorithm or "best").strip()
    if name not in ALGORITHM_NAMES:
        raise QueryError(f"algorithm: unknown algorithm {name!r}; this server has: {', '.join(ALGORITHM_NAMES)}")
    sources = set(loaded.resolve(dataset))
    if include_dataset:
        sources &= _union(loaded, include_dataset)
    sources -= _union(loaded, exclude_dataset)
    if topics:
        sources = {s for s in sources if set(topics) & set(loaded.catalog.topics(s))}
    if not sources:
        raise QueryError(f"dataset {dataset!r}: no list left to screen after the include_dataset, exclude_dataset and topics filters")
    known = {s.value for s in Schema}
    for schema in exclude_schema:
        if schema not in known:
            raise QueryError(f"exclude_schema: unknown schema {schema!r}; known: {', '.join(sorted(known))}")
    if len(exclude_entity_ids) > MAX_EXCLUDE_IDS:
        raise QueryError(f"exclude_entity_ids: at most {MAX_EXCLUDE_IDS}, got {len(exclude_entity_ids)}")
    return MatchOptions(
        dataset=dataset,
        sources=tuple(sorted(sources)),
        threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
        cutoff=cutoff,
        limit=DEFAULT_LIMIT if limit is None else limit,
        algorithm=ALGORITHM,
        exclude_schemas=tuple(sorted(set(exclude_schema))),
        exclude_ids=tuple(sorted(set(exclude_entity_ids))),
        changed_since=_changed_since(changed_since),
    )


def parse_queries(examples: Mapping[str, Mapping[str, Any]]) -> dict[str, tuple[str, Query]]:
    """``{key: (schema, Query)}`` for every example; a bad one fails the whole request, named."""
    if not examples:
        raise QueryError("queries: no queries given")
    if len(examples) > MAX_BATCH:
        raise QueryError(f"queries: at most {MAX_BATCH} queries per request, got {len(examples)}")
    out: dict[str, tuple[str, Query]] = {}
    for key, example in examples.items():
        schema = str(example.get("schema") or "")
        try:
            out[key] = (schema, to_query(schema, example.get("properties") or {}))
        except SeisaiError as exc:
            raise QueryError(f"queries.{key}.{exc}") from None
    return out


def screen(loaded: Loaded, options: MatchOptions, schema: str, query: Query) -> list[Match]:
    """Screen one query with ``options`` (see :class:`MatchOptions`)."""
    schemas = set(matchable_schemas(schema)) - {Schema(s) for s in options.exclude_schemas}
    datasets = None if set(options.sources) == loaded.sources else set(options.sources)
    wanted = options.limit * 4 if options.changed_since else options.limit
    matches = loaded.matcher.screen(
        query,
        threshold=options.threshold,
        limit=wanted,
        datasets=datasets,
        schemas=schemas,
        exclude_ids=set(options.exclude_ids) or None,
    )
    if options.cutoff is not None:
        floor = min(options.cutoff, options.threshold)
        matches = [m for m in matches if m.score >= floor]
    if options.changed_since is not None:
        since = datetime.fromisoformat(options.changed_since)
        matches = [m for m in matches if (d := loaded.dates.get(m.entity.id)) is not None and d.last_change >= since]
    return matches[: options.limit]


def run_match(loaded: Loaded, options: MatchOptions, queries: Mapping[str, tuple[str, Query]]) -> dict[str, list[Match]]:
    """Screen every parsed query."""
    return {key: screen(loaded, options, schema, query) for key, (schema, query) in queries.items()}


def match_response(
    loaded: Loaded, options: MatchOptions, examples: Mapping[str, Mapping[str, Any]], results: Mapping[str, list[Match]]
) -> dict[str, Any]:
    """The yente ``/match`` response body."""
    responses = {}
    for key, matches in results.items():
        example = examples[key]
        responses[key] = {
            "status": 200,
            "results": [scored_entity(loaded.entity_json(m.entity), m) for m in matches],
            "total": {"value": len(matches), "relation": "eq"},
            "query": {"id": example.get("id"), "schema": example.get("schema"), "properties": example.get("properties") or {}},
        }
    return {"responses": responses, "limit": options.limit}


def compact(match: Match) -> dict[str, Any]:
    """A candidate as the audit log keeps it."""
    return {
        "id": match.entity.id,
        "caption": match.entity.caption,
        "dataset": match.entity.source,
        "score": round(match.score, 4),
        "match": match.match,
        "explanations": {k: explanation_dict(e) for k, e in match.explanations.items()},
    }


def match_audit(
    loaded: Loaded,
    options: MatchOptions,
    examples: Mapping[str, Mapping[str, Any]],
    results: Mapping[str, list[Match]],
    request: Mapping[str, Any],
) -> dict[str, Any]:
    """The audit record of a ``/match`` request: input, list versions, options, every candidate."""
    return {
        "request": dict(request),
        "options": options.to_dict(),
        "algorithm": algorithm_record(),
        "lists": loaded.lists_record(),
        "queries": {
            key: {"input": dict(examples[key]), "results": [compact(m) for m in matches], "matched": any(m.match for m in matches)}
            for key, matches in results.items()
        },
    }
