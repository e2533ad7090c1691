"""The rules engine: a decision for a transaction, as of a date, under one or more
jurisdictions, citing every measure that applied.

::

    from seisai.rules import Engine
    engine = Engine(screener=MatcherScreener(matcher))
    decision = engine.check({"type": "export", "date": "2022-03-20", ...})
    decision.decision          # Outcome.PROHIBITED
    decision.to_dict()         # the documented JSON output

For each measure of the chosen jurisdictions that is in force on the date, the engine tests
its conditions (:mod:`seisai.rules.predicates`). A measure whose conditions hold gives its
outcome, unless an exemption holds, which gives the exemption's outcome instead; a measure
that holds only through a weak name match or a possibly-occupied place gives ``review``; a
measure that cannot be told for want of a fact (a goods value, an origin) is listed under
one ``review`` reason naming the missing facts. A measure superseded by another that applies
is dropped, and a ``fallback`` measure (a list's catch-all) is dropped when a more specific
measure already cites the same listed entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from seisai.rules.decision import Decision, Reason, strictest
from seisai.rules.facts import Facts, gather_facts
from seisai.rules.loader import MeasureBook, default_book
from seisai.rules.logic import Truth
from seisai.rules.predicates import evaluate
from seisai.rules.screening import NullScreener, PartyScreener
from seisai.rules.spec import Condition, Measure
from seisai.rules.transaction import Transaction, parse_transaction
from seisai.rules.vocab import JURISDICTIONS, Outcome, TxType


@dataclass(frozen=True)
class _Compiled:
    measure: Measure
    jurisdiction: str
    types: frozenset[TxType]  # empty: any type
    sources: list[dict[str, str]]


def _types_of(cond: Condition) -> frozenset[TxType]:
    if cond.types:
        return frozenset(cond.types)
    if cond.any and all(_types_of(c) for c in cond.any):
        return frozenset(t for c in cond.any for t in _types_of(c))
    return frozenset()


def _lists_of(cond: Condition) -> set[str]:
    lists = set(cond.parties.lists) if cond.parties else set()
    for sub in cond.any:
        lists |= _lists_of(sub)
    return lists


class Engine:
    """Decides transactions against a :class:`MeasureBook`, screening parties with a
    :class:`PartyScreener` (none by default: decisions then flag unscreened parties).

    ``jurisdictions`` are used when neither the call nor the transaction names any.
    """

    def __init__(
        self,
        book: MeasureBook | None = None,
        screener: PartyScreener | None = None,
        *,
        jurisdictions: Sequence[str] = ("JP",),
    ) -> None:
        self.book = book if book is not None else default_book()
        self.screener: PartyScreener = screener if screener is not None else NullScreener()
        self.screens = not isinstance(self.screener, NullScreener)
        self.default_jurisdictions = tuple(jurisdictions)
        self._by_jurisdiction: dict[str, list[_Compiled]] = {}
        self._lists: dict[str, set[str]] = {}
        for measure in self.book.measures():
            code = self.book.jurisdiction_of(measure.id)
            sources = [{"url": s.url, "title": s.title} for s in self.book.sources_of(measure)]
            compiled = _Compiled(measure, code, _types_of(measure.when), sources)
            self._by_jurisdiction.setdefault(code, []).append(compiled)
            self._lists.setdefault(code, set()).update(_lists_of(measure.when))
        self._version = self.book.version()

    def check(
        self,
        tx: Transaction | dict[str, Any],
        *,
        as_of: date | None = None,
        jurisdictions: Sequence[str] | None = None,
    ) -> Decision:
        """Decide ``tx`` as of ``as_of`` (default: the transaction's date, else today)."""
        if not isinstance(tx, Transaction):
            tx = parse_transaction(tx)
        day = as_of or tx.date or date.today()
        codes = self._jurisdictions(jurisdictions or tx.jurisdiction or self.default_jurisdictions)
        facts = gather_facts(tx, day, self.screener, self.screens)
        reasons: list[Reason] = []
        by_code: dict[str, Outcome] = {}
        for code in codes:
            found = self._evaluate(code, facts)
            by_code[code] = strictest([r.outcome for r in found])
            reasons += found
        if not self.screens and facts.parties:
            reasons.append(_unscreened(len(facts.parties)))
        return Decision(
            decision=strictest([r.outcome for r in reasons]),
            as_of=day,
            jurisdictions=list(codes),
            by_jurisdiction=by_code,
            reasons=reasons,
            party_hits=self._party_hits(facts, codes, reasons),
            list_versions=self.screener.list_versions(),
            measures_version=self._version,
            transaction_id=tx.id,
            transaction_type=tx.type.value,
        )

    def check_many(
        self, txs: Iterable[Transaction | dict[str, Any]], **kw: Any
    ) -> Iterator[Decision]:
        """Decide each transaction in turn (same options as :meth:`check`)."""
        for tx in txs:
            yield self.check(tx, **kw)

    def _jurisdictions(self, codes: Sequence[str]) -> tuple[str, ...]:
        from seisai.exc import TransactionError

        out = tuple(dict.fromkeys(c.upper() for c in codes))
        for code in out:
            if code not in JURISDICTIONS:
                raise TransactionError("jurisdiction", f"unknown jurisdiction {code!r}; expected one of: {', '.join(JURISDICTIONS)}")
        return out

    def _evaluate(self, code: str, facts: Facts) -> list[Reason]:
        applied: list[tuple[Measure, Reason]] = []
        incomplete: dict[str, list[str]] = {}
        for cm in self._by_jurisdiction.get(code, []):
            measure = cm.measure
            if (cm.types and facts.tx.type not in cm.types) or not measure.in_force(facts.as_of):
                continue
            check = evaluate(measure.when, facts)
            if check.truth is Truth.FALSE:
                continue
            if check.truth is Truth.UNKNOWN:
                for missing in check.missing[:1]:
                    incomplete.setdefault(missing, []).append(measure.id)
                continue
            applied.append((measure, self._reason(cm, facts, check.details, check.doubts, check.entities)))
        reasons = _prune(applied)
        if incomplete:
            reasons.append(_incomplete(code, incomplete))
        return reasons

    def _reason(
        self, cm: _Compiled, facts: Facts, details: list[str], doubts: list[str], entities: list[str]
    ) -> Reason:
        measure = cm.measure
        outcome, exemption, note = measure.outcome, None, measure.note
        for ex in measure.unless:
            check = evaluate(ex.when, facts)
            if check.truth is Truth.TRUE:
                outcome, exemption = ex.outcome, f"{ex.id}: {ex.title}"
                details = [*details, *check.details]
                note = ex.note or note
                break
        if doubts and outcome.severity > Outcome.REVIEW.severity:
            outcome = Outcome.REVIEW
            details = [*details, "REVIEW: " + "; ".join(doubts)]
        return Reason(
            measure_id=measure.id,
            jurisdiction=cm.jurisdiction,
            title=measure.title,
            type=measure.type.value,
            outcome=outcome,
            detail="; ".join(d for d in details if d),
            effective=measure.effective,
            legal_basis=measure.legal_basis,
            sources=cm.sources,
            confidence=measure.confidence.value,
            note=note,
            exemption=exemption,
            entities=sorted(set(entities)),
        )

    def _party_hits(self, facts: Facts, codes: Sequence[str], reasons: list[Reason]) -> list[dict[str, Any]]:
        lists = set().union(*(self._lists.get(c, set()) for c in codes))
        out = []
        for i, (party, hits) in enumerate(zip(facts.parties, facts.hits, strict=True)):
            for hit in hits:
                cited = [r.measure_id for r in reasons if hit.entity_id in r.entities and r.measure_id]
                out.append({
                    "party": i,
                    "role": party.role.value,
                    "name": party.name,
                    **hit.to_dict(),
                    "relevant": hit.source in lists,
                    "measures": cited,
                })
        return out


def _prune(applied: list[tuple[Measure, Reason]]) -> list[Reason]:
    """Drop measures superseded by an applied one, and fallbacks covered by specific ones."""
    superseded = {sid for m, _ in applied for sid in m.supersedes}
    kept = [(m, r) for m, r in applied if m.id not in superseded]
    specific = {e for m, r in kept if not m.fallback for e in r.entities}
    return [r for m, r in kept if not (m.fallback and r.entities and set(r.entities) <= specific)]


def _incomplete(code: str, missing: dict[str, list[str]]) -> Reason:
    parts = [f"{field} is needed to evaluate {', '.join(ids)}" for field, ids in missing.items()]
    return Reason(
        measure_id=None,
        jurisdiction=code,
        title="Facts missing to evaluate some measures",
        type="incomplete",
        outcome=Outcome.REVIEW,
        detail="; ".join(parts),
        measures=[i for ids in missing.values() for i in ids],
    )


def _unscreened(count: int) -> Reason:
    return Reason(
        measure_id=None,
        jurisdiction=None,
        title="Parties not screened",
        type="screening",
        outcome=Outcome.REVIEW,
        detail=f"{count} part{'y was' if count == 1 else 'ies were'} not screened against the sanctions lists",
    )
