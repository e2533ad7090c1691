"""The lists a worker serves: a matcher snapshot and what the API derives from it.

A :class:`Loaded` is built once per set of list versions and never changed afterwards, so a
request keeps using the one it started with while a newer one is swapped in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from seisai.api.datasets import Catalog
from seisai.api.ftm import entity_dict
from seisai.matching import Matcher
from seisai.model import Entity
from seisai.store import Store
from seisai.store.entity_dates import EntityDates, entity_dates
from seisai.store.snapshot import Snapshot, load_matcher, matcher_at


@dataclass
class Loaded:
    """A snapshot of the lists, the catalog, entity dates and a cache of entity JSON."""

    snapshot: Snapshot
    catalog: Catalog
    dates: dict[str, EntityDates]
    extras: dict[str, Any] = field(default_factory=dict, repr=False)  # built from these lists on demand
    _entities: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    @classmethod
    def current(cls, store: Store, catalog: Catalog) -> Loaded:
        """The current version of every list (the matcher comes from the disk cache when it can)."""
        return cls(load_matcher(store), catalog, entity_dates(store))

    @classmethod
    def pinned(cls, store: Store, catalog: Catalog, pins: dict[str, int]) -> Loaded:
        """Exactly the given versions (``{source: version id}``), for replays."""
        return cls(matcher_at(store, pins), catalog, entity_dates(store))

    @property
    def matcher(self) -> Matcher:
        return self.snapshot.matcher

    @property
    def sources(self) -> set[str]:
        return set(self.snapshot.versions)

    @property
    def pins(self) -> dict[str, int]:
        return self.snapshot.pins

    def lists_record(self) -> dict[str, dict[str, Any]]:
        """The list versions, as the audit log records them (id, date, content hash)."""
        record = self.extras.get("lists_record")
        if record is None:
            record = self.extras["lists_record"] = self._lists_record()
        return dict(record)

    def _lists_record(self) -> dict[str, dict[str, Any]]:
        return {
            source: {"version": v.id, "published": v.published.isoformat() if v.published else None, "sha256": v.sha256}
            for source, v in sorted(self.snapshot.versions.items())
        }

    def resolve(self, dataset: str) -> frozenset[str]:
        return self.catalog.resolve(dataset, self.sources)

    def entity_json(self, entity: Entity) -> dict[str, Any]:
        """The yente JSON of an indexed entity (built once; callers must not modify it)."""
        data = self._entities.get(entity.id)
        if data is None:
            data = entity_dict(entity, self.catalog.topics(entity.source), self.dates.get(entity.id))
            self._entities[entity.id] = data
        return data
