"""``Matcher.screen(unless_none_of=...)``: nothing when no selected candidate is one of the ids,
otherwise exactly the full screen's results."""

from __future__ import annotations

from seisai.matching import Matcher, Query
from seisai.model import Entity, Name, Schema


def _person(eid: str, *names: str) -> Entity:
    return Entity(source="t", source_id=eid, schema=Schema.PERSON, names=[Name(n) for n in names])


MATCHER = Matcher(
    [
        _person("1", "Vladimir Putin"),
        _person("2", "Vladimir Petrov"),
        _person("3", "Ivan Petrov"),
        _person("4", "Sergei Lavrov"),
    ]
)


def test_without_a_kept_candidate_nothing_is_scored() -> None:
    full = MATCHER.screen(Query(names=["Vladimir Petrov"]), threshold=0.0)
    assert [m.entity.id for m in full][:1] == ["t-2"]
    assert MATCHER.screen(Query(names=["Vladimir Petrov"]), threshold=0.0, unless_none_of=frozenset({"t-4"})) == []


def test_with_a_kept_candidate_the_results_are_the_full_screens() -> None:
    query = Query(names=["Vladimir Petrov"])
    full = MATCHER.screen(query, threshold=0.0)
    kept = MATCHER.screen(query, threshold=0.0, unless_none_of=frozenset({"t-2", "t-4"}))
    assert [(m.entity.id, m.score) for m in kept] == [(m.entity.id, m.score) for m in full]
