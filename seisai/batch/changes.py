"""What changed for screening between two sets of list versions.

A list update adds, removes and changes entities, but most changes (an address line, a
remark, a programme) cannot change a screening result. :func:`classify` compares what the
matcher reads of an entity (schema, names, identifiers, birth dates, countries and
nationalities, gender):

- ``names``: a name, an identifier or the schema is new, or a name was removed: the entity
  can now match rows it could not reach before; the delta looks it up like an added entity.
  A removed name can raise a score: the matcher compares the names of an entity that the
  candidate generation hit best (``names_per_entity``), and when those go another name is
  compared, which may be closer (a 1,000,000-row bench book had six such hits).
- ``facts``: only birth dates, countries or gender changed: the entity reaches the same rows
  as before, and a score can rise by at most :func:`fact_gain` (the qualifier weights of
  scoring.yml); the delta re-checks the rows that were near it.
- ``None``: nothing the matcher reads changed: the entity's results stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from seisai.matching import scoring_config
from seisai.matching.features import identifier_keys
from seisai.model import Entity, NameKind


def _view(entity: Entity) -> dict[str, Any]:
    return {
        "schema": entity.schema.value,
        "names": {(n.value, n.lang, n.kind is NameKind.WEAK_ALIAS) for n in entity.names},
        "ids": {k for i in entity.identifiers for k in identifier_keys(i)},
        "birth": sorted(d.iso() for d in entity.birth_dates),
        "countries": sorted(set(entity.countries) | set(entity.nationalities)),
        "gender": entity.gender,
    }


def fact_gain(field_name: str) -> float:
    """The most a change of ``field_name`` (birth, countries, gender) can raise a score."""
    q = scoring_config().qualifiers
    if field_name == "birth":
        worst = min(q["birth_date_year_mismatch"], q["birth_date_day_mismatch"], q["birth_date_day_month_swap"], 0.0)
        return q["birth_date_match"] - worst
    if field_name == "countries":
        return q["country_match"] - min(q["country_mismatch"], 0.0)
    return -min(q["gender_mismatch"], 0.0)


def classify(old: Entity, new: Entity) -> tuple[str, float] | None:
    """``("names", 0)``, ``("facts", gain)`` or ``None`` (see the module docstring)."""
    a, b = _view(old), _view(new)
    if a == b:
        return None
    if a["schema"] != b["schema"] or a["names"] != b["names"] or b["ids"] - a["ids"]:
        return "names", 0.0
    gain = sum(fact_gain(f) for f in ("birth", "countries", "gender") if a[f] != b[f])
    return "facts", gain


@dataclass
class Changes:
    """Entities added, removed and changed (by kind) between the old and the new pins."""

    added: dict[str, Entity] = field(default_factory=dict)
    removed: dict[str, Entity] = field(default_factory=dict)
    names: dict[str, Entity] = field(default_factory=dict)
    facts: dict[str, float] = field(default_factory=dict)
    facts_new: dict[str, Entity] = field(default_factory=dict)
    old_changed: dict[str, Entity] = field(default_factory=dict)
    unchanged_for_screening: int = 0

    @property
    def changed_ids(self) -> set[str]:
        return set(self.names) | set(self.facts)

    def counts(self) -> dict[str, int]:
        """JSON-ready counts."""
        return {
            "added": len(self.added), "removed": len(self.removed), "changed_names": len(self.names),
            "changed_facts": len(self.facts), "changed_other": self.unchanged_for_screening,
        }  # fmt: skip


def collect_changes(store: Any, old_pins: dict[str, int], new_pins: dict[str, int]) -> Changes:
    """Compare the entities of ``old_pins`` and ``new_pins``, source by source."""
    changes = Changes()
    for source in sorted(set(old_pins) | set(new_pins)):
        old_id, new_id = old_pins.get(source), new_pins.get(source)
        if old_id == new_id:
            continue
        before = {e.id: e for e in store.entities_at(old_id)} if old_id is not None else {}
        after = {e.id: e for e in store.entities_at(new_id)} if new_id is not None else {}
        for eid in after.keys() - before.keys():
            changes.added[eid] = after[eid]
        for eid in before.keys() - after.keys():
            changes.removed[eid] = before[eid]
        for eid in before.keys() & after.keys():
            kind = classify(before[eid], after[eid])
            if kind is None:
                if before[eid].content_hash() != after[eid].content_hash():
                    changes.unchanged_for_screening += 1
                continue
            changes.old_changed[eid] = before[eid]
            if kind[0] == "names":
                changes.names[eid] = after[eid]
            else:
                changes.facts[eid] = kind[1]
                changes.facts_new[eid] = after[eid]
    return changes
