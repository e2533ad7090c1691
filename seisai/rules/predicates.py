"""Testing a measure's conditions (:class:`seisai.rules.spec.Condition`) against the facts of
a transaction. See :mod:`seisai.rules.logic` for the three-valued answers; goods and oil
checks live in :mod:`seisai.rules.goods`, party checks in :mod:`seisai.rules.parties`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from seisai.rules.facts import Facts, Place, moves_goods
from seisai.rules.goods import check_goods, check_oil
from seisai.rules.logic import (
    FALSE,
    Check,
    all_of,
    any_of,
    check_date,
    check_member,
    check_threshold,
)
from seisai.rules.parties import check_named_parties, check_parties, check_party_countries
from seisai.rules.spec import Condition, InvestmentCond, PlaceCond, SecurityCond
from seisai.rules.vocab import TxType


def check_places(places: list[Place], cond: PlaceCond, what: str, needed: bool = True) -> Check:
    """Some place in ``places`` is one of the condition's countries or regions. With no
    place at all the answer is UNKNOWN when the place is ``needed`` (goods move), else FALSE."""
    if not places:
        return Check.unknown(f"{what} (no country, region or address given)") if needed else FALSE
    codes = set(cond.countries) | set(cond.regions)
    found = [p for p in places if p.code in codes]
    sure = [p for p in found if p.certain]
    if sure:
        return Check.true(f"{what} {sure[0].code.upper()} ({sure[0].evidence})")
    if found:
        place = found[0]
        return Check.true(
            f"{what} possibly {place.code.upper()} ({place.evidence})",
            doubt=f"{what} is only possibly {place.code.upper()}: {place.evidence}",
        )
    return FALSE


def check_security(facts: Facts, cond: SecurityCond) -> Check:
    """The security's issuer type and country, market, issue date and maturity."""
    sec = facts.tx.security
    if sec is None:
        return FALSE
    checks: list[Check] = []
    if cond.issuer_types:
        checks.append(check_member(sec.issuer_type, cond.issuer_types, "security.issuer_type"))
    if cond.issuer_countries:
        checks.append(check_member(sec.issuer_country, cond.issuer_countries, "security.issuer_country"))
    if cond.markets:
        checks.append(check_member(sec.market, cond.markets, "security.market"))
    if cond.issued is not None:
        checks.append(
            Check.unknown("security.issue_date")
            if sec.issue_date is None
            else check_date(cond.issued, sec.issue_date, "security.issue_date")
        )
    if cond.maturity_days is not None:
        checks.append(check_threshold(sec.maturity_days, cond.maturity_days, "security.maturity_days"))
    return all_of(checks)


def check_investment(facts: Facts, cond: InvestmentCond) -> Check:
    """Stake and loan-term thresholds. An equity stake has no loan term and a loan no stake:
    a missing one is UNKNOWN only when neither is given."""
    inv = facts.tx.investment
    if inv is None:
        return FALSE
    given = {"stake_percent": inv.stake_percent, "loan_term_days": inv.loan_term_days}
    neither = all(v is None for v in given.values())
    checks = []
    for name, threshold in (("stake_percent", cond.stake_percent), ("loan_term_days", cond.loan_term_days)):
        if threshold is None:
            continue
        if given[name] is None and not neither:
            checks.append(FALSE)
        else:
            checks.append(check_threshold(given[name], threshold, f"investment.{name}"))
    return all_of(checks)


def _flag(value: str | None, allowed: tuple[str, ...], what: str) -> Check:
    return check_member(value, allowed, what) if value else FALSE


def _simple(facts: Facts, cond: Condition) -> list[Callable[[], Check]]:
    tx = facts.tx
    checks: list[Callable[[], Check]] = []
    if cond.types:
        checks.append(lambda: Check.true(f"type {tx.type.value}") if tx.type in cond.types else FALSE)
    if cond.service is not None:
        categories = cond.service.categories
        svc = tx.service.category if tx.service else None
        checks.append(lambda: Check.true(f"service {svc}") if svc in categories else FALSE)
    if cond.instruments:
        checks.append(lambda: _flag(tx.instrument, cond.instruments, "instrument"))
    if cond.purposes:
        checks.append(lambda: _flag(tx.purpose, cond.purposes, "purpose"))
    if cond.personal_use is not None:
        checks.append(lambda: Check.true("personal use") if tx.personal_use == cond.personal_use else FALSE)
    for name, rng, day in (
        ("date", cond.date, facts.as_of),
        ("contract_date", cond.contract_date, tx.contract_date),
        ("loading_date", cond.loading_date, tx.loading_date),
    ):
        if rng is not None:
            checks.append(partial(check_date, rng, day, name))
    return checks


def _compound(facts: Facts, cond: Condition) -> list[Callable[[], Check]]:
    checks: list[Callable[[], Check]] = []
    for place_cond, places, what in (
        (cond.shipped_from, facts.shipped_from, "shipped from"),
        (cond.origin, facts.origin, "origin"),
        (cond.destination, facts.destination, "destination"),
    ):
        if place_cond is not None:
            # Where goods come from matters whenever goods or oil move; where they go, for exports.
            needed = facts.tx.type is TxType.EXPORT if what == "destination" else moves_goods(facts.tx)
            checks.append(partial(check_places, places, place_cond, what, needed))
    if (sec := cond.security) is not None:
        checks.append(lambda: check_security(facts, sec))
    if (inv := cond.investment) is not None:
        checks.append(lambda: check_investment(facts, inv))
    if cond.goods:
        checks.append(lambda: check_goods(facts, cond.goods))
    if (oil := cond.oil) is not None:
        checks.append(lambda: check_oil(facts, oil))
    if (pc := cond.party_countries) is not None:
        checks.append(lambda: check_party_countries(facts, pc))
    if (named := cond.named_parties) is not None:
        checks.append(lambda: check_named_parties(facts, named))
    if (listed := cond.parties) is not None:
        checks.append(lambda: check_parties(facts, listed))
    if cond.any:
        checks.append(lambda: any_of(evaluate(c, facts) for c in cond.any))
    return checks


def evaluate(cond: Condition, facts: Facts) -> Check:
    """Test all of ``cond`` against ``facts``, cheap checks first, stopping at a FALSE."""
    return all_of(c() for c in (*_simple(facts, cond), *_compound(facts, cond)))
