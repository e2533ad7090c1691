from __future__ import annotations

from seisai.model import Entity, Identifier, IdKind, NameKind, Schema
from seisai.sources.building import add_identifier, add_name


def test_a_name_keeps_its_strongest_kind() -> None:
    entity = Entity("x", "1", Schema.PERSON)
    add_name(entity, "Ivan  IVANOV", NameKind.ALIAS)
    add_name(entity, "Ivan IVANOV", NameKind.PRIMARY, family="IVANOV", given="Ivan")
    add_name(entity, "Ivan IVANOV", NameKind.WEAK_ALIAS)
    add_name(entity, "Иван ИВАНОВ", NameKind.ORIGINAL_SCRIPT, lang="ru")
    add_name(entity, "Иван ИВАНОВ", NameKind.ALIAS)
    add_name(entity, " ", NameKind.ALIAS)
    assert [(n.value, n.kind, n.family) for n in entity.names] == [
        ("Ivan IVANOV", NameKind.PRIMARY, "IVANOV"),
        ("Иван ИВАНОВ", NameKind.ORIGINAL_SCRIPT, None),
        ("Иван ИВАНОВ", NameKind.ALIAS, None),
    ]


def test_identifiers_are_kept_once_per_kind_and_number() -> None:
    entity = Entity("x", "1", Schema.PERSON)
    add_identifier(entity, Identifier(IdKind.PASSPORT, "123", "ru", "first note"))
    add_identifier(entity, Identifier(IdKind.PASSPORT, "123", "ru", "second note"))
    add_identifier(entity, Identifier(IdKind.NATIONAL_ID, "123"))
    assert [(i.kind, i.note) for i in entity.identifiers] == [(IdKind.PASSPORT, "first note"), (IdKind.NATIONAL_ID, None)]
