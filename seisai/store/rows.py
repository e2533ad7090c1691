"""Database rows to model objects."""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

from seisai.model import Entity, entity_from_dict
from seisai.store.types import VersionInfo


def entity_from_blob(data: str, with_raw: bool) -> Entity:
    """An entity from its stored JSON, without its raw record unless asked."""
    parsed = json.loads(data)
    if not with_raw:
        parsed.pop("raw", None)
    return entity_from_dict(parsed)


def version_from_row(row: Any) -> VersionInfo:
    imported = row["imported_at"]
    if imported.tzinfo is None:
        imported = imported.replace(tzinfo=UTC)
    return VersionInfo(
        id=row["id"],
        source=row["source"],
        format=row["format"],
        published=row["published"],
        imported_at=imported,
        sha256=row["sha256"],
        files=list(row["files"]),
        counts=dict(row["counts"]),
        entity_count=row["entity_count"],
        origin=row["origin"],
        warnings=list(row["warnings"] or []),
    )


