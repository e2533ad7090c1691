"""What the store returns: list versions, import results, diffs and entity histories."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class VersionInfo:
    """One imported version of one list."""

    id: int
    source: str
    format: str
    published: date | None
    imported_at: datetime
    sha256: str
    files: list[dict[str, Any]]
    counts: dict[str, int]
    entity_count: int
    origin: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """``un_sc v3 (2026-02-27)``: how versions are named to people."""
        when = self.published.isoformat() if self.published else self.imported_at.date().isoformat()
        return f"{self.source} v{self.id} ({when})"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        data["imported_at"] = self.imported_at.isoformat()
        return data


@dataclass(frozen=True)
class ImportResult:
    """The outcome of importing one publication: a new version, or the existing identical one."""

    version: VersionInfo
    created: bool
    added: int = 0
    removed: int = 0
    changed: int = 0
    previous_id: int | None = None  # the version this one is compared with

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version.to_dict(),
            "created": self.created,
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
            "previous_version": self.previous_id,
        }


@dataclass(frozen=True)
class FieldChange:
    """One field of an entity that differs between two versions."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class EntityChange:
    """An entity present in both versions whose listed facts differ."""

    entity_id: str
    caption: str
    changes: list[FieldChange]


@dataclass(frozen=True)
class ListDiff:
    """What changed in a source between two versions."""

    source: str
    old: VersionInfo
    new: VersionInfo
    added: list[tuple[str, str]]  # (entity id, caption)
    removed: list[tuple[str, str]]
    changed: list[EntityChange]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "summary": {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)},
            "added": [{"id": i, "caption": c} for i, c in self.added],
            "removed": [{"id": i, "caption": c} for i, c in self.removed],
            "changed": [
                {
                    "id": ch.entity_id,
                    "caption": ch.caption,
                    "changes": [{"field": f.field, "old": f.old, "new": f.new} for f in ch.changes],
                }
                for ch in self.changed
            ],
        }


@dataclass(frozen=True)
class HistoryEvent:
    """An entity's state in one version of its list: listed, changed, unchanged or delisted."""

    version: VersionInfo
    event: str  # "listed", "changed", "unchanged", "delisted", "relisted"
    changes: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class EntityHistory:
    """An entity's designation history across all stored versions of its source."""

    entity_id: str
    source: str
    first_seen: VersionInfo
    last_seen: VersionInfo
    last_changed: VersionInfo
    delisted: VersionInfo | None
    events: list[HistoryEvent]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "source": self.source,
            "first_seen": self.first_seen.to_dict(),
            "last_seen": self.last_seen.to_dict(),
            "last_changed": self.last_changed.to_dict(),
            "delisted": self.delisted.to_dict() if self.delisted else None,
            "events": [
                {
                    "version": e.version.label,
                    "version_id": e.version.id,
                    "event": e.event,
                    "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in e.changes],
                }
                for e in self.events
            ],
        }
