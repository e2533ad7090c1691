"""Replay an audited screening, search or check against the list versions it used.

The record names every list version (id and content hash), the options and the input; the
replay builds a matcher over exactly those versions and runs the same code as the server.
With the same software the results are the same; when the scoring table, the software or
the measures changed since, the report says so next to any difference.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from seisai import __version__
from seisai.api.checks import engine_for, run_checks
from seisai.api.datasets import Catalog, default_catalog
from seisai.api.loaded import Loaded
from seisai.api.screening import (
    MatchOptions,
    compact,
    parse_queries,
    run_match,
    scoring_fingerprint,
)
from seisai.api.search import SearchOptions, run_search
from seisai.exc import InputError, NotFoundError
from seisai.store import Store
from seisai.store.audit import AuditRecord


@dataclass
class ReplayItem:
    """One query (or transaction) of the record: what was recorded and what the replay gave."""

    key: str
    recorded: Any
    replayed: Any

    @property
    def same(self) -> bool:
        return bool(self.recorded == self.replayed)


@dataclass
class ReplayReport:
    """The outcome of a replay; ``same`` when every item gave what was recorded."""

    seq: int
    kind: str
    recorded_at: str
    actor: str
    lists: dict[str, Any]
    items: list[ReplayItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return all(item.same for item in self.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.seq, "kind": self.kind, "recorded_at": self.recorded_at, "actor": self.actor,
            "lists": self.lists, "same": self.same, "notes": self.notes,
            "items": [{"key": i.key, "same": i.same, "recorded": i.recorded, "replayed": i.replayed} for i in self.items],
        }  # fmt: skip


def _pins(store: Store, lists: Mapping[str, Any], notes: list[str]) -> dict[str, int]:
    pins: dict[str, int] = {}
    for source, info in lists.items():
        try:
            version = store.version(int(info["version"]))
        except NotFoundError:
            raise NotFoundError(f"{source} version {info['version']} used by this record is no longer in the store") from None
        if version.sha256 != info.get("sha256"):
            notes.append(f"{source} v{version.id}: the stored files' hash differs from the one recorded")
        pins[source] = version.id
    return pins


def _plain(data: Any) -> Any:
    """``data`` as it reads back from JSON (tuples become lists, dates strings)."""
    return json.loads(json.dumps(data, default=str))


def _scored(results: list[dict[str, Any]]) -> list[list[Any]]:
    return [[r["id"], r["score"], r["match"]] for r in results]


def _replay_match(loaded: Loaded, body: Mapping[str, Any], report: ReplayReport) -> None:
    options = MatchOptions.from_dict(body["options"])
    examples = {key: q["input"] for key, q in body["queries"].items()}
    results = run_match(loaded, options, parse_queries(examples))
    for key, query in body["queries"].items():
        replayed = _plain(_scored([compact(m) for m in results[key]]))
        report.items.append(ReplayItem(key, _scored(query["results"]), replayed))


def _replay_search(loaded: Loaded, body: Mapping[str, Any], report: ReplayReport) -> None:
    result = run_search(loaded, SearchOptions.from_dict(body["options"]))
    replayed = {"total": result.total, "results": [e.id for e in result.entities]}
    report.items.append(ReplayItem("search", {"total": body["total"], "results": body["results"]}, replayed))


def _replay_check(loaded: Loaded, body: Mapping[str, Any], report: ReplayReport) -> None:
    engine = engine_for(loaded)
    if engine.book.version() != body.get("measures_version"):
        report.notes.append(f"the measures changed since: recorded {body.get('measures_version')}, now {engine.book.version()}")
    jurisdictions = body["options"].get("jurisdictions")
    for i, item in enumerate(body["transactions"]):
        recorded = item["decision"]
        as_of = date.fromisoformat(recorded["as_of"])  # "today" of the original run, for undated transactions
        [decision] = run_checks(engine, [item["input"]], as_of, jurisdictions)
        report.items.append(ReplayItem(str(recorded.get("id") or i), recorded, _plain(decision.to_dict())))


REPLAYERS = {"match": _replay_match, "search": _replay_search, "check": _replay_check}


def replay(store: Store, record: AuditRecord, catalog: Catalog | None = None) -> ReplayReport:
    """Re-run ``record`` against the list versions it used (see the module docstring)."""
    body = record.body
    runner = REPLAYERS.get(record.kind)
    if runner is None:
        raise InputError(f"audit record {record.seq}: records of kind {record.kind!r} cannot be replayed")
    report = ReplayReport(record.seq, record.kind, record.recorded_at, record.actor, dict(body["lists"]))
    algorithm = body.get("algorithm") or {}
    if algorithm.get("scoring") != scoring_fingerprint():
        report.notes.append(f"the scoring table changed since: recorded {algorithm.get('scoring')}, now {scoring_fingerprint()}")
    if algorithm.get("software") != f"seisai {__version__}":
        report.notes.append(f"recorded with {algorithm.get('software')}, replayed with seisai {__version__}")
    loaded = Loaded.pinned(store, catalog or default_catalog(), _pins(store, body["lists"], report.notes))
    runner(loaded, body, report)
    return report
