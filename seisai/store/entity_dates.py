"""When each entity was first seen, last seen and last changed, as dates, for every entity.

The HTTP API gives these with every entity (yente's ``first_seen``, ``last_seen``,
``last_change``). A version's date is its publication date (midnight UTC), or its import time
when the list carries no date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import select

from seisai.store.schema import entity_history
from seisai.store.sql import Store
from seisai.store.types import VersionInfo


@dataclass(frozen=True, slots=True)
class EntityDates:
    """An entity's first-seen, last-seen and last-changed dates."""

    first_seen: datetime
    last_seen: datetime
    last_change: datetime


def version_date(version: VersionInfo) -> datetime:
    """The date a version stands for: its publication date, else its import time."""
    if version.published is not None:
        return datetime.combine(version.published, time(), tzinfo=UTC)
    return version.imported_at


def entity_dates(store: Store) -> dict[str, EntityDates]:
    """``{entity id: EntityDates}`` for every entity the store has ever listed."""
    when = {v.id: version_date(v) for v in store.versions()}
    query = select(
        entity_history.c.entity_id,
        entity_history.c.first_seen,
        entity_history.c.last_seen,
        entity_history.c.last_changed,
    )
    out: dict[str, EntityDates] = {}
    with store.engine.connect() as conn:
        for entity_id, first, last, changed in conn.execution_options(yield_per=5000).execute(query):
            out[entity_id] = EntityDates(when[first], when[last], when[changed])
    return out
