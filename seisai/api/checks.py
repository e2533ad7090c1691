"""Transaction checks (``POST /check``) without the web framework.

The rules engine (:mod:`seisai.rules`) decides each transaction; its parties are screened by
the same matcher as ``/match``, over the lists the worker serves. :func:`check_audit` writes
the audit record: the transactions, the date and jurisdictions, the list versions and the
measures version, and every decision with its reasons and party hits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from seisai.api.loaded import Loaded
from seisai.api.screening import algorithm_record
from seisai.exc import TransactionError
from seisai.rules import Decision, Engine, MatcherScreener, default_book, parse_transaction

MAX_TRANSACTIONS = 100


def engine_for(loaded: Loaded) -> Engine:
    """The rules engine screening with ``loaded``'s matcher (built once per set of lists)."""
    engine = loaded.extras.get("engine")
    if not isinstance(engine, Engine):
        versions = {
            source: v.published.isoformat() if v.published else f"v{v.id}" for source, v in sorted(loaded.snapshot.versions.items())
        }
        engine = Engine(default_book(), MatcherScreener(loaded.matcher, versions=versions))
        loaded.extras["engine"] = engine
    return engine


def run_checks(
    engine: Engine, transactions: Sequence[Mapping[str, Any]], as_of: date | None, jurisdictions: Sequence[str] | None
) -> list[Decision]:
    """Decide each transaction; a bad one fails the request, named by its place."""
    if not transactions:
        raise TransactionError("transactions", "no transactions given")
    if len(transactions) > MAX_TRANSACTIONS:
        raise TransactionError("transactions", f"at most {MAX_TRANSACTIONS} per request, got {len(transactions)}")
    parsed = [parse_transaction(dict(tx), where=f"transactions[{i}]") for i, tx in enumerate(transactions)]
    return [engine.check(tx, as_of=as_of, jurisdictions=list(jurisdictions) if jurisdictions else None) for tx in parsed]


def check_audit(
    loaded: Loaded,
    engine: Engine,
    transactions: Sequence[Mapping[str, Any]],
    decisions: Sequence[Decision],
    options: Mapping[str, Any],
    request: Mapping[str, Any],
) -> dict[str, Any]:
    """The audit record of a ``/check`` request."""
    return {
        "request": dict(request),
        "options": dict(options),
        "algorithm": algorithm_record(),
        "measures_version": engine.book.version(),
        "lists": loaded.lists_record(),
        "transactions": [{"input": dict(tx), "decision": d.to_dict()} for tx, d in zip(transactions, decisions, strict=True)],
    }
