"""Field-level differences between two stored forms of one entity.

Entities are compared in their JSON form (see :func:`seisai.model.entity_to_dict`) without the
raw source record: a change in the publisher's layout that changes no listed fact is not a
change. List-valued fields are compared as sets where order carries no meaning (names,
identifiers, addresses), so a reordered alias list is not reported.
"""

from __future__ import annotations

import json
from typing import Any

from seisai.store.types import FieldChange

IGNORED = frozenset({"raw", "id", "source", "source_id"})


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """The fields that differ between two entity dicts, with what was removed and added.

    For list fields, ``old`` and ``new`` of a :class:`FieldChange` hold only the items that were
    removed and added; for scalar fields, the old and new values.
    """
    changes: list[FieldChange] = []
    for key in sorted((set(old) | set(new)) - IGNORED):
        before, after = old.get(key), new.get(key)
        if _canon(before) == _canon(after):
            continue
        if isinstance(before, list | type(None)) and isinstance(after, list | type(None)):
            before_items = {_canon(v): v for v in before or []}
            after_items = {_canon(v): v for v in after or []}
            removed = [v for k, v in before_items.items() if k not in after_items]
            added = [v for k, v in after_items.items() if k not in before_items]
            if removed or added:
                changes.append(FieldChange(key, removed, added))
        elif isinstance(before, dict) and isinstance(after, dict):
            sub = field_changes(before, after)
            changes.extend(FieldChange(f"{key}.{c.field}", c.old, c.new) for c in sub)
        else:
            changes.append(FieldChange(key, before, after))
    return changes
