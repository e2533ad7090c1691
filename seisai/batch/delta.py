"""Delta re-screening: after a list update, re-screen only what the update can have changed.

A full run against the new lists and a delta run give the same hits on the entities that
were added or whose screening data changed (``new`` and ``changed`` rows of the output);
the delta also reports ``delisted`` hits (the row was a hit on an entity no longer listed)
and ``cleared`` ones (the entity's change removed the match). How (docs/batch.md has more):

1. :func:`~seisai.batch.changes.collect_changes` sorts the update's entities: added,
   removed, changed in names (added or removed)/identifiers/schema, changed in facts only, or unchanged for
   screening.
2. Candidate rows: added and name-changed entities are looked up in the book's key cache
   (:class:`~seisai.batch.probe.KeyProbe`): only rows sharing a key can be candidates. For
   fact-changed entities the previous run's ``near`` cache says which rows they were scored
   for and how high; a row is re-checked only if that score plus the most the changed facts
   can add (plus :data:`seisai.batch.plan.DRIFT_MARGIN`) reaches the threshold. Rows the previous run hit on a
   changed entity are re-checked too (to tell ``changed`` from ``cleared``).
3. The candidate rows, a small share of the book, are screened in full against the new
   lists (the same matcher, hence the same scores as a full run); hits on added or changed
   entities are kept.

With ``--since RUN`` the book's keys, the near cache and the previous hits come from that
run (no name of the book is analysed again). With a date or pins there is no previous run:
the book's keys are computed once more, fact-changed entities are looked up like added
ones, and the old hits come from screening the candidate rows against the old versions.
"""

from __future__ import annotations

import pickle
from datetime import UTC, datetime
from time import perf_counter
from typing import Any

from seisai.batch.changes import Changes, collect_changes
from seisai.batch.checkpoint import RunDir, atomic_write
from seisai.batch.engine import Engine, Job
from seisai.batch.grouping import partitions_by_name
from seisai.batch.mapping import ColumnMapping
from seisai.batch.plan import PlanContext
from seisai.batch.probe import KeyProbe
from seisai.batch.readers import Book, fingerprint
from seisai.batch.run import (
    BatchSpec,
    Progress,
    RunSummary,
    current_pins,
    ensure_matcher,
    open_book,
    partitions,
)
from seisai.batch.screen import PartitionResult
from seisai.batch.since import Since, resolve_since
from seisai.batch.writers import DELTA_COLUMN, Record, TableWriter, output_columns
from seisai.matching import scoring_config

COVERAGE_MARGIN = 0.1  # how far a name's coverage may move when the lists' statistics (rarities) change
ORDER = {"new": 0, "changed": 1, "cleared": 2, "delisted": 3}


class _Plan:
    """Rows to re-check against the new and the old lists, and what the previous run hit."""

    def __init__(self) -> None:
        self.new_rows: set[int] = set()
        self.old_rows: set[int] = set()
        self.previous: dict[tuple[int, str], Record] = {}


def run_delta(store: Any, spec: BatchSpec, since_text: str, engine: Engine, progress: Progress | None = None) -> RunSummary:
    """Re-screen the book against what changed since ``since_text`` (see the module doc)."""
    started = perf_counter()
    book, mapping = open_book(spec)
    sha = fingerprint(spec.input)
    new_pins = current_pins(store, spec.options.datasets)
    since = resolve_since(store, since_text, new_pins)
    base = _base_run(since, sha)
    run = RunDir(spec.run_path())
    manifest = {
        "kind": "delta", "input": str(spec.input.resolve()), "input_sha256": sha, "mapping": mapping.describe(),
        "options": spec.options.to_dict(), "pins": new_pins, "partition_rows": spec.partition_rows,
        "since": since.to_dict(), "base": str(base.path) if base else None, "header": book.header,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }  # fmt: skip
    run.start(manifest, fresh=True)
    if progress:
        progress("comparing list versions", 0, 1)
    phases: dict[str, float] = {}
    mark = perf_counter()
    changes = collect_changes(store, since.pins, new_pins)
    phases["compare versions"], mark = perf_counter() - mark, perf_counter()
    summary = RunSummary(engine=engine.name, workers=engine.workers, run_dir=str(run.path), pins=new_pins)
    summary.extra = {"since": since.to_dict(), "changes": changes.counts(), "base_run": str(base.path) if base else None}
    plan = _plan_from_run(base, changes, spec, engine, run) if base else _plan_by_keys(store, book, mapping, spec, changes, engine, run, new_pins)
    phases["select rows"], mark = perf_counter() - mark, perf_counter()
    keep_new = frozenset(changes.added) | frozenset(changes.changed_ids)
    if plan.new_rows and keep_new:
        # the new index takes the analyses of the names the old one holds (most of them)
        ensure_matcher(store, run.path / "matcher-new.pickle", new_pins, reuse=since.pins)
    phases["index"], mark = perf_counter() - mark, perf_counter()
    stages: dict[str, float] = {}
    skipped: dict[str, int] = {}
    new_hits = _rescreen(store, book, mapping, spec, run, engine, plan.new_rows, new_pins, keep_new, "new", stages, skipped)
    phases["re-screen"], mark = perf_counter() - mark, perf_counter()
    if base is None and plan.old_rows:
        keep_old = frozenset(changes.removed) | frozenset(changes.changed_ids)
        for hit in _rescreen(store, book, mapping, spec, run, engine, plan.old_rows, since.pins, keep_old, "old", stages, skipped):
            plan.previous[(int(hit["hit_row"]), str(hit["hit_entity_id"]))] = hit
    records = _label(new_hits, plan.previous, changes)
    _write(spec, book.header, records, summary)
    phases["write"] = perf_counter() - mark
    summary.extra["phase_seconds"] = {k: round(v, 1) for k, v in phases.items()}
    summary.stage_seconds = stages
    summary.rows = _count_rows(base, book)
    summary.extra["rescreened_rows"] = len(plan.new_rows)
    summary.extra["rows_skipped_by_name"] = skipped.get("new", 0)
    summary.extra["rescreened_rows_old_lists"] = len(plan.old_rows)
    summary.seconds = perf_counter() - started
    run.write_manifest({**manifest, "finished": datetime.now(UTC).isoformat(timespec="seconds"), "summary": summary.to_dict()})
    return summary


def _base_run(since: Since, sha: str) -> RunDir | None:
    """The previous full run over the same book, whose caches the delta can use."""
    if since.run is None or since.manifest is None:
        return None
    if since.manifest.get("kind") == "full" and since.manifest.get("input_sha256") == sha:
        return since.run
    return None


def _plan_from_run(base: RunDir, changes: Changes, spec: BatchSpec, engine: Engine, run: RunDir) -> _Plan:
    """The rows to re-screen, decided on the engine partition by partition (:mod:`seisai.batch.plan`)."""
    plan = _Plan()
    ctx = PlanContext(
        probe=KeyProbe([*changes.added.values(), *changes.names.values()]),
        facts_probe=KeyProbe(changes.facts_new.values()),
        facts=dict(changes.facts),
        threshold=spec.options.threshold,
        coverage=_min_coverage(),
        removed=frozenset(changes.removed),
        old_changed=frozenset(changes.old_changed),
    )
    path = run.path / "plan.pickle"
    run.path.mkdir(parents=True, exist_ok=True)
    atomic_write(path, pickle.dumps(ctx, protocol=pickle.HIGHEST_PROTOCOL))
    mapping = ColumnMapping({})
    jobs = (Job(i, [], str(path), mapping, spec.options, plan_part=base.raw(i)) for i in sorted(base.done()))
    for part in engine.map(jobs):
        plan.new_rows |= part.selected
        for hit in part.hits:
            plan.previous[(int(hit["hit_row"]), str(hit["hit_entity_id"]))] = hit
    path.unlink()
    return plan


def _min_coverage() -> float:
    return max(0.0, scoring_config().min_coverage - COVERAGE_MARGIN)


def _plan_by_keys(
    store: Any, book: Book, mapping: ColumnMapping, spec: BatchSpec, changes: Changes, engine: Engine, run: RunDir,
    pins: dict[str, int],
) -> _Plan:  # fmt: skip
    plan = _Plan()
    probe_new = KeyProbe([*changes.added.values(), *changes.names.values(), *changes.facts_new.values()])
    probe_old = KeyProbe([*changes.removed.values(), *changes.old_changed.values()])
    path = run.path / "matcher-new.pickle"  # the book's parts are weighted by the new lists' statistics
    ensure_matcher(store, path, pins)
    coverage = _min_coverage()
    jobs = (Job(i, rows, str(path), mapping, spec.options, keys_only=True) for i, rows in partitions(book.rows(), spec.partition_rows))
    for part in engine.map(jobs):
        plan.new_rows |= probe_new.rows(part, coverage)
        plan.old_rows |= probe_old.rows(part, coverage)
    return plan


def _rescreen(
    store: Any, book: Book, mapping: ColumnMapping, spec: BatchSpec, run: RunDir, engine: Engine,
    rows: set[int], pins: dict[str, int], keep: frozenset[str], label: str, stages: dict[str, float],
    skipped: dict[str, int],
) -> list[Record]:  # fmt: skip
    """Screen the rows numbered ``rows`` against ``pins``; hits on ``keep`` only. The workers'
    seconds by stage are added to ``stages``, and to ``skipped[label]`` the rows left unmapped
    because an earlier row of their name reached no entity of ``keep``."""
    if not rows or not keep:
        return []
    path = run.path / f"matcher-{label}.pickle"
    ensure_matcher(store, path, pins)
    wanted = (r for r in book.rows() if r.number in rows)
    # every row of a name goes to the same worker: each distinct name is analysed and scored once
    parts = partitions_by_name(wanted, mapping, engine.workers, spec.partition_rows)
    jobs = (Job(i, chunk, str(path), mapping, spec.options, keep=keep, caches=False, affinity=shard) for i, shard, chunk in parts)
    results: list[PartitionResult] = sorted(engine.map(jobs), key=lambda r: r.index)
    for result in results:
        for stage, seconds in result.seconds.items():
            stages[stage] = stages.get(stage, 0.0) + seconds
        skipped[label] = skipped.get(label, 0) + result.unreached
    return [hit for result in results for hit in result.hits]


def _label(new_hits: list[Record], previous: dict[tuple[int, str], Record], changes: Changes) -> list[Record]:
    records: list[Record] = []
    found: set[tuple[int, str]] = set()
    for hit in new_hits:
        key = (int(hit["hit_row"]), str(hit["hit_entity_id"]))
        found.add(key)
        status = "changed" if key[1] not in changes.added and key in previous else "new"
        records.append({**hit, DELTA_COLUMN: status})
    for key, hit in previous.items():
        if key[1] in changes.removed:
            records.append({**hit, DELTA_COLUMN: "delisted"})
        elif key[1] in changes.old_changed and key not in found:
            records.append({**hit, DELTA_COLUMN: "cleared"})
    records.sort(key=lambda r: (int(r["hit_row"]), ORDER[str(r[DELTA_COLUMN])], -float(r["hit_score"]), str(r["hit_entity_id"])))
    return records


def _write(spec: BatchSpec, header: list[str], records: list[Record], summary: RunSummary) -> None:
    with TableWriter(spec.output, output_columns(header, delta=True), spec.output_format) as out:
        out.write_all(records)
    summary.hits = sum(1 for r in records if r[DELTA_COLUMN] in ("new", "changed"))
    summary.rows_with_hits = len({int(r["hit_row"]) for r in records if r[DELTA_COLUMN] in ("new", "changed")})
    for r in records:
        status = str(r[DELTA_COLUMN])
        summary.by_dataset[status] = summary.by_dataset.get(status, 0) + 1
    summary.output = str(spec.output)


def _count_rows(base: RunDir | None, book: Book) -> int:
    if base is not None:
        manifest = base.manifest() or {}
        return int(manifest.get("summary", {}).get("rows", 0))
    return sum(1 for _ in book.rows())
