"""The screening protocol and its adapter to the name matcher (on hand-made entities)."""

from __future__ import annotations

from datetime import date

from seisai.matching import Matcher
from seisai.model import Entity, NameKind, Sanction, Schema
from seisai.rules.screening import MatcherScreener, NullScreener, PartyScreener, entry_number
from seisai.rules.transaction import Party


def _entity(source: str, source_id: str, name: str, **kw: object) -> Entity:
    entity = Entity(source=source, source_id=source_id, schema=Schema.COMPANY)
    entity.add_name(name, NameKind.PRIMARY)
    entity.sanctions.append(Sanction(programme="p", listed_on=date(2022, 4, 12), **kw))  # type: ignore[arg-type]
    return entity


ENTITIES = [
    _entity("jp_mof", "russia-banks-8", "Sberbank"),
    _entity("jp_meti_ru", "561", "LLC Vneshekostil", reference="561"),
    _entity("jp_meti_eul", "ru-zavod-miass", "Zavod Miass", reference="No. 835", concerns=("M",)),
]


def test_entry_numbers() -> None:
    assert entry_number(ENTITIES[1]) == 561
    assert entry_number(ENTITIES[2]) is None
    assert entry_number(ENTITIES[0]) is None
    numbered = _entity("x", "slug", "X", reference="12")
    assert entry_number(numbered) == 12
    numbered.properties["entry"] = ["7"]
    assert entry_number(numbered) == 7


def test_matcher_screener_returns_hits_with_designations() -> None:
    screener = MatcherScreener(Matcher(ENTITIES), versions={"jp_mof": "2026-03-05"})
    (hit, *_) = screener.screen(Party(role="bank", name="Sberbank"))  # type: ignore[call-arg]
    assert hit.entity_id == "jp_mof-russia-banks-8" and hit.match and hit.score >= 0.99
    assert hit.sanctions[0].listed_on == date(2022, 4, 12)
    assert hit.to_dict()["listed_on"] == "2022-04-12"
    assert screener.list_versions() == {"jp_mof": "2026-03-05"}
    assert screener.screen(Party(role="buyer", name="Hokkaido Fisheries Cooperative")) == ()  # type: ignore[call-arg]


def test_matcher_screener_caches_by_screening_facts() -> None:
    screener = MatcherScreener(Matcher(ENTITIES))
    party = Party(role="bank", name="Sberbank")  # type: ignore[call-arg]
    first = screener.screen(party)
    assert screener.screen(Party(role="beneficiary", name="Sberbank")) is first  # type: ignore[call-arg]


def test_weak_hits_are_not_matches() -> None:
    screener = MatcherScreener(Matcher(ENTITIES), threshold=0.99, review_threshold=0.3)
    hits = screener.screen(Party(role="bank", name="Sberbank Leasing"))  # type: ignore[call-arg]
    assert hits and not hits[0].match


def test_both_screeners_meet_the_protocol() -> None:
    screeners: list[PartyScreener] = [NullScreener(), MatcherScreener(Matcher(ENTITIES))]
    assert [s.list_versions() for s in screeners] == [{}, {}]
