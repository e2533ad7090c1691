"""The answer for one transaction: a decision, the reasons for it, and the party hits.

Outcomes rank ``prohibited`` > ``licence_required`` > ``review`` > ``allowed``; the decision
is the strictest outcome among the reasons. Reasons with outcome ``notice`` (a tariff, a
policy, a reporting duty) and ``allowed`` (a measure that would apply but an exemption
lifts it) explain without deciding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from seisai.rules.vocab import Outcome


@dataclass
class Reason:
    """Why a measure bears on the transaction (or why it cannot be told)."""

    measure_id: str | None
    jurisdiction: str | None
    title: str
    type: str
    outcome: Outcome
    detail: str
    effective: date | None = None
    legal_basis: str | None = None
    sources: list[dict[str, str]] = field(default_factory=list)
    confidence: str | None = None
    note: str | None = None
    exemption: str | None = None
    entities: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; ``source`` is the first source's URL, ``sources`` all of them."""
        data: dict[str, Any] = {
            "measure_id": self.measure_id,
            "jurisdiction": self.jurisdiction,
            "title": self.title,
            "type": self.type,
            "outcome": self.outcome.value,
            "effective": self.effective.isoformat() if self.effective else None,
            "legal_basis": self.legal_basis,
            "source": self.sources[0]["url"] if self.sources else None,
            "sources": self.sources,
            "confidence": self.confidence,
            "detail": self.detail,
        }
        for key in ("note", "exemption"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.entities:
            data["entities"] = self.entities
        if self.measures:
            data["measures"] = self.measures
        return data


@dataclass
class Decision:
    """The decision for one transaction, under one or more jurisdictions."""

    decision: Outcome
    as_of: date
    jurisdictions: list[str]
    by_jurisdiction: dict[str, Outcome]
    reasons: list[Reason]
    party_hits: list[dict[str, Any]]
    list_versions: dict[str, str]
    measures_version: str
    transaction_id: str | None = None
    transaction_type: str | None = None

    @property
    def measure_ids(self) -> list[str]:
        """Ids of the measures cited, in order."""
        return [r.measure_id for r in self.reasons if r.measure_id]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the documented output format)."""
        return {
            "id": self.transaction_id,
            "type": self.transaction_type,
            "decision": self.decision.value,
            "as_of": self.as_of.isoformat(),
            "jurisdictions": self.jurisdictions,
            "by_jurisdiction": {k: v.value for k, v in self.by_jurisdiction.items()},
            "reasons": [r.to_dict() for r in self.reasons],
            "party_hits": self.party_hits,
            "list_versions": self.list_versions,
            "measures_version": self.measures_version,
        }


def strictest(outcomes: list[Outcome]) -> Outcome:
    """The strictest deciding outcome, ``allowed`` when there is none."""
    deciding = [o for o in outcomes if o.severity > 0]
    return max(deciding, key=lambda o: o.severity) if deciding else Outcome.ALLOWED
