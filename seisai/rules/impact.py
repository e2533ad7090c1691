"""What a proposed package of measures would change in a book of transactions.

A policy team drafting the next round, or a bank preparing for it, writes the package as a
measures file (``status: draft``, the same format as ``seisai/data/measures``) and runs
every transaction of a book through the engine twice: with the measures in force, and with
the draft added. Draft measures may ``supersede`` measures in force (a lower price cap
supersedes the current one). The report counts decisions before and after, lists every
transaction whose decision changes or that a draft measure newly covers, and sums the value
affected per draft measure.

By default every transaction is evaluated as of the day the draft takes effect (its earliest
``effective`` date), so that the comparison isolates the draft; ``as_of`` overrides it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from seisai.rules.decision import Decision
from seisai.rules.engine import Engine
from seisai.rules.errors import MeasureFileError
from seisai.rules.lint import lint_specs
from seisai.rules.loader import LoadedFile, MeasureBook, load_file
from seisai.rules.screening import PartyScreener
from seisai.rules.transaction import Transaction
from seisai.rules.vocab import Outcome


@dataclass
class Change:
    """One transaction the draft affects."""

    where: str
    transaction_id: str | None
    before: Outcome
    after: Outcome
    draft_measures: list[str]
    dropped_measures: list[str]
    value_jpy: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "id": self.transaction_id,
            "before": self.before.value,
            "after": self.after.value,
            "draft_measures": self.draft_measures,
            "dropped_measures": self.dropped_measures,
            "value_jpy": self.value_jpy,
        }


@dataclass
class ImpactReport:
    """The comparison of a book with and without a draft package."""

    draft: str
    draft_ids: list[str]
    as_of: date | None
    jurisdictions: list[str]
    total: int = 0
    before: Counter[str] = field(default_factory=Counter)
    after: Counter[str] = field(default_factory=Counter)
    changes: list[Change] = field(default_factory=list)
    by_measure: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def changed_decisions(self) -> list[Change]:
        """The transactions whose decision changes."""
        return [c for c in self.changes if c.before is not c.after]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "draft": self.draft,
            "draft_measures": self.draft_ids,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "jurisdictions": self.jurisdictions,
            "transactions": self.total,
            "decisions_before": dict(self.before),
            "decisions_after": dict(self.after),
            "changed_decisions": len(self.changed_decisions),
            "newly_covered": len(self.changes),
            "by_measure": self.by_measure,
            "changes": [c.to_dict() for c in self.changes],
        }


def load_draft(path: Path | str, base: MeasureBook) -> LoadedFile:
    """Read and check a draft package against the measures in force; raises
    :class:`MeasureFileError` naming the first error (dates, codes, references)."""
    draft = load_file(path)
    specs = [(f.name, f.spec) for f in base.files] + [(draft.name, draft.spec)]
    errors = [p for p in lint_specs(specs) if p.level == "error" and p.file == draft.name]
    if errors:
        raise MeasureFileError(draft.name, errors[0].where, errors[0].message)
    if not draft.spec.measures:
        raise MeasureFileError(draft.name, "measures", "the draft has no measures")
    return draft


def _value(tx: Transaction) -> float:
    goods = sum(g.value_jpy or 0 for g in tx.goods)
    amount = tx.amount if tx.currency in (None, "JPY") and tx.amount else 0
    return float(goods or amount)


def _compare(where: str, tx: Transaction, before: Decision, after: Decision, draft_ids: set[str]) -> Change | None:
    new = [m for m in after.measure_ids if m in draft_ids]
    dropped = [m for m in before.measure_ids if m not in after.measure_ids]
    if before.decision is after.decision and not new and not dropped:
        return None
    return Change(where, tx.id, before.decision, after.decision, new, dropped, _value(tx))


def impact(
    base: MeasureBook,
    draft_path: Path | str,
    transactions: Iterable[tuple[str, Transaction]],
    screener: PartyScreener | None = None,
    *,
    as_of: date | None = None,
    jurisdictions: Sequence[str] | None = None,
) -> ImpactReport:
    """Evaluate ``transactions`` with and without the draft at ``draft_path``."""
    draft = load_draft(draft_path, base)
    combined = MeasureBook()
    for loaded in [*base.files, draft]:
        combined.add(loaded)
    codes = list(jurisdictions or [draft.spec.jurisdiction])
    draft_ids = [m.id for m in draft.spec.measures]
    day = as_of or min(m.effective for m in draft.spec.measures)
    without, with_draft = Engine(base, screener, jurisdictions=codes), Engine(combined, screener, jurisdictions=codes)
    report = ImpactReport(draft.name, draft_ids, day, codes)
    for where, tx in transactions:
        before = without.check(tx, as_of=day, jurisdictions=codes)
        after = with_draft.check(tx, as_of=day, jurisdictions=codes)
        report.total += 1
        report.before[before.decision.value] += 1
        report.after[after.decision.value] += 1
        change = _compare(where, tx, before, after, set(draft_ids))
        if change is None:
            continue
        report.changes.append(change)
        for measure in change.draft_measures:
            entry = report.by_measure.setdefault(measure, {"transactions": 0, "value_jpy": 0.0})
            entry["transactions"] += 1
            entry["value_jpy"] += change.value_jpy
    return report
