"""The name index: word rarity must not depend on the order queries arrive in."""

from __future__ import annotations

from pathlib import Path

from seisai.matching import Matcher, Query, scoring_config
from seisai.model import Entity, Name, NameKind, Schema
from seisai.names import analyze_name
from seisai.sources import SourceFile, group_files


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


def _parse(path: Path) -> list[Entity]:
    [publication] = group_files([SourceFile.from_path(path)])
    return list(publication.parse().entities)


def test_an_index_built_reusing_an_older_ones_analyses_is_the_same_index(lists_dir: Path) -> None:
    old = Matcher(_parse(lists_dir / "un" / "UN_consolidated_2024-11-30.xml"))
    new_entities = _parse(lists_dir / "un" / "UN_consolidated_2026-02-27.xml")
    fresh, reused = Matcher(new_entities).index, Matcher(new_entities, reuse=old).index
    assert reused.names == fresh.names and reused.name_entity == fresh.name_entity
    assert reused.keys == fresh.keys and reused.deletes == fresh.deletes and reused.skeletons == fresh.skeletons
    assert all((a == b).all() for a, b in zip(reused.arrays, fresh.arrays, strict=True))
    assert reused.identifiers == fresh.identifiers and reused.total_names == fresh.total_names
    # the analyses were taken, not redone: most names are the old index's objects
    old_names = {id(n) for n in old.index.names}
    shared = sum(id(n) in old_names for n in reused.names)
    assert shared > 0.8 * len(reused.names)
    query = Query(names=["Kim Jong Un"])
    assert [(m.entity.id, m.score) for m in Matcher(new_entities, reuse=old).screen(query)] == [
        (m.entity.id, m.score) for m in Matcher(new_entities).screen(query)
    ]
