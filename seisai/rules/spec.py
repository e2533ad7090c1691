"""The shape of a measures file (``seisai/data/measures/<jurisdiction>/<regime>.yml``).

A file holds one jurisdiction's measures under one regime, with a table of the sources it
cites. Each measure says when it applies (announced, effective, end), on what legal basis,
from which sources, how sure the project is (``confidence``), what it does (``outcome``),
and to which transactions: its ``when`` is a set of conditions over the transaction that
must all hold, and its ``unless`` lists exemptions. All models are frozen and refuse unknown
keys, so a misspelt condition is an error, not a condition that never matches.

Conditions read like the transaction they test::

    when:
      types: [export]
      destination: {countries: [ru]}
      goods:
        - {hs: ["8703"], unit_value_jpy: {over: 6000000}, label: passenger cars}
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from seisai.rules.hs import HSCodeError, normalize_hs
from seisai.rules.vocab import Confidence, MeasureType, Outcome, Role, TxType


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Threshold(_Frozen):
    """A numeric bound: ``over`` (>), ``at_least`` (>=), ``under`` (<), ``at_most`` (<=).

    Legal texts say "exceeding ¥6m" (``over: 6000000``) or "1 carat or more"
    (``at_least: 1``); the two differ exactly at the threshold, which is what the scenario
    tests check.
    """

    over: float | None = None
    at_least: float | None = None
    under: float | None = None
    at_most: float | None = None

    @model_validator(mode="after")
    def _one_bound_each_side(self) -> Threshold:
        if self.over is not None and self.at_least is not None:
            raise ValueError("give either 'over' or 'at_least', not both")
        if self.under is not None and self.at_most is not None:
            raise ValueError("give either 'under' or 'at_most', not both")
        if all(v is None for v in (self.over, self.at_least, self.under, self.at_most)):
            raise ValueError("a threshold needs at least one bound")
        return self

    def test(self, value: float) -> bool:
        """True when ``value`` is within the bounds."""
        return not (
            (self.over is not None and not value > self.over)
            or (self.at_least is not None and not value >= self.at_least)
            or (self.under is not None and not value < self.under)
            or (self.at_most is not None and not value <= self.at_most)
        )

    def describe(self) -> str:
        """Human form: ``> 6000000``, ``>= 1 and < 2``."""
        parts = [
            f"{op} {_num(v)}"
            for op, v in ((">", self.over), (">=", self.at_least), ("<", self.under), ("<=", self.at_most))
            if v is not None
        ]
        return " and ".join(parts)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class DateRange(_Frozen):
    """Dates from ``start`` to ``until``, both inclusive; either end may be open.

    In YAML: ``{from: 2022-03-11, until: 2022-03-15}`` or ``{before: 2022-04-19}``
    (``before`` is exclusive, a convenience for grandfather clauses).
    """

    start: date | None = Field(default=None, alias="from")
    until: date | None = None
    before: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        if self.until is not None and self.before is not None:
            raise ValueError("give either 'until' or 'before', not both")
        end = self.until or self.before
        if self.start is not None and end is not None and end < self.start:
            raise ValueError(f"range ends ({end}) before it starts ({self.start})")
        if self.start is None and end is None:
            raise ValueError("a date range needs 'from', 'until' or 'before'")
        return self

    def contains(self, day: date) -> bool:
        """True when ``day`` is in the range."""
        if self.start is not None and day < self.start:
            return False
        if self.until is not None and day > self.until:
            return False
        return not (self.before is not None and day >= self.before)

    def describe(self) -> str:
        """Human form: ``2022-03-11..2022-03-15``, ``before 2022-04-19``."""
        if self.before is not None:
            return f"{self.start}..(before {self.before})" if self.start else f"before {self.before}"
        return f"{self.start or ''}..{self.until or ''}"


class IntRange(_Frozen):
    """Whole numbers from ``start`` to ``until``, both inclusive (list entry numbers);
    without ``until`` the range is open-ended."""

    start: int = Field(alias="from")
    until: int | None = None

    @model_validator(mode="after")
    def _ordered(self) -> IntRange:
        if self.until is not None and self.until < self.start:
            raise ValueError(f"range ends ({self.until}) before it starts ({self.start})")
        return self

    def contains(self, value: int) -> bool:
        """True when ``value`` is in the range."""
        return self.start <= value and (self.until is None or value <= self.until)


class PlaceCond(_Frozen):
    """Countries (ISO alpha-2, lower case) and occupied regions (ISO 3166-2 ids such as
    ``UA-43``) that a place may be in; either one matching is enough."""

    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()


class GoodsCond(_Frozen):
    """A goods line is covered when its HS code falls under one of ``hs`` (and none of
    ``exclude_hs``) and every given threshold holds. ``controlled`` matches goods that the
    trader marks as an export-control list item. ``origin`` restricts to goods of these
    origins; goods processed in a third country count only with ``include_processed``."""

    label: str
    hs: tuple[str, ...] = ()
    exclude_hs: tuple[str, ...] = ()
    controlled: bool | None = None
    unit_value_jpy: Threshold | None = None
    carat: Threshold | None = None
    engine_cc: Threshold | None = None
    origin: tuple[str, ...] = ()
    include_processed: bool = False
    confidence: Confidence | None = None
    note: str | None = None

    @field_validator("hs", "exclude_hs", mode="before")
    @classmethod
    def _hs_codes(cls, value: Any) -> tuple[str, ...]:
        if isinstance(value, str | int):
            value = [value]
        try:
            return tuple(normalize_hs(str(v)) for v in value or ())
        except HSCodeError as exc:
            raise ValueError(str(exc)) from None

    @model_validator(mode="after")
    def _selects_something(self) -> GoodsCond:
        if not self.hs and self.controlled is None:
            raise ValueError(f"goods {self.label!r}: give 'hs' codes or 'controlled'")
        return self


class PartyCond(_Frozen):
    """A party found on a sanctions list: which lists, which programmes (matched as
    case-insensitive substrings of the entity's programme), which roles, when listed
    (``listed``), which entries (``entries``, the list's entry numbers; ``unnumbered`` for
    only the entities without one), which METI concern types. ``lag_days`` delays the effect after listing (Japan's bank freezes
    took effect 30 days after designation)."""

    lists: tuple[str, ...]
    programmes: tuple[str, ...] = ()
    exclude_programmes: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    listed: DateRange | None = None
    entries: IntRange | None = None
    unnumbered: bool = False
    concerns: tuple[str, ...] = ()
    lag_days: int = Field(default=0, ge=0, le=365)


class NamedPartiesCond(_Frozen):
    """Parties named in the measure itself (the five banks of Japan's 2014 securities ban),
    matched on normalised names, in ``roles`` (any role when empty)."""

    names: tuple[str, ...]
    roles: tuple[Role, ...] = ()


class PartyCountryCond(_Frozen):
    """Some party in one of ``roles`` (any when empty) is in one of ``countries`` (and, when
    ``schemas`` is given, is of one of those schemas: ``Person``, ``Organization``...)."""

    countries: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    schemas: tuple[str, ...] = ()


class SecurityCond(_Frozen):
    """A security by issuer type and country, issue date, maturity and market."""

    issuer_types: tuple[str, ...] = ()
    issuer_countries: tuple[str, ...] = ()
    issued: DateRange | None = None
    maturity_days: Threshold | None = None
    markets: tuple[str, ...] = ()


class InvestmentCond(_Frozen):
    """An investment by stake size and loan term."""

    stake_percent: Threshold | None = None
    loan_term_days: Threshold | None = None


class ServiceCond(_Frozen):
    """A service by category (see :data:`seisai.rules.vocab.SERVICE_CATEGORIES`)."""

    categories: tuple[str, ...]


class OilCond(_Frozen):
    """Oil by product class, price per barrel (USD) and producing project."""

    products: tuple[str, ...] = ()
    price_usd_per_barrel: Threshold | None = None
    projects: tuple[str, ...] = ()


class Condition(_Frozen):
    """Conditions that must all hold; ``any`` holds when at least one of its members does."""

    types: tuple[TxType, ...] = ()
    origin: PlaceCond | None = None
    shipped_from: PlaceCond | None = None
    destination: PlaceCond | None = None
    goods: tuple[GoodsCond, ...] = ()
    parties: PartyCond | None = None
    named_parties: NamedPartiesCond | None = None
    party_countries: PartyCountryCond | None = None
    security: SecurityCond | None = None
    investment: InvestmentCond | None = None
    service: ServiceCond | None = None
    oil: OilCond | None = None
    date: DateRange | None = None
    contract_date: DateRange | None = None
    loading_date: DateRange | None = None
    instruments: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    personal_use: bool | None = None
    any: tuple[Condition, ...] = ()


class Exemption(_Frozen):
    """A carve-out: when ``when`` holds, the measure's outcome becomes ``outcome``
    (``allowed`` by default: the measure does not apply)."""

    id: str
    title: str
    when: Condition
    outcome: Outcome = Outcome.ALLOWED
    sources: tuple[str, ...] = ()
    confidence: Confidence | None = None
    note: str | None = None


class Measure(_Frozen):
    """One dated measure of one jurisdiction."""

    id: str = Field(pattern=r"^[A-Z]{2}-[0-9A-Z]{2,5}-[0-9]{3}[a-z]?$")
    title: str
    type: MeasureType
    announced: date | None = None
    effective: date
    end: date | None = None
    legal_basis: str
    sources: tuple[str, ...] = Field(min_length=1)
    confidence: Confidence
    note: str | None = None
    outcome: Outcome
    fallback: bool = False
    fact_sheet: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    when: Condition
    unless: tuple[Exemption, ...] = ()

    def in_force(self, day: date) -> bool:
        """True when the measure is in force on ``day`` (effective..end inclusive)."""
        return self.effective <= day and (self.end is None or day <= self.end)


class SourceRef(_Frozen):
    """A cited source: its URL, a short title, and whether it is an official page."""

    url: str = Field(pattern=r"^https?://\S+")
    title: str
    official: bool = False


class MeasureFile(_Frozen):
    """A measures file: one jurisdiction, one regime."""

    jurisdiction: str
    regime: str
    title: str
    authority: str
    status: str = Field(default="in_force", pattern=r"^(in_force|draft)$")
    note: str | None = None
    sources: dict[str, SourceRef]
    measures: tuple[Measure, ...]


def schema_summary() -> dict[str, Any]:
    """The JSON schema of a measures file, for editors and for ``seisai measures show``."""
    return MeasureFile.model_json_schema(by_alias=True)
