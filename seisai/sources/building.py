"""Helpers for parsers that build one entity from several rows or records.

A list that gives one row per name variant (UK ConList, Australia DFAT) or repeats an entity
on several sub-lists (the US Consolidated Screening List) yields the same name several times,
sometimes with different kinds: the UK list repeats the primary name as a "Primary name
variation" when only its non-Latin form differs. :func:`add_name` keeps each name once, with
the strongest kind it was given.
"""

from __future__ import annotations

from typing import Any, TypeVar

from seisai.model import Entity, Identifier, Name, NameKind

T = TypeVar("T")

# Strength of each kind of name: a name listed both as primary and as alias is a primary name.
RANK = {
    NameKind.PRIMARY: 4,
    NameKind.ALIAS: 3,
    NameKind.FORMER: 2,
    NameKind.WEAK_ALIAS: 1,
}


def add_name(entity: Entity, value: str | None, kind: NameKind, **kw: Any) -> None:
    """Add a name unless it is blank or already there; a stronger kind replaces a weaker one.

    Original-script names are kept apart: the same text may be both the primary name and an
    original-script name only if the list says so in separate places.
    """
    if value is None:
        return
    value = " ".join(value.split())
    if not value:
        return
    for index, name in enumerate(entity.names):
        if name.value != value:
            continue
        if (name.kind is NameKind.ORIGINAL_SCRIPT) != (kind is NameKind.ORIGINAL_SCRIPT):
            continue
        if kind is not NameKind.ORIGINAL_SCRIPT and RANK[kind] > RANK[name.kind]:
            entity.names[index] = Name(value, kind, **kw)
        return
    entity.names.append(Name(value, kind, **kw))


def add_unique(target: list[T], value: T | None) -> None:
    """Append ``value`` unless it is empty or already in ``target``."""
    if value and value not in target:
        target.append(value)


def add_identifier(entity: Entity, ident: Identifier) -> None:
    """Add an identifier unless one of the same kind and number is there (the first note wins)."""
    if all((i.kind, i.value) != (ident.kind, ident.value) for i in entity.identifiers):
        entity.identifiers.append(ident)
