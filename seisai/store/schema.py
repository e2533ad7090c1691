"""The database tables of the versioned list store.

Each import of a list is a *version* (``list_versions``). A version holds the set of its
entities (``version_entities``: one row per entity, pointing at the entity's JSON by hash),
so a version can be read back exactly as it was imported, whatever came after. Entity JSON is
stored once per distinct content (``entity_blobs``, keyed by the SHA-256 of the JSON), so an
unchanged entity costs one small row per version, not a copy.

``entity_history`` is derived from the versions of a source, in publication order, and
rewritten in the same transaction as each import: first seen, last seen, last changed and
delisted (the first version in which a listed entity no longer appears).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

list_versions = Table(
    "list_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False, index=True),
    Column("format", String(64), nullable=False),
    Column("published", Date, nullable=True),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("files", JSON, nullable=False),
    Column("counts", JSON, nullable=False),
    Column("entity_count", Integer, nullable=False),
    Column("origin", Text, nullable=True),  # where the files came from: a path or URL
    Column("warnings", JSON, nullable=False),
)

entity_blobs = Table(
    "entity_blobs",
    metadata,
    Column("hash", String(64), primary_key=True),
    Column("data", Text, nullable=False),
)

version_entities = Table(
    "version_entities",
    metadata,
    Column("version_id", Integer, ForeignKey("list_versions.id"), primary_key=True),
    Column("entity_id", String(255), primary_key=True),
    Column("blob_hash", String(64), ForeignKey("entity_blobs.hash"), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("schema", String(32), nullable=False),
    Column("caption", Text, nullable=False),
    Index("ix_version_entities_entity", "entity_id"),
)

entity_history = Table(
    "entity_history",
    metadata,
    Column("entity_id", String(255), primary_key=True),
    Column("source", String(64), nullable=False, index=True),
    Column("first_seen", Integer, ForeignKey("list_versions.id"), nullable=False),
    Column("last_seen", Integer, ForeignKey("list_versions.id"), nullable=False),
    Column("last_changed", Integer, ForeignKey("list_versions.id"), nullable=False),
    Column("delisted", Integer, ForeignKey("list_versions.id"), nullable=True),
)
