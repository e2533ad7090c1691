"""The versioned list store: every imported version of every list, with history and diffs.

SQLite (one embedded file) by default; PostgreSQL when ``SEISAI_DB`` names one.
"""

from seisai.store import audit, keys  # noqa: F401  (their tables join the store's metadata)
from seisai.store.sql import Store
from seisai.store.types import (
    EntityChange,
    EntityHistory,
    FieldChange,
    HistoryEvent,
    ImportResult,
    ListDiff,
    VersionInfo,
)


def open_store(url: str | None = None) -> Store:
    """Open the store at ``url``, or at ``$SEISAI_DB``, or the default SQLite file."""
    return Store.open(url)


__all__ = [
    "EntityChange",
    "EntityHistory",
    "FieldChange",
    "HistoryEvent",
    "ImportResult",
    "ListDiff",
    "Store",
    "VersionInfo",
    "open_store",
]
