"""Screen one partition of a book: rows in, hits, rejects and the delta caches out.

:func:`screen_partition` is pure: given the rows, a matcher and the options it returns a
:class:`PartitionResult` and touches nothing else, so any engine (a local process pool, a
Dask worker) can run it and the driver can checkpoint what it returns.

Besides the hits it returns two small caches that make a later delta re-screen cheap:

- ``keys``: the book's side of the name index: every phonetic key (and consonant skeleton)
  of every name of the partition, with the rows that have it. A delta run looks the changed
  entities' keys up here instead of analysing a million names again.
- ``near``: for every entity the matcher scored for a row, that row and the score (down to
  0, not only the hits), and for rows whose result list was cut at ``limit`` the lowest
  score kept. A delta run uses them for entities whose names did not change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from time import perf_counter
from typing import Any

from seisai.batch.mapping import ColumnMapping
from seisai.batch.readers import InputRow
from seisai.batch.writers import Record
from seisai.exc import QueryError
from seisai.matching import Match, Matcher, Query
from seisai.matching.features import normalize_identifier
from seisai.matching.index import analyze_for
from seisai.model import Schema
from seisai.text.phonetic import skeleton

ABJAD_ROWS = "\x00abjad"  # key under which rows with a name in an abjad script are posted


@dataclass(frozen=True)
class ScreenOptions:
    """What a run screens with: threshold, result limit, datasets (``None``: all)."""

    threshold: float
    limit: int = 10
    datasets: frozenset[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, for the run manifest."""
        return {"threshold": self.threshold, "limit": self.limit, "datasets": sorted(self.datasets) if self.datasets else None}


@dataclass
class PartitionResult:
    """What one partition gave: hits, rejects, delta caches and counts (see the module doc)."""

    index: int
    rows: int = 0
    hits: list[Record] = field(default_factory=list)
    rejects: list[Record] = field(default_factory=list)
    keys: dict[str, list[int]] = field(default_factory=dict)
    near: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    cut: dict[int, float] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    worker: str = ""
    rss_mb: float = 0.0


def reject_record(row: InputRow, reason: str, action: str = "rejected") -> Record:
    """A rejects-file row: number, place, what was done (rejected or screened without a
    field), the reason, and the row's values."""
    return {**(row.values or {}), "row": row.number, "place": row.where, "action": action, "reason": reason}


def hit_record(row: InputRow, match: Match) -> Record:
    """An output row: the input values, then the ``hit_*`` columns for ``match``."""
    entity = match.entity
    explanation = "; ".join(f"{k}: {e.detail} ({e.score:+.2f})" for k, e in match.explanations.items())
    return {
        **(row.values or {}),
        "hit_row": row.number,
        "hit_entity_id": entity.id,
        "hit_caption": entity.caption,
        "hit_schema": entity.schema.value,
        "hit_dataset": entity.source,
        "hit_programmes": "; ".join(entity.programmes),
        "hit_score": round(match.score, 4),
        "hit_query_name": match.query_name,
        "hit_matched_name": match.matched_name,
        "hit_explanation": explanation,
    }


def book_keys(query: Query) -> set[str]:
    """The lookup keys of a query's names, as :mod:`seisai.batch.delta` matches them."""
    schema = query.schema or Schema.LEGAL_ENTITY
    keys: set[str] = set()
    for name in query.names:
        for token in analyze_for(name, schema).tokens:
            if token.abjad:
                keys.add(ABJAD_ROWS)
                continue
            keys.update(token.keys)
            keys.update("~" + skeleton(f) for f in token.forms)
    keys.update("@" + normalize_identifier(i) for i in query.identifiers)
    return keys


def screen_partition(
    index: int,
    rows: Iterable[InputRow],
    matcher: Matcher,
    mapping: ColumnMapping,
    options: ScreenOptions,
    *,
    keep: frozenset[str] | None = None,
    caches: bool = True,
) -> PartitionResult:
    """Screen ``rows``; hits reach ``options.threshold``; ``keep`` limits hits to those entity ids.

    Rows that cannot be read or turned into a query are rejected with the reason; nothing is
    dropped silently. ``caches`` false skips the delta caches (a delta run's own re-screens).
    """
    result = PartitionResult(index)
    timer = {"map": 0.0, "screen": 0.0, "keys": 0.0}
    datasets = set(options.datasets) if options.datasets else None
    for row in rows:
        result.rows += 1
        start = perf_counter()
        if row.values is None:
            result.rejects.append(reject_record(row, row.problem or "unreadable row"))
            continue
        try:
            query, problems = mapping.query(row.values)
        except QueryError as exc:
            result.rejects.append(reject_record(row, str(exc)))
            continue
        for problem in problems:
            field_name = problem.split(":", 1)[0]
            result.rejects.append(reject_record(row, problem, f"screened without {field_name}"))
        mapped = perf_counter()
        matches = matcher.screen(query, threshold=0.0, limit=options.limit, datasets=datasets)
        screened = perf_counter()
        for match in matches:
            if match.score >= options.threshold and (keep is None or match.entity.id in keep):
                result.hits.append(hit_record(row, match))
        if caches:
            _cache(result, row.number, query, matches, options.limit)
        timer["map"] += mapped - start
        timer["screen"] += screened - mapped
        timer["keys"] += perf_counter() - screened
    result.seconds = timer
    return result


def key_partition(index: int, rows: Iterable[InputRow], mapping: ColumnMapping) -> PartitionResult:
    """Only the ``keys`` cache of a partition (no screening): for a delta without a previous run."""
    result = PartitionResult(index)
    for row in rows:
        result.rows += 1
        if row.values is None:
            continue
        try:
            query, _ = mapping.query(row.values)
        except QueryError:
            continue
        for key in book_keys(query):
            result.keys.setdefault(key, []).append(row.number)
    return result


def _cache(result: PartitionResult, number: int, query: Query, matches: list[Match], limit: int) -> None:
    for key in book_keys(query):
        result.keys.setdefault(key, []).append(number)
    for match in matches:
        result.near.setdefault(match.entity.id, []).append((number, match.score))
    if len(matches) >= limit:
        result.cut[number] = matches[-1].score
