"""Scenario files run as tests: every measure before and on its effective date, each
exemption, and each threshold just under and just over (see ``scenarios.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from seisai.rules.engine import Engine
from seisai.rules.loader import default_book
from seisai.rules.spec import Condition, Threshold
from tests.rules.scenarios import CaseScreener, Check, load_checks

BOOK = default_book()
CHECKS = load_checks(BOOK)
_ENGINES: dict[int, Engine] = {}


def _engine(entities: list[dict[str, Any]]) -> Engine:
    key = id(entities)
    if key not in _ENGINES:
        _ENGINES[key] = Engine(BOOK, CaseScreener(entities))
    return _ENGINES[key]


@pytest.mark.parametrize(("check", "entities"), CHECKS, ids=[f"{c.file}:{c.id}" for c, _ in CHECKS])
def test_scenario(check: Check, entities: list[dict[str, Any]]) -> None:
    decision = _engine(entities).check(check.tx, as_of=check.as_of, jurisdictions=check.jurisdictions)
    reasons = {r.measure_id: r for r in decision.reasons if r.measure_id}
    summary = [(r.measure_id, r.outcome.value, r.detail, r.exemption) for r in decision.reasons]
    for measure in check.cites:
        assert measure in reasons, summary
    for measure in check.not_cites:
        assert measure not in reasons, summary
    for measure, outcome in check.outcome.items():
        assert reasons[measure].outcome.value == outcome, summary
    for measure, exemption in check.exemption.items():
        assert (reasons[measure].exemption or "").startswith(exemption + ":"), summary
    assert decision.decision.value == check.decision, summary
    for code, expected in check.by_jurisdiction.items():
        assert decision.by_jurisdiction[code].value == expected, summary


def _thresholds(cond: Condition) -> set[str]:
    """The distinct thresholds of a condition (a YAML anchor may repeat one in two branches)."""
    found: set[str] = set()
    for goods in cond.goods:
        for name in ("unit_value_jpy", "carat", "engine_cc"):
            value = getattr(goods, name)
            if isinstance(value, Threshold):
                found.add(f"{goods.label}.{name}{value.describe()}")
    for block in (cond.oil, cond.investment, cond.security):
        if block is None:
            continue
        for name in type(block).model_fields:
            value = getattr(block, name)
            if isinstance(value, Threshold):
                found.add(f"{block!r}.{name}")
    for sub in cond.any:
        found |= _thresholds(sub)
    return found


def test_every_measure_has_a_boundary_case() -> None:
    covered = {c.measure for c, _ in CHECKS if c.kind == "on"}
    missing = sorted(set(BOOK.by_id) - covered)
    assert missing == [], f"measures without a before/on scenario: {missing}"


def test_every_exemption_has_a_case() -> None:
    covered = {(m, e) for c, _ in CHECKS for m, e in c.exemption.items()}
    wanted = {(m.id, ex.id) for m in BOOK.measures() for ex in m.unless}
    assert sorted(wanted - covered) == []


def test_every_threshold_has_cases_either_side() -> None:
    hits = [c.measure for c, _ in CHECKS if c.kind == "threshold-hit"]
    for m in BOOK.measures():
        wanted = len(_thresholds(m.when))
        assert hits.count(m.id) >= wanted, f"{m.id}: {wanted} thresholds, {hits.count(m.id)} threshold cases"
