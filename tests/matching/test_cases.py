"""Matching quality cases as data (tests/matching/cases/*.yml), run against the matcher.

``match`` cases must score at or above the default threshold and ``no_match`` cases below it;
ranking cases say which of two listed names must score higher for a query.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from seisai.matching import DEFAULT_THRESHOLD, Matcher, Query
from seisai.model import Entity, Name, Schema

CASES = Path(__file__).parent / "cases"
MATCHER = Matcher([])


def _threshold_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if not isinstance(data, dict):
            continue
        for expected, key in ((True, "match"), (False, "no_match")):
            for case in data.get(key, []):
                query, candidate, schema = (case + [None])[:3]
                params.append(pytest.param(query, candidate, schema, expected, id=f"{path.stem}:{key}:{query}~{candidate}"))
    return params


def _score(query: str, candidate: str, schema: str | None) -> float:
    kind = Schema(schema) if schema else Schema.LEGAL_ENTITY
    entity = Entity("test", "1", kind, names=[Name(candidate)])
    return MATCHER.compare(Query(names=[query], schema=kind), entity).score


@pytest.mark.parametrize(("query", "candidate", "schema", "expected"), _threshold_cases())
def test_threshold_case(query: str, candidate: str, schema: str | None, expected: bool) -> None:
    score = _score(query, candidate, schema)
    assert (score >= DEFAULT_THRESHOLD) is expected, f"{query!r} ~ {candidate!r}: {score:.3f}"


def _ranking_cases() -> list[Any]:
    data = yaml.safe_load((CASES / "ranking.yml").read_text("utf-8"))
    return [pytest.param(c["query"], c["better"], c["worse"], id=f"{c['query']}:{c['better']}>{c['worse']}") for c in data]


@pytest.mark.parametrize(("query", "better", "worse"), _ranking_cases())
def test_ranking_case(query: str, better: str, worse: str) -> None:
    assert _score(query, better, None) > _score(query, worse, None)
