"""Three-valued answers for the conditions of a measure.

A condition answers TRUE, FALSE or UNKNOWN (the transaction lacks a fact the condition needs,
such as a goods value for a value threshold). Answers combine by Kleene logic: :func:`all_of`
is FALSE if any part is FALSE, else UNKNOWN if any part is, else TRUE; :func:`any_of` the
other way round.

A TRUE answer may carry *doubts*: it holds only through a weak name match, a place that is
only possibly occupied, or the buyer's country when the goods go elsewhere. The engine turns
a doubtful prohibition into ``review``. Every answer says why in ``details``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum

from seisai.rules.spec import DateRange, Threshold


class Truth(IntEnum):
    """Three-valued truth, ordered FALSE < UNKNOWN < TRUE."""

    FALSE = 0
    UNKNOWN = 1
    TRUE = 2


@dataclass
class Check:
    """The answer of a condition: truth, why, what was missing, doubts, entities relied on."""

    truth: Truth
    details: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)

    @classmethod
    def true(cls, detail: str, doubt: str | None = None, entities: list[str] | None = None) -> Check:
        return cls(Truth.TRUE, [detail], doubts=[doubt] if doubt else [], entities=entities or [])

    @classmethod
    def false(cls, detail: str = "") -> Check:
        return cls(Truth.FALSE, [detail] if detail else [])

    @classmethod
    def unknown(cls, missing: str) -> Check:
        return cls(Truth.UNKNOWN, missing=[missing])


FALSE = Check(Truth.FALSE)


def all_of(checks: Iterable[Check]) -> Check:
    """Kleene AND; stops at the first FALSE."""
    out = Check(Truth.TRUE)
    for check in checks:
        if check.truth is Truth.FALSE:
            return check
        out.truth = min(out.truth, check.truth)
        out.details += check.details
        out.missing += check.missing
        out.doubts += check.doubts
        out.entities += check.entities
    return out


def any_of(checks: Iterable[Check]) -> Check:
    """Kleene OR: the first TRUE without doubts, else a doubtful TRUE, else UNKNOWN, else FALSE."""
    best: Check | None = None
    missing: list[str] = []
    for check in checks:
        if check.truth is Truth.TRUE and not check.doubts:
            return check
        if check.truth is Truth.TRUE and best is None:
            best = check
        elif check.truth is Truth.UNKNOWN:
            missing += check.missing
    if best is not None:
        return best
    return Check(Truth.UNKNOWN, missing=missing) if missing else Check.false()


def check_threshold(value: float | None, threshold: Threshold, what: str) -> Check:
    """``value`` against ``threshold``; UNKNOWN naming ``what`` when the value is missing."""
    if value is None:
        return Check.unknown(what)
    if threshold.test(value):
        return Check.true(f"{what} {value:g} {threshold.describe()}")
    return Check.false()


def check_member(value: str | None, allowed: tuple[str, ...], what: str) -> Check:
    """``value`` in ``allowed``; UNKNOWN naming ``what`` when the value is missing."""
    if value is None:
        return Check.unknown(what)
    return Check.true(f"{what} is {value}") if value in allowed else Check.false()


def check_date(rng: DateRange, day: date | None, what: str) -> Check:
    """``day`` within ``rng``; FALSE when not given (an exemption needs its dates proved)."""
    if day is None:
        return Check.false(f"{what} not given")
    return Check.true(f"{what} {day} is {rng.describe()}") if rng.contains(day) else Check.false()
