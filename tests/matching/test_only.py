"""``Matcher.screen(only=...)``: exactly the plain screen's results on those ids (same scores,
same cut at ``limit``), and nothing when no candidate is one of them."""

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
        _person("5", "Vladimir Petrovsky"),
        _person("6", "Vladimir Petrova"),
        _person("7", "Vladimir Petrov Ivanovich"),
    ]
)


def _pairs(matches: list) -> list[tuple[str, float]]:  # type: ignore[type-arg]
    return [(m.entity.id, m.score) for m in matches]


def test_without_a_kept_candidate_nothing_is_returned() -> None:
    full = MATCHER.screen(Query(names=["Vladimir Petrov"]), threshold=0.0)
    assert [m.entity.id for m in full][:1] == ["t-2"]
    assert "t-4" not in {m.entity.id for m in full}
    assert MATCHER.screen(Query(names=["Vladimir Petrov"]), threshold=0.0, only=frozenset({"t-4"})) == []


def test_the_results_on_kept_ids_are_the_full_screens() -> None:
    query = Query(names=["Vladimir Petrov"])
    full = MATCHER.screen(query, threshold=0.0)
    assert [m.entity.id for m in full] == ["t-2", "t-7", "t-6"]  # Ivan Petrov is no candidate
    kept = MATCHER.screen(query, threshold=0.0, only=frozenset({"t-2", "t-3", "t-6"}))
    assert _pairs(kept) == [p for p in _pairs(full) if p[0] in {"t-2", "t-6"}]
    assert len(kept) == 2


def test_the_cut_at_limit_drops_a_kept_id_as_the_full_screen_does() -> None:
    query = Query(names=["Vladimir Petrov"])
    full = MATCHER.screen(query, threshold=0.0, limit=10)
    assert len(full) == 3
    last = full[-1].entity.id
    top = MATCHER.screen(query, threshold=0.0, limit=2)
    assert last not in {m.entity.id for m in top}
    assert MATCHER.screen(query, threshold=0.0, limit=2, only=frozenset({last})) == []
    first = full[0].entity.id
    assert _pairs(MATCHER.screen(query, threshold=0.0, limit=2, only=frozenset({first, last}))) == _pairs(full[:1])


def test_repeated_names_give_the_same_results_with_or_without_the_stage_cache() -> None:
    queries = [
        Query(names=["Vladimir Petrov"]),
        Query(names=["Vladimir Petrov"], birth_dates=["1952-10-07"], countries=["ru"]),
        Query(names=["Ivan Petrov"], countries=["ru"]),
        Query(names=["Vladimir Petrov"], countries=["jp"]),
        Query(names=["Vladimir Petrov"], schema=Schema.PERSON),
    ]
    uncached = Matcher(MATCHER.index.entities)
    uncached.stage_cache_size = 0
    for query in queries * 2:
        cached = MATCHER.screen(query, threshold=0.0)
        plain = uncached.screen(query, threshold=0.0)
        assert _pairs(cached) == _pairs(plain)
        assert [m.explanations.keys() for m in cached] == [m.explanations.keys() for m in plain]
    assert uncached._stages == {}
    assert len(MATCHER._stages) >= 3


def test_the_stage_cache_is_bounded_and_safe_across_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    matcher = Matcher(MATCHER.index.entities)
    matcher.stage_cache_size = 5
    names = [f"Vladimir Petrov {i}" for i in range(40)] + ["Vladimir Petrov"] * 10
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda n: _pairs(matcher.screen(Query(names=[n]), threshold=0.0)), names * 5))
    assert len(matcher._stages) <= 5 + 8  # bounded (threads may each add one past the bound)
    plain = Matcher(MATCHER.index.entities)
    plain.stage_cache_size = 0
    assert results == [_pairs(plain.screen(Query(names=[n]), threshold=0.0)) for n in names * 5]
