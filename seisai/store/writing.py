"""Writing one list version: its row, its entity blobs and its entity rows.

Called by :meth:`seisai.store.Store.import_lists` inside the import's single transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from seisai.model import entity_to_dict
from seisai.sources.base import ParsedList
from seisai.store.history import version_order
from seisai.store.rows import version_from_row
from seisai.store.schema import entity_blobs, list_versions, version_entities
from seisai.store.types import ImportResult, VersionInfo

CHUNK = 500


def _json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def publication_sha256(parsed: ParsedList) -> str:
    """One hash for the files of a publication, independent of their order."""
    digest = hashlib.sha256()
    for name, sha in sorted((f.name, f.sha256) for f in parsed.files):
        digest.update(f"{name}\0{sha}\n".encode())
    return digest.hexdigest()


def write_version(
    conn: Connection, parsed: ParsedList, origin: str | None, step: Callable[[str, int], None]
) -> ImportResult:
    """Store one publication as a new version, unless identical files are already stored."""
    sha = publication_sha256(parsed)
    existing = conn.execute(
        select(list_versions).where(list_versions.c.source == parsed.source, list_versions.c.sha256 == sha)
    ).first()
    if existing is not None:
        step(parsed.source, len(parsed.entities))
        return ImportResult(version_from_row(existing._mapping), created=False)
    previous = _current_in(conn, parsed.source)
    version_id = conn.execute(
        list_versions.insert().values(
            source=parsed.source,
            format=parsed.format,
            published=parsed.published,
            imported_at=datetime.now(UTC),
            sha256=sha,
            files=[{"name": f.name, "sha256": f.sha256, "size": len(f.data)} for f in parsed.files],
            counts=parsed.counts(),
            entity_count=len(parsed.entities),
            origin=origin,
            warnings=list(parsed.warnings[:1000]),
        )
    ).inserted_primary_key[0]  # type: ignore[index]
    rows, blobs = [], {}
    for entity in parsed.entities:
        data = entity_to_dict(entity)
        blob = _json(data)
        blob_hash = hashlib.sha256(blob.encode("utf-8")).hexdigest()
        blobs[blob_hash] = blob
        rows.append(
            {
                "version_id": version_id,
                "entity_id": entity.id,
                "blob_hash": blob_hash,
                "content_hash": entity.content_hash(),
                "schema": entity.schema.value,
                "caption": entity.caption,
            }
        )
    _insert_blobs(conn, blobs)
    for start in range(0, len(rows), CHUNK * 4):
        batch = rows[start : start + CHUNK * 4]
        conn.execute(version_entities.insert(), batch)
        step(parsed.source, len(batch))
    version = version_from_row(conn.execute(select(list_versions).where(list_versions.c.id == version_id)).one()._mapping)
    added = removed = changed = 0
    compared = previous.id if previous is not None and version_order(version) > version_order(previous) else None
    if previous is not None and compared is not None:
        old = dict(_hashes(conn, previous.id))
        new = {r["entity_id"]: r["content_hash"] for r in rows}
        added = len(new.keys() - old.keys())
        removed = len(old.keys() - new.keys())
        changed = sum(1 for k in new.keys() & old.keys() if new[k] != old[k])
    return ImportResult(version, True, added, removed, changed, compared)

def _insert_blobs(conn: Connection, blobs: dict[str, str]) -> None:
    items = [{"hash": h, "data": d} for h, d in blobs.items()]
    dialect = conn.dialect.name
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        if dialect == "sqlite":
            conn.execute(sqlite.insert(entity_blobs).on_conflict_do_nothing(), chunk)
        elif dialect == "postgresql":
            conn.execute(postgresql.insert(entity_blobs).on_conflict_do_nothing(), chunk)
        else:
            known = set(
                conn.execute(
                    select(entity_blobs.c.hash).where(entity_blobs.c.hash.in_([i["hash"] for i in chunk]))
                ).scalars()
            )
            fresh = [i for i in chunk if i["hash"] not in known]
            if fresh:
                conn.execute(entity_blobs.insert(), fresh)

def _current_in(conn: Connection, source: str) -> VersionInfo | None:
    rows = [version_from_row(r._mapping) for r in conn.execute(select(list_versions).where(list_versions.c.source == source))]
    return max(rows, key=version_order) if rows else None

def _hashes(conn: Connection, version_id: int) -> Iterator[tuple[str, str]]:
    query = select(version_entities.c.entity_id, version_entities.c.content_hash).where(
        version_entities.c.version_id == version_id
    )
    for entity_id, content_hash in conn.execute(query):
        yield str(entity_id), str(content_hash)

