"""Screen one partition of a book: rows in, hits, rejects and the delta caches out.

:func:`screen_partition` is pure: given the rows, a matcher and the options it returns a
:class:`PartitionResult` and touches nothing else, so any engine (a local process pool, a
Dask worker) can run it and the driver can checkpoint what it returns.

Besides the hits it returns two small caches that make a later delta re-screen cheap:

- ``tokens`` and ``names``: the book's side of the name index. ``tokens`` holds the lookup
  keys of every distinct name part of the partition (phonetic keys; consonant skeletons
  under ``#`` and ``~``; identifiers under ``@``); ``names`` holds, for every name of every
  row, its query weight and the rarity-weighted weight of each of its parts, as the matcher's
  candidate generation counts them. A delta run finds the rows a changed entity can reach
  from these, and how much of a row's name the entity can cover at most, without analysing
  a million names again (:class:`seisai.batch.probe.KeyProbe`).
- ``near``: for every entity the matcher scored for a row, that row and the score (down to
  0, not only the hits), and for rows whose result list was cut at ``limit`` the lowest
  score kept. A delta run uses them for entities whose names did not change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from time import perf_counter, process_time
from typing import Any

from seisai.batch.mapping import ColumnMapping
from seisai.batch.readers import InputRow
from seisai.batch.writers import Record
from seisai.exc import QueryError
from seisai.matching import Match, Matcher, Query
from seisai.matching.features import normalize_identifier
from seisai.matching.index import analyze_cached
from seisai.model import Schema
from seisai.names.analyze import Token
from seisai.text.phonetic import skeleton

NameEntry = tuple[int, float, tuple[tuple[int, float], ...]]  # row, query weight, (token id, weight)


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
    tokens: list[tuple[str, ...]] = field(default_factory=list)
    names: list[NameEntry] = field(default_factory=list)
    near: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    cut: dict[int, float] = field(default_factory=dict)
    selected: set[int] = field(default_factory=set)  # a delta plan's rows to re-screen (plan.py)
    unreached: int = 0  # a delta re-screen's rows skipped: their name reaches no kept entity
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


_analyze = analyze_cached  # the matcher analyses the same names when it screens the row


def token_keys(token: Token) -> tuple[str, ...]:
    """The lookup keys of a book name part, as :class:`seisai.batch.probe.KeyProbe` meets them.

    Latin spellings keep their phonetic keys (met exactly or one deletion apart) and add their
    consonant skeletons under ``#`` (met by listed names in Arabic script); a part in Arabic
    script gives its skeletons under ``~`` (met by the skeletons of listed Latin spellings) and
    ``#`` (listed names in Arabic script).
    """
    if token.abjad:
        return tuple(dict.fromkeys([*("~" + k for k in token.keys), *("#" + k for k in token.keys)]))
    return tuple(dict.fromkeys([*token.keys, *("#" + skeleton(f) for f in token.forms)]))


class BookTokens:
    """Collects the ``tokens`` and ``names`` caches of a partition (see the module doc)."""

    def __init__(self, result: PartitionResult, matcher: Matcher) -> None:
        self.result = result
        self.matcher = matcher
        self.ids: dict[tuple[str, ...], int] = {}

    def _id(self, keys: tuple[str, ...]) -> int:
        found = self.ids.get(keys)
        if found is None:
            found = self.ids[keys] = len(self.result.tokens)
            self.result.tokens.append(keys)
        return found

    def add(self, number: int, query: Query) -> None:
        """Record the names (and identifiers) of row ``number``.

        The query weight and the part weights are those of the matcher's candidate generation
        (rarity times weight; every reading of a name counts, the weight is the best reading's),
        so a delta can bound the share of the name a listed entity can cover.
        """
        schema = query.schema or Schema.LEGAL_ENTITY
        index, cfg = self.matcher.index, self.matcher.config
        for name in query.names:
            analyzed = _analyze(name, schema)
            parts: list[tuple[int, float]] = []
            best = 0.0
            for reading in analyzed.readings():
                total = 0.0
                for token in reading.tokens:
                    if token.weight > 0:
                        weight = index.rarity(token, cfg) * token.weight
                        parts.append((self._id(token_keys(token)), weight))
                        total += weight
                best = max(best, total)
            if parts:
                self.result.names.append((number, best, tuple(parts)))
        idents = tuple(dict.fromkeys("@" + normalize_identifier(i) for i in query.identifiers))
        if idents:  # an identifier alone makes a candidate: query weight 0 = any key met selects the row
            self.result.names.append((number, 0.0, ((self._id(idents), 1.0),)))


def screen_partition(
    index: int,
    rows: Iterable[InputRow],
    matcher: Matcher,
    mapping: ColumnMapping,
    options: ScreenOptions,
    *,
    keep: frozenset[str] | None = None,
    caches: bool = True,
    unreached: set[str] | None = None,
) -> PartitionResult:
    """Screen ``rows``; hits reach ``options.threshold``; ``keep`` limits hits to those entity ids.

    Rows that cannot be read or turned into a query are rejected with the reason; nothing is
    dropped silently. ``caches`` false skips the delta caches (a delta run's own re-screens).

    ``unreached`` (a delta's re-screen, with ``keep``): the name keys
    (:meth:`ColumnMapping.name_key`) of names none of whose candidates is kept, filled as
    rows are screened and shared by the jobs of a process. A later row with such a name and
    no identifier cannot hit a kept entity, whatever its dates and countries: it is counted
    and not even mapped (a delta re-screens rows for hits only; the full run reported the
    rows' problems).
    """
    result = PartitionResult(index)
    timer = {"map": 0.0, "screen": 0.0, "keys": 0.0}
    cpu = process_time()
    book = BookTokens(result, matcher)
    datasets = set(options.datasets) if options.datasets else None
    for row in rows:
        result.rows += 1
        start = perf_counter()
        if row.values is None:
            result.rejects.append(reject_record(row, row.problem or "unreadable row"))
            continue
        name_key = None
        if unreached is not None and keep is not None and not mapping.values(row.values, "identifier"):
            name_key = mapping.name_key(row.values)
            if name_key in unreached:
                result.unreached += 1
                timer["map"] += perf_counter() - start
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
        # a full run keeps every score (down to 0) for its delta caches; a delta's re-screen
        # (``keep``, no caches) wants the hits on the kept entities only, which the matcher
        # gives exactly as a full screen does while scoring little else
        if caches:
            matches = matcher.screen(query, threshold=0.0, limit=options.limit, datasets=datasets)
        elif unreached is not None and keep is not None and name_key is not None and not matcher.reaches(
            query, keep, limit=options.limit, datasets=datasets
        ):
            unreached.add(name_key)  # (a name key is taken only for rows without identifiers)
            matches = []
        else:
            matches = matcher.screen(query, threshold=options.threshold, limit=options.limit, datasets=datasets, only=keep)
        screened = perf_counter()
        for match in matches:
            if match.score >= options.threshold and (keep is None or match.entity.id in keep):
                result.hits.append(hit_record(row, match))
        if caches:
            book.add(row.number, query)
            _near(result, row.number, matches, options.limit)
        timer["map"] += mapped - start
        timer["screen"] += screened - mapped
        timer["keys"] += perf_counter() - screened
    timer["cpu"] = process_time() - cpu  # CPU of this process: the figure that does not depend on the load
    result.seconds = timer
    return result


def key_partition(index: int, rows: Iterable[InputRow], matcher: Matcher, mapping: ColumnMapping) -> PartitionResult:
    """Only the ``tokens`` and ``names`` caches of a partition (no screening), weighted by
    ``matcher``'s statistics: for a delta without a previous run."""
    result = PartitionResult(index)
    book = BookTokens(result, matcher)
    for row in rows:
        result.rows += 1
        if row.values is None:
            continue
        try:
            query, _ = mapping.query(row.values)
        except QueryError:
            continue
        book.add(row.number, query)
    return result


def _near(result: PartitionResult, number: int, matches: list[Match], limit: int) -> None:
    for match in matches:
        result.near.setdefault(match.entity.id, []).append((number, match.score))
    if len(matches) >= limit:
        result.cut[number] = matches[-1].score
