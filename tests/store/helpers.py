"""Helpers for store tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from seisai.store import Store
from seisai.store.schema import metadata


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: two equal dumps mean an unchanged store."""
    with store.engine.connect() as conn:
        return {
            name: sorted(tuple(str(v) for v in row) for row in conn.execute(select(table)))
            for name, table in metadata.tables.items()
        }
