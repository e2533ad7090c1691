"""Verify the audit log's hash chain, and anchor its head outside the database.

:func:`verify` walks every record in order and reports each problem with the record it
concerns: a number missing from the sequence (a deleted record), a record whose content no
longer gives its hash (an edited record), a record that does not point at the hash of the one
before it, a MAC that the audit key does not give (a record forged or re-chained without the
key), and a head row that does not name the last record (the last records deleted).

An *anchor* is a copy of the signed head (number, hash, HMAC) kept outside the database: a
line in a file the server appends to every minute (``$SEISAI_HOME/audit-anchors.jsonl`` or
``SEISAI_AUDIT_ANCHORS``), or the output of ``seisai audit anchor`` sent somewhere else. The
log must still contain each anchored record with the anchored hash, so a log cut back or
rewritten to before an anchor is caught even if the head row was rolled back with it.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from seisai.exc import InputError
from seisai.settings import home
from seisai.store.audit import GENESIS, AuditLog, head_mac, record_hash, record_mac

MAX_PROBLEMS = 1000  # a wrecked log is not listed record by record past this


@dataclass(frozen=True)
class Problem:
    """One finding of :func:`verify`; ``seq`` is the record it concerns (None: the log)."""

    seq: int | None
    problem: str

    def __str__(self) -> str:
        return f"record {self.seq}: {self.problem}" if self.seq is not None else self.problem


@dataclass(frozen=True)
class Anchor:
    """A signed head kept outside the database."""

    seq: int
    hash: str
    mac: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash, "mac": self.mac, "at": self.at}


@dataclass
class VerifyReport:
    """What :func:`verify` found; ``ok`` when nothing."""

    records: int = 0
    last_seq: int = 0
    head_seq: int | None = None
    macs_checked: bool = True
    anchors_checked: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, seq: int | None, problem: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(seq, problem))

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "records": self.records, "last_seq": self.last_seq, "head_seq": self.head_seq,
            "macs_checked": self.macs_checked, "anchors_checked": self.anchors_checked,
            "problems": [{"seq": p.seq, "problem": p.problem} for p in self.problems],
        }  # fmt: skip


def verify(log: AuditLog, *, check_macs: bool = True, anchors: Iterable[Anchor] = ()) -> VerifyReport:
    """Check the whole chain, the head row and the given anchors (see the module docstring)."""
    report = VerifyReport(macs_checked=check_macs)
    secret = log.secret
    expected_seq, prev = 1, GENESIS
    hashes: dict[int, str] = {}
    for rec in log.records():
        report.records += 1
        if rec.seq != expected_seq:
            gap = f"record {expected_seq}" if rec.seq == expected_seq + 1 else f"records {expected_seq} to {rec.seq - 1}"
            report.add(rec.seq, f"{gap} missing: deleted from the log")
        elif rec.prev_hash != prev:
            report.add(rec.seq, "does not point at the hash of the record before it: the chain was rebuilt or spliced")
        if record_hash(rec.seq, rec.recorded_at, rec.kind, rec.actor, rec.prev_hash, rec.text) != rec.hash:
            report.add(rec.seq, "content does not match its hash: the record was edited")
        elif check_macs and not hmac.compare_digest(record_mac(secret, rec.hash), rec.mac):
            report.add(rec.seq, "MAC does not verify with the audit key: forged, or re-hashed without the key")
        hashes[rec.seq] = rec.hash
        expected_seq, prev = rec.seq + 1, rec.hash
        report.last_seq = rec.seq
    _check_head(log, report, prev, check_macs)
    for anchor in anchors:
        _check_anchor(anchor, hashes, report, secret if check_macs else None)
    return report


def _check_head(log: AuditLog, report: VerifyReport, last_hash: str, check_macs: bool) -> None:
    head = log.head()
    if head is None:
        report.add(None, "the head row is missing: the log cannot tell whether its last records were deleted")
        return
    report.head_seq = head.seq
    if head.seq > report.last_seq:
        count = head.seq - report.last_seq
        report.add(None, f"the head names record {head.seq} but the log ends at {report.last_seq}: the last {count} record(s) were deleted")
    elif head.seq < report.last_seq:
        report.add(None, f"the head names record {head.seq} but the log goes on to {report.last_seq}: the head was rolled back")
    elif head.hash != last_hash:
        report.add(None, f"the head's hash differs from record {head.seq}'s: the last record was replaced")
    if head.seq == 0:
        return
    if check_macs and not hmac.compare_digest(head_mac(log.secret, head.seq, head.hash), head.mac or ""):
        report.add(None, "the head's MAC does not verify with the audit key: the head row was forged")


def _check_anchor(anchor: Anchor, hashes: dict[int, str], report: VerifyReport, secret: bytes | None) -> None:
    report.anchors_checked += 1
    if secret is not None and not hmac.compare_digest(head_mac(secret, anchor.seq, anchor.hash), anchor.mac):
        report.add(None, f"anchor of {anchor.at} (record {anchor.seq}) is not signed by the audit key")
        return
    if anchor.seq > report.last_seq:
        report.add(None, f"anchor of {anchor.at} names record {anchor.seq} but the log ends at {report.last_seq}: records were deleted")
    elif hashes.get(anchor.seq) != anchor.hash:
        report.add(anchor.seq, f"differs from the anchor of {anchor.at}: the log was rewritten")


def current_anchor(log: AuditLog) -> Anchor | None:
    """The head as an anchor, or ``None`` for an empty log (nothing to anchor)."""
    head = log.head()
    if head is None or head.seq == 0 or head.mac is None:
        return None
    return Anchor(head.seq, head.hash, head.mac, datetime.now(UTC).isoformat(timespec="seconds"))


def anchors_path() -> Path:
    """Where the server appends anchors: ``$SEISAI_AUDIT_ANCHORS`` or ``$SEISAI_HOME/audit-anchors.jsonl``."""
    return Path(os.environ.get("SEISAI_AUDIT_ANCHORS") or home() / "audit-anchors.jsonl").expanduser()


def write_anchor(path: Path, anchor: Anchor) -> None:
    """Append one anchor as a JSON line (one ``write`` call, safe with several writers)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(anchor.to_dict(), sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def read_anchors(path: Path) -> list[Anchor]:
    """Every anchor in a file of JSON lines; :class:`InputError` naming the line if one is bad."""
    anchors: list[Anchor] = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            anchors.append(Anchor(int(data["seq"]), str(data["hash"]), str(data["mac"]), str(data.get("at", ""))))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}: line {number}: not an audit anchor ({exc})") from None
    return anchors
