"""The versioned list store on SQLAlchemy: SQLite by default, PostgreSQL by URL.

Imports are atomic: every publication given to :meth:`Store.import_lists` is parsed before
the call (parsing errors never reach the store), then written in ONE transaction together
with the recomputed entity history. If anything fails, or the process is killed, the
transaction is rolled back by the database and the store is exactly as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import SQLAlchemyError

from seisai.exc import NotFoundError, StoreError
from seisai.model import Entity
from seisai.settings import database_url, normalize_db_url
from seisai.sources.base import ParsedList
from seisai.store.diff import field_changes
from seisai.store.history import history_events, recompute_history, version_order
from seisai.store.rows import entity_from_blob, version_from_row
from seisai.store.schema import (
    entity_blobs,
    entity_history,
    list_versions,
    metadata,
    version_entities,
)
from seisai.store.types import (
    EntityChange,
    EntityHistory,
    ImportResult,
    ListDiff,
    VersionInfo,
)
from seisai.store.writing import write_version

CHUNK = 500


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """Versions of every list, their entities, their history and their differences."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        try:
            metadata.create_all(engine)
        except SQLAlchemyError as exc:
            url = engine.url.render_as_string(hide_password=True)
            raise StoreError(f"cannot open the store at {url}: {getattr(exc, 'orig', None) or exc}") from None

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (and create if needed) the store at ``url`` or ``$SEISAI_DB``."""
        url = normalize_db_url(url) if url else database_url()
        engine = create_engine(url, pool_pre_ping=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            if engine.url.database and engine.url.database != ":memory:":
                Path(engine.url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        return cls(engine)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # -- versions ---------------------------------------------------------------------------

    def versions(self, source: str | None = None) -> list[VersionInfo]:
        """All versions (of one source), in publication order, oldest first."""
        query = select(list_versions)
        if source is not None:
            query = query.where(list_versions.c.source == source)
        with self.engine.connect() as conn:
            rows = [version_from_row(r._mapping) for r in conn.execute(query)]
        return sorted(rows, key=version_order)

    def sources(self) -> list[str]:
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(list_versions.c.source).distinct()).scalars())

    def current_versions(self) -> dict[str, VersionInfo]:
        """The newest version of each source (by publication date, then import)."""
        current: dict[str, VersionInfo] = {}
        for version in self.versions():
            current[version.source] = version
        return current

    def version(self, version_id: int) -> VersionInfo:
        with self.engine.connect() as conn:
            row = conn.execute(select(list_versions).where(list_versions.c.id == version_id)).first()
        if row is None:
            raise NotFoundError(f"no list version {version_id}")
        return version_from_row(row._mapping)

    def resolve_version(self, source: str, ref: str | int) -> VersionInfo:
        """A version of ``source`` by id, publication date (``2026-02-27``), ``latest`` or ``previous``."""
        versions = self.versions(source)
        if not versions:
            raise NotFoundError(f"no versions of source {source!r} in the store")
        text = str(ref).strip().lower()
        found: VersionInfo | None = None
        if text in {"latest", "current", "new"}:
            found = versions[-1]
        elif text in {"previous", "prev", "old"}:
            found = versions[-2] if len(versions) > 1 else None
        elif text.lstrip("v").isdigit():
            found = next((v for v in versions if v.id == int(text.lstrip("v"))), None)
        else:
            try:
                day = date.fromisoformat(text)
            except ValueError:
                day = None
            matches = [v for v in versions if v.published == day] if day else []
            found = matches[-1] if matches else None
        if found is None:
            known = ", ".join(v.label for v in versions)
            raise NotFoundError(f"no version {ref!r} of {source}; known versions: {known}")
        return found

    # -- import -----------------------------------------------------------------------------

    def import_lists(
        self,
        parsed_lists: Sequence[ParsedList],
        origin: str | None = None,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> list[ImportResult]:
        """Store each publication as a new version, all in one transaction.

        A publication whose files are identical to a stored version of the same source is not
        stored again: its result has ``created=False`` and names the existing version.
        ``progress`` is called as ``(what, entities stored, entities in all)`` while writing.
        """
        ordered = sorted(parsed_lists, key=lambda p: (p.source, p.published or date.min))
        results: list[ImportResult] = []
        total = sum(len(p.entities) for p in ordered)
        done = 0

        def step(source: str, count: int) -> None:
            nonlocal done
            done += count
            if progress:
                progress(f"storing {source}", done, total)

        try:
            with self.engine.begin() as conn:
                for parsed in ordered:
                    results.append(write_version(conn, parsed, origin, step))
                for source in sorted({r.version.source for r in results if r.created}):
                    recompute_history(conn, source)
        except NotFoundError:
            raise
        except Exception as exc:
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"import failed, nothing was stored: {type(exc).__name__}: {exc}") from exc
        return results

    # -- entities ---------------------------------------------------------------------------

    def entities_at(self, version_id: int, *, with_raw: bool = False) -> Iterator[Entity]:
        """Every entity of one version, exactly as imported."""
        query = (
            select(entity_blobs.c.data)
            .join(version_entities, version_entities.c.blob_hash == entity_blobs.c.hash)
            .where(version_entities.c.version_id == version_id)
            .order_by(version_entities.c.entity_id)
        )
        with self.engine.connect() as conn:
            for (data,) in conn.execution_options(yield_per=2000).execute(query):
                yield entity_from_blob(data, with_raw)

    def current_entities(self, sources: Iterable[str] | None = None, *, with_raw: bool = False) -> Iterator[Entity]:
        """Every entity of the current version of each source (or of the given sources)."""
        wanted = set(sources) if sources is not None else None
        for source, version in sorted(self.current_versions().items()):
            if wanted is None or source in wanted:
                yield from self.entities_at(version.id, with_raw=with_raw)

    def entities_in(self, pins: dict[str, int], *, with_raw: bool = False) -> Iterator[Entity]:
        """Every entity of the given versions (``{source: version id}``): a past state of the lists."""
        for _source, version_id in sorted(pins.items()):
            yield from self.entities_at(version_id, with_raw=with_raw)

    def entity(self, entity_id: str, *, with_raw: bool = True) -> Entity:
        """The entity as in the latest version that lists it (the last state of a delisted one)."""
        query = (
            select(entity_blobs.c.data, version_entities.c.version_id)
            .join(version_entities, version_entities.c.blob_hash == entity_blobs.c.hash)
            .where(version_entities.c.entity_id == entity_id)
        )
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
        if not rows:
            raise NotFoundError(f"no entity {entity_id!r} in the store")
        order = {v.id: version_order(v) for v in self.versions()}
        data, _ = max(rows, key=lambda r: order[r[1]])
        return entity_from_blob(data, with_raw)

    def history(self, entity_id: str) -> EntityHistory:
        """When the entity was listed, changed and delisted, version by version."""
        with self.engine.connect() as conn:
            summary = conn.execute(select(entity_history).where(entity_history.c.entity_id == entity_id)).first()
            if summary is None:
                raise NotFoundError(f"no entity {entity_id!r} in the store")
            source = summary.source
            present = {
                vid: data
                for vid, data in conn.execute(
                    select(version_entities.c.version_id, entity_blobs.c.data)
                    .join(entity_blobs, version_entities.c.blob_hash == entity_blobs.c.hash)
                    .where(version_entities.c.entity_id == entity_id)
                )
            }
        versions = self.versions(source)
        by_id = {v.id: v for v in versions}
        return EntityHistory(
            entity_id=entity_id,
            source=source,
            first_seen=by_id[summary.first_seen],
            last_seen=by_id[summary.last_seen],
            last_changed=by_id[summary.last_changed],
            delisted=by_id[summary.delisted] if summary.delisted else None,
            events=history_events(versions, present, summary.first_seen),
        )

    def diff(self, source: str, old: str | int, new: str | int) -> ListDiff:
        """Entities added, removed and changed (field by field) between two versions of a source."""
        old_v, new_v = self.resolve_version(source, old), self.resolve_version(source, new)
        with self.engine.connect() as conn:
            before = self._rows(conn, old_v.id)
            after = self._rows(conn, new_v.id)
            changed_ids = sorted(k for k in before.keys() & after.keys() if before[k][0] != after[k][0])
            blob_hashes = {before[k][1] for k in changed_ids} | {after[k][1] for k in changed_ids}
            blobs = self._blobs(conn, blob_hashes)
        changed = [
            EntityChange(
                k,
                after[k][2],
                field_changes(json.loads(blobs[before[k][1]]), json.loads(blobs[after[k][1]])),
            )
            for k in changed_ids
        ]
        return ListDiff(
            source=source,
            old=old_v,
            new=new_v,
            added=sorted((k, after[k][2]) for k in after.keys() - before.keys()),
            removed=sorted((k, before[k][2]) for k in before.keys() - after.keys()),
            changed=[c for c in changed if c.changes],
        )

    def _rows(self, conn: Connection, version_id: int) -> dict[str, tuple[str, str, str]]:
        query = select(
            version_entities.c.entity_id,
            version_entities.c.content_hash,
            version_entities.c.blob_hash,
            version_entities.c.caption,
        ).where(version_entities.c.version_id == version_id)
        return {r[0]: (r[1], r[2], r[3]) for r in conn.execute(query)}

    def _blobs(self, conn: Connection, hashes: set[str]) -> dict[str, str]:
        result: dict[str, str] = {}
        items = sorted(hashes)
        for start in range(0, len(items), CHUNK):
            query = select(entity_blobs.c.hash, entity_blobs.c.data).where(
                entity_blobs.c.hash.in_(items[start : start + CHUNK])
            )
            result.update({h: d for h, d in conn.execute(query)})
        return result

    def entity_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(entity_history)).scalar_one())
