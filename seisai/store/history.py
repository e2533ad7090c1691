"""Entity history: first seen, last seen, last changed and delisted, per source.

History is derived from the stored versions in *publication* order, not import order, so
importing an older file after a newer one still gives the right story. It is recomputed for
a source inside the transaction that imports a new version of it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select

from seisai.store.diff import field_changes
from seisai.store.schema import entity_history, list_versions, version_entities
from seisai.store.types import HistoryEvent, VersionInfo

CHUNK = 2000


def version_order(version: VersionInfo) -> tuple[date, datetime, int]:
    """Sort key of versions: publisher's date (else import date), then import time, then id."""
    return (version.published or version.imported_at.date(), version.imported_at, version.id)


def _order_key(row: Any) -> tuple[date, Any, int]:
    imported = row.imported_at
    return (row.published or imported.date(), imported.replace(tzinfo=None), row.id)


def recompute_history(conn: Connection, source: str) -> None:
    """Rewrite ``entity_history`` for one source from its versions."""
    versions = sorted(
        conn.execute(
            select(list_versions.c.id, list_versions.c.published, list_versions.c.imported_at).where(
                list_versions.c.source == source
            )
        ),
        key=_order_key,
    )
    if not versions:
        return
    position = {row.id: i for i, row in enumerate(versions)}
    order = [row.id for row in versions]
    seen: dict[str, list[tuple[int, str]]] = {}
    query = (
        select(version_entities.c.entity_id, version_entities.c.version_id, version_entities.c.content_hash)
        .join(list_versions, list_versions.c.id == version_entities.c.version_id)
        .where(list_versions.c.source == source)
    )
    for entity_id, version_id, content_hash in conn.execute(query):
        seen.setdefault(entity_id, []).append((position[version_id], content_hash))
    rows = []
    latest = len(order) - 1
    for entity_id, appearances in seen.items():
        appearances.sort()
        first, last = appearances[0][0], appearances[-1][0]
        changed = first
        for (_, before), (pos, after) in zip(appearances, appearances[1:], strict=False):
            if before != after:
                changed = pos
        rows.append(
            {
                "entity_id": entity_id,
                "source": source,
                "first_seen": order[first],
                "last_seen": order[last],
                "last_changed": order[changed],
                "delisted": order[last + 1] if last < latest else None,
            }
        )
    conn.execute(entity_history.delete().where(entity_history.c.source == source))
    for start in range(0, len(rows), CHUNK):
        conn.execute(entity_history.insert(), rows[start : start + CHUNK])


def history_events(versions: list[VersionInfo], present: dict[int, str], first_seen: int) -> list[HistoryEvent]:
    events: list[HistoryEvent] = []
    previous: dict[str, Any] | None = None
    started = False
    for version in versions:
        started = started or version.id == first_seen
        if not started:
            continue
        data = present.get(version.id)
        if data is None:
            if previous is not None:
                events.append(HistoryEvent(version, "delisted"))
                previous = None
            continue
        current = json.loads(data)
        if previous is None:
            events.append(HistoryEvent(version, "listed" if not events else "relisted"))
        else:
            changes = field_changes(previous, current)
            events.append(HistoryEvent(version, "changed" if changes else "unchanged", changes))
        previous = current
    return events
