"""Request and response models of seisai's own endpoints: checks, lists, the audit log."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from seisai.api.checks import MAX_TRANSACTIONS

TX_EXAMPLE: dict[str, Any] = {
    "id": "TX-2022-0320-01",
    "type": "export",
    "date": "2022-03-20",
    "parties": [
        {"role": "buyer", "name": "Sibir Elektronika LLC", "schema": "Company", "country": "RU"},
        {"role": "bank", "name": "Sberbank", "schema": "Company", "country": "RU", "bic": "SABRRUMM"},
    ],
    "goods": [{"hs_code": "8542.31", "description": "processors", "value_jpy": 7000000, "quantity": 100}],
    "destination_country": "RU",
}


class CheckRequest(BaseModel):
    """One or more transactions to decide (the format of docs/rules.md §3)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"transactions": [TX_EXAMPLE]}]})

    transactions: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_TRANSACTIONS)
    as_of: date | None = Field(None, description="Decide as of this date (default: each transaction's date, else today).")
    jurisdictions: list[Annotated[str, StringConstraints(max_length=8)]] | None = Field(
        None, max_length=10, description="JP (default), US, EU, UK, CA, AU; overrides the transactions' own."
    )


class Reason(BaseModel):
    measure_id: str | None
    jurisdiction: str | None
    title: str
    type: str
    outcome: str
    effective: str | None = None
    legal_basis: str | None = None
    source: str | None = None
    sources: list[dict[str, str]] = Field(default_factory=list)
    confidence: str | None = None
    detail: str


class Decision(BaseModel):
    """The decision for one transaction: ``prohibited``, ``licence_required``, ``review`` or ``allowed``."""

    id: str | None
    type: str | None
    decision: str = Field(examples=["prohibited"])
    as_of: str
    jurisdictions: list[str]
    by_jurisdiction: dict[str, str]
    reasons: list[Reason]
    party_hits: list[dict[str, Any]]
    list_versions: dict[str, str]
    measures_version: str


class CheckResponse(BaseModel):
    """The decisions, in the order of the transactions, and the audit record's id."""

    decisions: list[Decision]
    audit_id: int


class ListVersion(BaseModel):
    id: int
    source: str
    format: str
    published: str | None
    imported_at: str
    sha256: str
    entity_count: int
    counts: dict[str, int]
    files: list[dict[str, Any]]
    origin: str | None = None
    warnings: list[str] = Field(default_factory=list)


class ListInfo(BaseModel):
    source: str
    title: str
    current: ListVersion
    served: int = Field(description="The version this server screens against (a reload follows within seconds).")
    versions: int


class ListsResponse(BaseModel):
    lists: list[ListInfo]


class AuditRecord(BaseModel):
    id: int
    recorded_at: str
    kind: str
    actor: str
    body: dict[str, Any]
    prev_hash: str
    hash: str
    mac: str


class AuditPage(BaseModel):
    records: list[AuditRecord]
    next: int | None = Field(description="The id to ask for next (`start`), or null at the end.")


class VerifyResponse(BaseModel):
    ok: bool
    records: int
    last_seq: int
    head_seq: int | None
    macs_checked: bool
    anchors_checked: int
    problems: list[dict[str, Any]]
