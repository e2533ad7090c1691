"""API keys and roles for the screening service.

A key is shown once, when it is created (``seisai keys create``); the store keeps only its
SHA-256. Keys are 256-bit random secrets, so a fast hash is safe (nothing to brute-force) and
keeps the check cheap on every request. Each key has a role:

``viewer``   reads lists, diffs, entities, the catalog and searches the lists
``analyst``  also screens (``/match``) and checks transactions (``/check``)
``admin``    also reads and verifies the audit log

A revoked key stays in the table (the audit log names it) but no longer authenticates.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Column, DateTime, Float, String, Table, Text, select, update

from seisai.exc import InputError, NotFoundError
from seisai.store.schema import metadata
from seisai.store.sql import Store

KEY_PREFIX = "seisai"

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", String(16), primary_key=True),  # public id, shown in listings and the audit log
    Column("hash", String(64), nullable=False, unique=True),  # SHA-256 of the whole key
    Column("role", String(16), nullable=False),
    Column("label", Text, nullable=True),
    Column("rate_limit", Float, nullable=True),  # requests per second; NULL: the server's default
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)


class Role(StrEnum):
    """What a key may do; each role includes the rights of the ones before it."""

    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """0 for viewer, 1 for analyst, 2 for admin."""
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        """True when this role has at least the rights of ``needed``."""
        return self.rank >= needed.rank


def parse_role(value: str) -> Role:
    """The role named ``value``; an :class:`InputError` naming the choices otherwise."""
    try:
        return Role(str(value).strip().lower())
    except ValueError:
        raise InputError(f"role: expected one of {', '.join(r.value for r in Role)}, got {value!r}") from None


@dataclass(frozen=True)
class ApiKey:
    """A stored key, without its secret."""

    id: str
    role: Role
    label: str | None
    rate_limit: float | None
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        """False once revoked."""
        return self.revoked_at is None

    def to_dict(self) -> dict[str, Any]:
        """The key as JSON, without its secret (which is not stored)."""
        return {
            "id": self.id,
            "role": self.role.value,
            "label": self.label,
            "rate_limit": self.rate_limit,
            "created_at": self.created_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
        }


def hash_key(secret: str) -> str:
    """The stored form of a key: hex SHA-256 of its text."""
    return hashlib.sha256(secret.strip().encode("utf-8")).hexdigest()


def create_key(store: Store, role: Role | str, label: str | None = None, rate_limit: float | None = None) -> tuple[ApiKey, str]:
    """Create a key; returns it and its secret, which is never stored and cannot be shown again.

    ``rate_limit`` (requests per second) overrides the server's default for this key.
    """
    role = parse_role(role) if not isinstance(role, Role) else role
    if rate_limit is not None and not rate_limit > 0:
        raise InputError(f"rate_limit: must be a positive number of requests per second, got {rate_limit!r}")
    key_id = secrets.token_hex(4)
    secret = f"{KEY_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    key = ApiKey(key_id, role, label, rate_limit, datetime.now(UTC))
    with store.engine.begin() as conn:
        conn.execute(
            api_keys.insert().values(
                id=key.id, hash=hash_key(secret), role=role.value, label=label,
                rate_limit=rate_limit, created_at=key.created_at,
            )
        )  # fmt: skip
    return key, secret


def find_key(store: Store, secret: str) -> ApiKey | None:
    """The key whose secret is ``secret`` (revoked or not), or ``None``."""
    with store.engine.connect() as conn:
        row = conn.execute(select(api_keys).where(api_keys.c.hash == hash_key(secret))).first()
    return _key(row._mapping) if row is not None else None


def list_keys(store: Store, *, include_revoked: bool = True) -> list[ApiKey]:
    """Every key, oldest first."""
    with store.engine.connect() as conn:
        keys = [_key(r._mapping) for r in conn.execute(select(api_keys))]
    keys.sort(key=lambda k: (k.created_at, k.id))
    return [k for k in keys if include_revoked or k.active]


def revoke_key(store: Store, key_id: str) -> ApiKey:
    """Revoke a key by its id; revoking a revoked key changes nothing."""
    with store.engine.begin() as conn:
        row = conn.execute(select(api_keys).where(api_keys.c.id == key_id)).first()
        if row is None:
            raise NotFoundError(f"no API key {key_id!r}; see `seisai keys list`")
        if row.revoked_at is None:
            conn.execute(update(api_keys).where(api_keys.c.id == key_id).values(revoked_at=datetime.now(UTC)))
        row = conn.execute(select(api_keys).where(api_keys.c.id == key_id)).one()
    return _key(row._mapping)


def _utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _key(row: Any) -> ApiKey:
    created = _utc(row["created_at"])
    assert created is not None
    return ApiKey(
        id=row["id"],
        role=Role(row["role"]),
        label=row["label"],
        rate_limit=row["rate_limit"],
        created_at=created,
        revoked_at=_utc(row["revoked_at"]),
    )
