"""Which book rows can a set of listed entities reach? The entity side of a delta lookup.

The matcher scores a listed entity for a query only if its candidate generation brings it in:
a name of the entity must share token keys with the query (exactly, one deletion apart, or
through consonant skeletons between Latin and Arabic script) covering at least
``min_coverage`` of the query name's rarity-weighted parts, or share an identifier
(``NameIndex.candidates``). :class:`KeyProbe` collects those keys for the entities that
changed, each with the entities that have it; :meth:`KeyProbe.rows` meets them with the
book's cached name parts (:class:`seisai.batch.screen.BookTokens`) and keeps a row only when
one entity's keys can cover enough of one of its names. That bound is generous: every key
met counts as a perfect match (the matcher scales it by the key similarity), all the names
of an entity count together, and the matcher's other cuts (common keys, the ratio to the
best candidate, the number of candidates) are ignored. The rows it keeps are then screened
in full.
"""

from __future__ import annotations

from collections.abc import Iterable

from seisai.batch.screen import PartitionResult
from seisai.matching.features import identifier_keys
from seisai.matching.index import MIN_DELETE_LENGTH, analyze_for, deletions
from seisai.model import Entity
from seisai.text.phonetic import skeleton

_EMPTY: frozenset[str] = frozenset()


class KeyProbe:
    """The lookup keys of some entities, each with the ids of the entities that have it."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.exact: dict[str, set[str]] = {}
        self.near: dict[str, set[str]] = {}  # one deletion of a phonetic key -> entities
        self.count = 0
        self._memo: dict[tuple[str, ...], frozenset[str]] = {}
        self._decided: dict[tuple[object, ...], bool] = {}  # see rows()
        for entity in entities:
            self.add(entity)

    def __bool__(self) -> bool:
        return self.count > 0

    def add(self, entity: Entity) -> None:
        """Add the keys of every name (every reading) and identifier of ``entity``."""
        self.count += 1
        self._memo.clear()
        self._decided.clear()
        eid = entity.id
        for name in entity.names:
            for reading in analyze_for(name.value, entity.schema, name.lang).readings():
                for token in reading.tokens:
                    if token.abjad:
                        for key in token.keys:
                            self.exact.setdefault("#" + key, set()).add(eid)
                        continue
                    for key in token.keys:
                        self.exact.setdefault(key, set()).add(eid)
                        if len(key) >= MIN_DELETE_LENGTH:
                            for gone in deletions(key):
                                self.near.setdefault(gone, set()).add(eid)
                    for form in token.forms:
                        self.exact.setdefault("~" + skeleton(form), set()).add(eid)
        for ident in entity.identifiers:
            for key in identifier_keys(ident):
                self.exact.setdefault("@" + key, set()).add(eid)

    def entities(self, keys: tuple[str, ...]) -> frozenset[str]:
        """The entities a book name part with these lookup keys can meet (memoised)."""
        found = self._memo.get(keys)
        if found is None:
            met: set[str] = set()
            for key in keys:
                met |= self.exact.get(key, _EMPTY)
                if key[:1] in ("#", "~", "@") or len(key) < MIN_DELETE_LENGTH or key.isdigit():
                    continue
                met |= self.near.get(key, _EMPTY)  # a listed key one letter longer
                for gone in deletions(key):  # one letter shorter, or one letter changed
                    met |= self.exact.get(gone, _EMPTY)
                    met |= self.near.get(gone, _EMPTY)
            found = self._memo[keys] = frozenset(met)
        return found

    def rows(
        self,
        part: PartitionResult,
        min_coverage: float,
        skip: dict[int, frozenset[str]] | None = None,
        among: set[int] | None = None,
    ) -> set[int]:
        """The rows of a partition one of the probe's entities can cover ``min_coverage`` of;
        ``skip`` names, per row, entities that do not count for it; ``among``: look at these
        rows only. Rows with the same name (the same parts) are decided once."""
        found: set[int] = set()
        if not self:
            return found
        met = [self.entities(keys) for keys in part.tokens]
        decided = self._decided
        for row, weight, parts in part.names:
            if row in found or (among is not None and row not in among):
                continue
            hit = [(met[t], w) for t, w in parts if met[t]]
            if not hit:
                continue
            done = skip.get(row) if skip else None
            # the sets in ``met`` are the probe's own (memoised by keys): their ids name them
            key = (weight, min_coverage, done, tuple((id(entities), w) for entities, w in hit))
            covered = decided.get(key)
            if covered is None:
                covered = decided[key] = _covered(hit, weight, min_coverage, done)
            if covered:
                found.add(row)
        return found


def _covered(
    hit: list[tuple[frozenset[str], float]], weight: float, min_coverage: float, done: frozenset[str] | None
) -> bool:
    if done:
        hit = [(left, w) for entities, w in hit if (left := entities - done)]
        if not hit:
            return False
    need = min_coverage * weight
    return weight <= 0 or (sum(w for _, w in hit) >= need and _covers(hit, need))


def _covers(hit: list[tuple[frozenset[str], float]], need: float) -> bool:
    if len(hit) == 1:
        return True  # the union bound already passed, and one part is one entity set
    cover: dict[str, float] = {}
    for entities, weight in hit:
        for eid in entities:
            cover[eid] = cover.get(eid, 0.0) + weight
    return max(cover.values()) >= need
