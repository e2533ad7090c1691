"""Which book rows can a set of listed entities reach? The entity side of a delta lookup.

The matcher finds a listed name for a query only through a token key they share, exactly or
one deletion apart (``NameIndex.similar_keys``), through a consonant skeleton (names in an
abjad script), or through an identifier. :class:`KeyProbe` collects those keys for the
entities that changed, and :meth:`KeyProbe.rows` finds every book row whose cached keys
(:func:`seisai.batch.screen.book_keys`) can meet them. It never misses a row the matcher could
make a candidate (it is a superset: it skips the similarity cut-off and the common-key rule,
and takes every row with an abjad-script name); the rows it finds are then screened in full.
"""

from __future__ import annotations

from collections.abc import Iterable

from seisai.batch.screen import ABJAD_ROWS
from seisai.matching.features import identifier_keys
from seisai.matching.index import MIN_DELETE_LENGTH, analyze_for, deletions
from seisai.model import Entity


class KeyProbe:
    """The lookup keys of some entities (see the module docstring)."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.exact: set[str] = set()
        self.near: set[str] = set()
        self.shared: set[str] = set()
        self.count = 0
        for entity in entities:
            self.add(entity)

    def __bool__(self) -> bool:
        return self.count > 0

    def add(self, entity: Entity) -> None:
        """Add the keys of every name and identifier of ``entity``."""
        self.count += 1
        for name in entity.names:
            for token in analyze_for(name.value, entity.schema, name.lang).tokens:
                if token.abjad:
                    self.exact.update("~" + k for k in token.keys)
                    continue
                for key in token.keys:
                    self.exact.add(key)
                    self.shared.add(key)
                    if len(key) >= MIN_DELETE_LENGTH:
                        gone = deletions(key)
                        self.near.update(gone)
                        self.shared.update(gone)
        for ident in entity.identifiers:
            self.exact.update("@" + k for k in identifier_keys(ident))

    def matches(self, key: str) -> bool:
        """Whether a book key can meet one of the probe's keys."""
        if key in self.exact:
            return True
        if key == ABJAD_ROWS:
            return bool(self)
        if key[:1] in ("~", "@") or len(key) < MIN_DELETE_LENGTH or key.isdigit():
            return False
        return key in self.near or any(d in self.shared for d in deletions(key))

    def rows(self, keys: dict[str, list[int]]) -> set[int]:
        """The rows of a partition's ``keys`` cache that the probe reaches."""
        found: set[int] = set()
        if not self:
            return found
        for key, rows in keys.items():
            if self.matches(key):
                found.update(rows)
        return found
