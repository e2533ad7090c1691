"""Scenario files (``tests/rules/cases/*.yml``): transactions and the decisions expected.

A file lists the list entries its cases need (``entities``: the fake screener returns them
when a party has exactly their name) and its ``cases``. A case names a ``measure`` and a
transaction ``tx`` (merged over the file's ``defaults``), then one of:

- ``boundary: true`` — two checks: the day before the measure takes effect (or before ``day``) the
  measure is not cited, those in ``cites_before`` are, and the decision is ``before``
  (default ``allowed``); on the day it is cited and the decision is ``expect``;
- ``threshold: {path, miss, hit}`` — two checks at ``as_of``, one on each side of a
  threshold: with the value at ``path`` set to ``miss`` the measure is not cited (decision
  ``expect_miss``, default ``allowed``), set to ``hit`` it is (decision ``expect``);
- otherwise one check at ``as_of``: decision ``expect``, measures in ``cites`` cited (the
  case's ``measure`` by default unless ``cited: false``), ``not_cites`` absent, and with
  ``exemption`` the measure's reason shows that exemption.

``outcome`` is the outcome expected on the measure's reason (default: its own, or its
exemption's); ``by_jurisdiction`` the decision expected under each jurisdiction.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from seisai.model import Sanction
from seisai.rules.loader import MeasureBook
from seisai.rules.screening import PartyHit
from seisai.rules.transaction import Party

CASES_DIR = Path(__file__).parent / "cases"


@dataclass
class CaseScreener:
    """Returns the file's entities whose name (or alias) is exactly the party's name."""

    entities: list[dict[str, Any]]
    by_name: dict[str, list[PartyHit]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for spec in self.entities:
            hit = PartyHit(
                entity_id=spec["id"],
                source=spec["source"],
                caption=spec["name"],
                score=0.6 if spec.get("weak") else 0.95,
                match=not spec.get("weak"),
                sanctions=tuple(
                    Sanction(
                        programme=str(spec.get("programme", "")),
                        listed_on=_date(spec.get("listed_on")),
                        concerns=tuple(spec.get("concerns", ())),
                    )
                    for _ in [0]
                ),
                entry=spec.get("entry"),
            )
            for name in [spec["name"], *spec.get("aliases", [])]:
                self.by_name.setdefault(name.casefold(), []).append(hit)

    def screen(self, party: Party) -> Sequence[PartyHit]:
        return self.by_name.get(party.name.casefold(), [])

    def list_versions(self) -> dict[str, str]:
        return {"test": "cases"}


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@dataclass
class Check:
    """One evaluation to run and what it must give."""

    id: str
    file: str
    tx: dict[str, Any]
    as_of: date
    jurisdictions: list[str] | None
    decision: str
    cites: list[str]
    not_cites: list[str]
    outcome: dict[str, str]
    exemption: dict[str, str]
    kind: str
    measure: str | None
    by_jurisdiction: dict[str, str] = field(default_factory=dict)


def _set_path(data: dict[str, Any], path: str, value: Any) -> None:
    parts = [p for p in re.split(r"\.|\[(\d+)\]", path) if p]
    node: Any = data
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    last = parts[-1]
    if last.isdigit():
        node[int(last)] = value
    else:
        node[last] = value


def _merge(defaults: dict[str, Any], tx: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(defaults)
    out.update(copy.deepcopy(tx))
    return out


def _base(case: dict[str, Any], book: MeasureBook, file: str, defaults: dict[str, Any]) -> dict[str, Any]:
    measure = case.get("measure")
    if measure is not None and measure not in book.by_id:
        raise ValueError(f"{file}: case {case.get('name')!r} names unknown measure {measure}")
    return {
        "file": file,
        "tx": _merge(defaults.get("tx", {}), case.get("tx", {})),
        "jurisdictions": case.get("jurisdictions", defaults.get("jurisdictions")),
        "measure": measure,
        "not_cites": list(case.get("not_cites", [])),
        "by_jurisdiction": dict(case.get("by_jurisdiction", {})),
    }


def _outcome(case: dict[str, Any], book: MeasureBook) -> dict[str, str]:
    measure = case.get("measure")
    if measure is None or not case.get("cited", True):
        return {}
    if "outcome" in case:
        return {measure: case["outcome"]}
    m = book.by_id[measure]
    if "exemption" in case:
        ex = next(e for e in m.unless if e.id == case["exemption"])
        return {measure: ex.outcome.value}
    return {measure: m.outcome.value}


def expand(case: dict[str, Any], book: MeasureBook, file: str, defaults: dict[str, Any]) -> Iterator[Check]:
    """The checks one case stands for."""
    base = _base(case, book, file, defaults)
    measure = base["measure"]
    name = case.get("name", measure)
    cites = list(case.get("cites", [measure] if measure and case.get("cited", True) else []))
    if case.get("boundary"):
        on = _date(case.get("day")) or book.by_id[measure].effective
        yield Check(f"{name} [day before {on}]", as_of=on - timedelta(days=1), decision=case.get("before", "allowed"),
                    cites=list(case.get("cites_before", [])), outcome={}, exemption={}, kind="before",
                    **{**base, "not_cites": [measure], "by_jurisdiction": {}})
        yield Check(f"{name} [on {on}]", as_of=on, decision=case["expect"], cites=cites,
                    outcome=_outcome(case, book), exemption={}, kind="on", **base)
        return
    as_of = _date(case.get("as_of")) or _date(base["tx"].get("date"))
    assert as_of is not None, f"{file}: case {name!r} needs as_of or tx.date"
    if "threshold" in case:
        spec = case["threshold"]
        miss, hit = copy.deepcopy(base), copy.deepcopy(base)
        _set_path(miss["tx"], spec["path"], spec["miss"])
        _set_path(hit["tx"], spec["path"], spec["hit"])
        yield Check(f"{name} [{spec['path']}={spec['miss']}]", as_of=as_of, decision=case.get("expect_miss", "allowed"),
                    cites=list(case.get("cites_miss", [])), outcome={}, exemption={}, kind="threshold-miss",
                    **{**miss, "not_cites": [*miss["not_cites"], measure], "by_jurisdiction": {}})
        yield Check(f"{name} [{spec['path']}={spec['hit']}]", as_of=as_of, decision=case["expect"], cites=cites,
                    outcome=_outcome(case, book), exemption={}, kind="threshold-hit", **hit)
        return
    exemption = {measure: case["exemption"]} if "exemption" in case else {}
    yield Check(str(name), as_of=as_of, decision=case["expect"], cites=cites, outcome=_outcome(case, book),
                exemption=exemption, kind="exempt" if exemption else "single", **base)


def load_checks(book: MeasureBook) -> list[tuple[Check, list[dict[str, Any]]]]:
    """Every check of every scenario file, with the entities of its file."""
    out = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        entities = data.get("entities", [])
        defaults = data.get("defaults", {})
        for case in data["cases"]:
            for check in expand(case, book, path.name, defaults):
                out.append((check, entities))
    return out
