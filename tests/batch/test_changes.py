"""What a list update changed for screening: added or removed names are a change of names."""

from __future__ import annotations

from seisai.batch.changes import classify
from seisai.model import Entity, Name, Schema


def _entity(*names: str, countries: list[str] | None = None) -> Entity:
    return Entity(source="t", source_id="1", schema=Schema.PERSON, names=[Name(n) for n in names], countries=countries or [])


def test_a_removed_name_is_a_change_of_names() -> None:
    # the matcher compares the names its candidates hit best: when one goes, another is
    # compared, and the score can rise (it did for six hits of the 1,000,000-row bench book)
    assert classify(_entity("Ivan Petrov", "Ivan Petrovich"), _entity("Ivan Petrov")) == ("names", 0.0)
    assert classify(_entity("Ivan Petrov"), _entity("Ivan Petrov", "Ivan Petrovich")) == ("names", 0.0)


def test_a_change_of_countries_only_is_a_change_of_facts() -> None:
    kind = classify(_entity("Ivan Petrov", countries=["ru"]), _entity("Ivan Petrov"))
    assert kind is not None and kind[0] == "facts" and kind[1] > 0


def test_nothing_the_matcher_reads_is_no_change() -> None:
    assert classify(_entity("Ivan Petrov"), _entity("Ivan Petrov")) is None
