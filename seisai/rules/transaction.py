"""The transaction a decision is made for: what, when, between whom, of which goods, where.

A transaction arrives as JSON (one object, or JSON lines). :func:`parse_transaction` checks
it and returns a :class:`Transaction`; anything wrong raises
:class:`~seisai.exc.TransactionError` naming the field (``goods[0].hs_code: invalid HS code
'85A2'``). Unknown fields are refused, so that a misspelt ``destinaton_country`` is an error
and not a silently unchecked destination. Free data of the caller goes under ``meta``.

Country codes are ISO 3166-1 alpha-2 in any case (``"RU"``) and stored lower case (``"ru"``)
as in the entity model. HS codes are stored as digits (``"854231"``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from seisai.exc import TransactionError
from seisai.geo.countries import is_country_code
from seisai.model.dates import DateParseError, parse_fuzzy_date
from seisai.rules.errors import first_error
from seisai.rules.hs import HSCodeError, normalize_hs
from seisai.rules.vocab import (
    ISSUER_TYPES,
    JURISDICTIONS,
    OIL_PRODUCTS,
    PURPOSES,
    SERVICE_CATEGORIES,
    Role,
    TxType,
)

PARTY_SCHEMAS = frozenset({"Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"})
INSTRUMENTS = frozenset(
    {"wire", "cash", "crypto", "letter_of_credit", "deposit", "loan", "bond", "equity", "trust", "other"}
)


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    code = str(value).strip().lower()
    if not is_country_code(code):
        raise ValueError(f"unknown country code {value!r} (expected ISO 3166-1 alpha-2, e.g. 'RU')")
    return code


def _one_of(value: str | None, allowed: frozenset[str], what: str) -> str | None:
    if value is None:
        return None
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of: {', '.join(sorted(allowed))}")
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Party(_Model):
    """A party to the transaction, screened against the lists."""

    role: Role
    name: str = Field(min_length=1)
    schema_: str = Field(default="LegalEntity", alias="schema")
    country: str | None = None
    nationality: str | None = None
    address: str | None = None
    birth_date: str | None = None
    bic: str | None = Field(default=None, pattern=r"^[A-Za-z]{4}[A-Za-z]{2}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$")
    imo: str | None = Field(default=None, pattern=r"^(IMO ?)?[0-9]{7}$")
    identifiers: tuple[str, ...] = ()

    _countries = field_validator("country", "nationality")(_country)

    @field_validator("schema_")
    @classmethod
    def _schema(cls, value: str) -> str:
        if value not in PARTY_SCHEMAS:
            raise ValueError(f"unknown schema {value!r}; expected one of: {', '.join(sorted(PARTY_SCHEMAS))}")
        return value

    @field_validator("birth_date")
    @classmethod
    def _birth_date(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                parse_fuzzy_date(value)
            except DateParseError as exc:
                raise ValueError(str(exc)) from None
        return value


class Goods(_Model):
    """A goods line. ``value_jpy`` is the line's value; thresholds apply to the value per
    unit (``value_jpy / quantity``). ``carat`` is per stone. ``controlled`` marks an item on
    an export-control list (Japan's Export Trade Control Order Annex 1, e.g. ``control_item``
    ``"2(12)"``)."""

    hs_code: str
    description: str | None = None
    value_jpy: float | None = Field(default=None, ge=0)
    quantity: float = Field(default=1, gt=0)
    carat: float | None = Field(default=None, gt=0)
    engine_cc: float | None = Field(default=None, gt=0)
    origin_country: str | None = None
    processed_in: str | None = None
    controlled: bool = False
    control_item: str | None = None

    _countries = field_validator("origin_country", "processed_in")(_country)

    @field_validator("hs_code", mode="before")
    @classmethod
    def _hs(cls, value: Any) -> str:
        try:
            return normalize_hs(str(value))
        except HSCodeError as exc:
            raise ValueError(str(exc)) from None

    @property
    def unit_value_jpy(self) -> float | None:
        return None if self.value_jpy is None else self.value_jpy / self.quantity


class Security(_Model):
    """A security bought, sold or issued."""

    isin: str | None = Field(default=None, pattern=r"^[A-Z]{2}[A-Z0-9]{9}[0-9]$")
    issuer: str | None = None
    issuer_type: str | None = None
    issuer_country: str | None = None
    issue_date: dt.date | None = None
    maturity_days: int | None = Field(default=None, ge=0)
    market: str | None = Field(default=None, pattern=r"^(primary|secondary)$")

    _country = field_validator("issuer_country")(_country)

    @field_validator("issuer_type")
    @classmethod
    def _issuer_type(cls, value: str | None) -> str | None:
        return _one_of(value, ISSUER_TYPES, "issuer type")

    @field_validator("isin")
    @classmethod
    def _isin_check_digit(cls, value: str | None) -> str | None:
        if value is not None and not isin_valid(value):
            raise ValueError(f"ISIN {value!r} fails its check digit")
        return value


class Investment(_Model):
    """An investment: the stake held after it (in percent, counting existing holdings) and,
    for a loan, its term in days."""

    stake_percent: float | None = Field(default=None, ge=0, le=100)
    loan_term_days: int | None = Field(default=None, ge=0)


class Service(_Model):
    """A service supplied."""

    category: str

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        return _one_of(value, SERVICE_CATEGORIES, "service category") or value


class Oil(_Model):
    """A cargo of crude or products: class, price per barrel (USD, excluding freight and
    insurance) and producing project (``sakhalin-2``)."""

    product: str
    price_usd_per_barrel: float | None = Field(default=None, ge=0)
    project: str | None = None

    @field_validator("product")
    @classmethod
    def _product(cls, value: str) -> str:
        return _one_of(value, OIL_PRODUCTS, "oil product") or value

    @field_validator("project")
    @classmethod
    def _project(cls, value: str | None) -> str | None:
        return None if value is None else "-".join(value.casefold().replace("_", " ").split())


class Transaction(_Model):
    """One transaction to decide (see docs/rules.md for every field)."""

    type: TxType
    id: str | None = None
    date: dt.date | None = None
    jurisdiction: tuple[str, ...] = ()
    parties: tuple[Party, ...] = ()
    goods: tuple[Goods, ...] = ()
    origin_country: str | None = None
    destination_country: str | None = None
    origin_address: str | None = None
    destination_address: str | None = None
    origin_region: str | None = None
    destination_region: str | None = None
    security: Security | None = None
    investment: Investment | None = None
    service: Service | None = None
    oil: Oil | None = None
    contract_date: dt.date | None = None
    loading_date: dt.date | None = None
    instrument: str | None = None
    purpose: str | None = None
    personal_use: bool = False
    amount: float | None = Field(default=None, ge=0)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    meta: dict[str, Any] = Field(default_factory=dict)

    _countries = field_validator("origin_country", "destination_country")(_country)

    @field_validator("jurisdiction", mode="before")
    @classmethod
    def _jurisdictions(cls, value: Any) -> tuple[str, ...]:
        if value is not None and not isinstance(value, str | list | tuple):
            raise ValueError("expected a jurisdiction code or a list of them")
        items = [value] if isinstance(value, str) else list(value or ())
        codes = tuple(str(v).strip().upper() for v in items)
        for code in codes:
            if code not in JURISDICTIONS:
                raise ValueError(f"unknown jurisdiction {code!r}; expected one of: {', '.join(JURISDICTIONS)}")
        return codes

    @field_validator("instrument")
    @classmethod
    def _instrument(cls, value: str | None) -> str | None:
        return _one_of(value, INSTRUMENTS, "instrument")

    @field_validator("purpose")
    @classmethod
    def _purpose(cls, value: str | None) -> str | None:
        return _one_of(value, PURPOSES, "purpose")

    @field_validator("origin_region", "destination_region")
    @classmethod
    def _region(cls, value: str | None) -> str | None:
        from seisai.rules.places import region_ids

        if value is not None and value.upper() not in region_ids():
            raise ValueError(f"unknown region {value!r}; expected one of: {', '.join(sorted(region_ids()))}")
        return None if value is None else value.upper()

    @model_validator(mode="after")
    def _required_by_type(self) -> Transaction:
        required = {
            TxType.EXPORT: ("goods", self.goods),
            TxType.IMPORT: ("goods", self.goods),
            TxType.PAYMENT: ("parties", self.parties),
            TxType.SECURITIES: ("security", self.security),
            TxType.INVESTMENT: ("investment", self.investment),
            TxType.SERVICE: ("service", self.service),
            TxType.VISA: ("parties", self.parties),
        }
        name, value = required[self.type]
        if not value:
            raise ValueError(f"{name}: required for a transaction of type {self.type.value!r}")
        return self


def isin_valid(isin: str) -> bool:
    """True when the ISIN's last digit is its Luhn check digit (ISO 6166)."""
    digits = "".join(str(int(c, 36)) for c in isin[:-1])
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            n = n - 9 if n > 9 else n
        total += n
    return (10 - total % 10) % 10 == int(isin[-1])


def parse_transaction(data: Any, where: str | None = None) -> Transaction:
    """Check a transaction given as a dict (parsed JSON) and return it.

    ``where`` names its place for error messages (``"book.jsonl line 3"``). Raises
    :class:`~seisai.exc.TransactionError` naming the field and the problem.
    """
    prefix = f"{where}: " if where else ""
    if not isinstance(data, dict):
        raise TransactionError(f"{prefix}(transaction)", "expected a JSON object")
    if "type" not in data:
        raise TransactionError(f"{prefix}type", "required field is missing")
    try:
        return Transaction.model_validate(data)
    except ValidationError as exc:
        path, message = first_error(exc)
        if path == "(top level)" and ":" in message:
            path, _, message = message.partition(": ")
        raise TransactionError(f"{prefix}{path}", message) from None
