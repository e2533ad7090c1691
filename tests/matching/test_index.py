"""The name index: word rarity must not depend on the order queries arrive in."""

from __future__ import annotations

from seisai.matching import Matcher, scoring_config
from seisai.model import Entity, Name, NameKind, Schema
from seisai.names import analyze_name


def _person(sid: str, name: str) -> Entity:
    return Entity("t", sid, Schema.PERSON, names=[Name(name, NameKind.PRIMARY)])


def _index() -> Matcher:
    # "nur" is frequent in Latin and rare in Arabic script, so the two rarities differ
    people = [_person(str(i), f"Nur Ahmad{chr(97 + i % 26)}{i}") for i in range(20)]
    people.append(_person("ar", "نور الدين"))
    return Matcher(people)


def test_rarity_of_a_latin_and_an_arabic_token_does_not_depend_on_order() -> None:
    cfg = scoring_config()
    latin = analyze_name("Nur").tokens[0]
    arabic = analyze_name("نور").tokens[0]
    first = _index()
    latin_first = (first.index.rarity(latin, cfg), first.index.rarity(arabic, cfg))
    second = _index()
    arabic_first = (second.index.rarity(arabic, cfg), second.index.rarity(latin, cfg))
    assert latin_first == (arabic_first[1], arabic_first[0])
    assert latin_first[0] != latin_first[1]
