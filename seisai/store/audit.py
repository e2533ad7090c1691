"""The audit log: every screening and check, append-only, in a hash chain.

Each record holds who asked (the API key), when, what kind of request, and a JSON body
(the input, the list versions used, the algorithm and threshold, every candidate with its
score, the decision). Records are numbered 1, 2, 3... and chained:

    hash(n) = SHA-256( [n, recorded_at, kind, actor, hash(n-1)] + body )
    mac(n)  = HMAC-SHA256(audit key, hash(n))

so editing a record breaks its hash, deleting one breaks the chain, and rebuilding the chain
after an edit needs the audit key, which is kept outside the database (``SEISAI_AUDIT_KEY``,
or the file ``SEISAI_AUDIT_KEY_FILE``, default ``$SEISAI_HOME/audit.key``). The ``audit_head``
row holds the number and hash of the last record with its own HMAC, so deleting the last
records is caught too; anchors written outside the database (:mod:`seisai.store.audit_verify`)
catch a rolled-back head. Appends are serialised by a lock on the head row, so any number of
workers and processes can write at once and the chain stays one line.

Database triggers refuse UPDATE, DELETE (and on PostgreSQL TRUNCATE) of records: a guard
against mistakes; someone who can drop a trigger is caught by the chain, not by the trigger.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    DDL,
    BigInteger,
    Column,
    Integer,
    String,
    Table,
    Text,
    bindparam,
    event,
    func,
    select,
    update,
)

from seisai.exc import InputError, NotFoundError, StoreError

try:
    import orjson
except ImportError:  # pragma: no cover - orjson comes with the api extra
    orjson = None  # type: ignore[assignment]
from seisai.settings import home
from seisai.store.schema import metadata
from seisai.store.sql import Store

GENESIS = "0" * 64
SEQ = BigInteger().with_variant(Integer(), "sqlite")

audit_records = Table(
    "audit_records",
    metadata,
    Column("seq", SEQ, primary_key=True, autoincrement=False),
    Column("recorded_at", String(40), nullable=False),  # ISO 8601 UTC, hashed as written
    Column("kind", String(16), nullable=False, index=True),  # match, search, check
    Column("actor", String(64), nullable=False, index=True),  # the API key id, or "cli"
    Column("body", Text, nullable=False),  # JSON, hashed as written
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("mac", String(64), nullable=False),
)

audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("seq", SEQ, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("mac", String(64), nullable=True),  # NULL only for the empty log
    Column("updated_at", String(40), nullable=True),
)

_REFUSE = "audit_records is append-only"
_PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION seisai_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$fn$ BEGIN RAISE EXCEPTION '{_REFUSE}'; END $fn$"
)
_TRIGGERS = {
    "sqlite": [
        f"CREATE TRIGGER audit_records_no_{op.lower()} BEFORE {op} ON audit_records "
        f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END"
        for op in ("UPDATE", "DELETE")
    ],
    "postgresql": [
        _PG_FUNCTION,
        "CREATE TRIGGER audit_records_append_only_rows BEFORE UPDATE OR DELETE ON audit_records "
        "FOR EACH ROW EXECUTE FUNCTION seisai_audit_append_only()",
        "CREATE TRIGGER audit_records_append_only_truncate BEFORE TRUNCATE ON audit_records "
        "FOR EACH STATEMENT EXECUTE FUNCTION seisai_audit_append_only()",
    ],
}


def _ddl(sql: str, dialect: str | None = None) -> DDL:
    ddl = DDL(sql)  # type: ignore[no-untyped-call]
    return ddl.execute_if(dialect=dialect) if dialect else ddl


event.listen(audit_head, "after_create", _ddl(f"INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{GENESIS}')"))
for _dialect, _statements in _TRIGGERS.items():
    for _sql in _statements:
        event.listen(audit_records, "after_create", _ddl(_sql, _dialect))


_LOCK_HEAD = (
    update(audit_head)
    .where(audit_head.c.id == 1)
    .values(seq=audit_head.c.seq)
    .returning(audit_head.c.seq, audit_head.c.hash)
)


# Statements built once: building them per append costs more than running them.
_INSERT = audit_records.insert()
_SET_HEAD = (
    update(audit_head)
    .where(audit_head.c.id == 1)
    .values(seq=bindparam("h_seq"), hash=bindparam("h_hash"), mac=bindparam("h_mac"), updated_at=bindparam("h_at"))
)


def audit_secret(*, create: bool = True) -> bytes:
    """The audit key: ``$SEISAI_AUDIT_KEY``, else the key file (created on first use, mode 0600).

    The key must live outside the database and be the same for every worker writing to one
    store. With ``create=False`` a missing key raises :class:`InputError` naming where it was
    looked for (verification must not invent a new key).
    """
    value = os.environ.get("SEISAI_AUDIT_KEY", "").strip()
    if value:
        return value.encode("utf-8")
    path = Path(os.environ.get("SEISAI_AUDIT_KEY_FILE") or home() / "audit.key").expanduser()
    if not path.exists():
        if not create:
            raise InputError(f"no audit key: set SEISAI_AUDIT_KEY or put the key in {path} (SEISAI_AUDIT_KEY_FILE)")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32) + "\n")
        except FileExistsError:
            pass  # another worker created it first
    key = path.read_bytes().strip()
    if not key:
        raise InputError(f"{path}: the audit key file is empty")
    return key


def body_text(body: dict[str, Any]) -> str:
    """The JSON text a body is stored and hashed as (sorted keys, compact, UTF-8).

    The text is hashed as stored, so verification never re-serialises: orjson (faster, used
    when installed, as with the HTTP service) and the standard library may both write it.
    """
    if orjson is not None:
        return orjson.dumps(body, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str).decode("utf-8")
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def record_hash(seq: int, recorded_at: str, kind: str, actor: str, prev_hash: str, body: str) -> str:
    """The chained hash of one record (see the module docstring)."""
    digest = hashlib.sha256(json.dumps([seq, recorded_at, kind, actor, prev_hash]).encode("utf-8"))
    digest.update(b"\n")
    digest.update(body.encode("utf-8"))
    return digest.hexdigest()


def record_mac(secret: bytes, digest: str) -> str:
    """The HMAC of a record's hash under the audit key."""
    return hmac.new(secret, b"seisai-audit-record\n" + digest.encode("ascii"), hashlib.sha256).hexdigest()


def head_mac(secret: bytes, seq: int, digest: str) -> str:
    """The HMAC of the head (last number and hash), distinct from any record's MAC."""
    return hmac.new(secret, f"seisai-audit-head\n{seq}\n{digest}".encode("ascii"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class AuditRecord:
    """One stored record; ``body`` is the parsed JSON, ``text`` the JSON as hashed."""

    seq: int
    recorded_at: str
    kind: str
    actor: str
    text: str
    prev_hash: str
    hash: str
    mac: str

    @property
    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.text)
        return data

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON (``id`` is its number, ``body`` the parsed body)."""
        return {
            "id": self.seq, "recorded_at": self.recorded_at, "kind": self.kind, "actor": self.actor,
            "body": self.body, "prev_hash": self.prev_hash, "hash": self.hash, "mac": self.mac,
        }  # fmt: skip


@dataclass(frozen=True)
class Head:
    """The last record's number and hash, as the head row says (``seq`` 0: empty log)."""

    seq: int
    hash: str
    mac: str | None
    updated_at: str | None = None


class AuditLog:
    """Appends to and reads the audit log of ``store``, signing with ``secret``."""

    def __init__(self, store: Store, secret: bytes | None = None) -> None:
        self.store = store
        self.secret = secret if secret is not None else audit_secret()

    def append(self, kind: str, actor: str, body: dict[str, Any]) -> AuditRecord:
        """Write one record at the end of the chain, in its own transaction; returns it.

        Raises :class:`StoreError` when the head row is missing (a damaged log): screening
        stops rather than go on unaudited.
        """
        text = body_text(body)
        with self.store.engine.begin() as conn:
            # The first statement writes the head row: it takes the lock that queues writers
            # (and reads the head as the lock holder sees it).
            locked = conn.execute(_LOCK_HEAD).first()
            if locked is None:
                raise StoreError("the audit log's head row is missing: run `seisai audit verify`")
            last, prev = locked
            seq = int(last) + 1
            now = datetime.now(UTC).isoformat(timespec="microseconds")
            digest = record_hash(seq, now, kind, actor, prev, text)
            record = AuditRecord(seq, now, kind, actor, text, prev, digest, record_mac(self.secret, digest))
            conn.execute(
                _INSERT,
                {"seq": seq, "recorded_at": now, "kind": kind, "actor": actor, "body": text,
                 "prev_hash": prev, "hash": digest, "mac": record.mac},
            )  # fmt: skip
            conn.execute(_SET_HEAD, {"h_seq": seq, "h_hash": digest, "h_mac": head_mac(self.secret, seq, digest), "h_at": now})
        return record

    def record(self, seq: int) -> AuditRecord:
        """The record numbered ``seq``."""
        with self.store.engine.connect() as conn:
            row = conn.execute(select(audit_records).where(audit_records.c.seq == seq)).first()
        if row is None:
            raise NotFoundError(f"no audit record {seq}")
        return _record(row._mapping)

    def records(self, start: int = 1, stop: int | None = None, *, kind: str | None = None) -> Iterator[AuditRecord]:
        """Records ``start`` to ``stop`` (inclusive) in order, optionally of one kind."""
        query = select(audit_records).where(audit_records.c.seq >= start).order_by(audit_records.c.seq)
        if stop is not None:
            query = query.where(audit_records.c.seq <= stop)
        if kind is not None:
            query = query.where(audit_records.c.kind == kind)
        with self.store.engine.connect() as conn:
            for row in conn.execution_options(yield_per=1000).execute(query):
                yield _record(row._mapping)

    def head(self) -> Head | None:
        """The head row, or ``None`` when it is missing."""
        with self.store.engine.connect() as conn:
            row = conn.execute(select(audit_head).where(audit_head.c.id == 1)).first()
        return Head(int(row.seq), row.hash, row.mac, row.updated_at) if row is not None else None

    def count(self) -> int:
        """How many records the log holds."""
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(audit_records)).scalar_one())


def _record(row: Any) -> AuditRecord:
    return AuditRecord(
        seq=int(row["seq"]),
        recorded_at=row["recorded_at"],
        kind=row["kind"],
        actor=row["actor"],
        text=row["body"],
        prev_hash=row["prev_hash"],
        hash=row["hash"],
        mac=row["mac"],
    )
