"""Which rows must a delta re-screen? Decided partition by partition, in the workers.

A delta after a full run reads that run's caches (:mod:`seisai.batch.screen`) and keeps the
rows an update can have changed (the rules are in :mod:`seisai.batch.delta`). Reading the
caches is most of that work (a million rows are hundreds of megabytes of pickled caches), so
it runs on the engine like screening: the driver hands each worker a partition's checkpoint
as bytes and a :class:`PlanContext` (the probes and the changed facts), and gets back the
rows to re-screen and the previous hits on changed or removed entities.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass

from seisai.batch.probe import KeyProbe
from seisai.batch.screen import PartitionResult

DRIFT_MARGIN = 0.03  # how far a score may move when only the lists' statistics change


@dataclass
class PlanContext:
    """What every partition's plan needs: the probes of the added or renamed entities and of
    the fact-changed ones, the most each fact-changed entity's score can gain, the threshold
    and coverage, and the ids of removed and changed entities (for the previous hits)."""

    probe: KeyProbe
    facts_probe: KeyProbe
    facts: dict[str, float]
    threshold: float
    coverage: float
    removed: frozenset[str]
    old_changed: frozenset[str]

    @property
    def max_gain(self) -> float:
        return max(self.facts.values(), default=0.0)


_CONTEXTS: dict[str, PlanContext] = {}


def context(key: str, blob: bytes) -> PlanContext:
    """The context pickled in ``blob``, unpickled once per process."""
    found = _CONTEXTS.get(key)
    if found is None:
        loaded = pickle.loads(blob)
        if not isinstance(loaded, PlanContext):
            raise TypeError(f"{key} does not hold a delta plan context")
        _CONTEXTS.clear()
        found = _CONTEXTS[key] = loaded
    return found


def plan_partition(part: PartitionResult, ctx: PlanContext) -> PartitionResult:
    """The rows of ``part`` to re-screen (``selected``) and its hits on removed or changed
    entities (``hits``), as a :class:`PartitionResult` with the partition's index."""
    result = PartitionResult(part.index, rows=part.rows)
    selected = ctx.probe.rows(part, ctx.coverage)
    floors = {eid: ctx.threshold - DRIFT_MARGIN - gain for eid, gain in ctx.facts.items()}
    rest = {row for row, _, _ in part.names} - selected if ctx.facts_probe else set()
    scored: dict[int, set[str]] = {}
    for eid, near in part.near.items():
        floor = floors.get(eid)
        for row, score in near:
            if row in rest:
                scored.setdefault(row, set()).add(eid)
            # a fact-changed entity gains at most its qualifiers: a score that could reach
            # the threshold with them is re-checked
            if floor is not None and score >= floor:
                selected.add(row)
    if ctx.facts_probe:
        # a fact-changed entity the previous run did not score for a row may be scored now
        # (other candidates left or fell, rarities moved): such rows are looked up like added
        # ones, the entities the previous run scored for the row left out
        frozen = {row: frozenset(eids) for row, eids in scored.items()}
        selected |= ctx.facts_probe.rows(part, ctx.coverage, skip=frozen, among=rest)
    if ctx.facts:
        floor = ctx.threshold - DRIFT_MARGIN - ctx.max_gain
        selected.update(r for r, last in part.cut.items() if last >= floor)
    for hit in part.hits:
        eid, row = str(hit["hit_entity_id"]), int(hit["hit_row"])
        if eid in ctx.removed or eid in ctx.old_changed:
            result.hits.append(hit)
            if eid in ctx.old_changed:
                selected.add(row)
    result.selected = selected
    return result
