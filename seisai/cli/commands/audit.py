"""``seisai audit``: verify, read, export, anchor and replay the audit log of screenings."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from seisai.cli.context import get_store
from seisai.cli.output import console, console_err, print_json, print_jsonl
from seisai.store.audit import AuditLog, audit_secret
from seisai.store.audit_verify import (
    anchors_path,
    current_anchor,
    read_anchors,
    verify,
    write_anchor,
)

audit_app = typer.Typer(help="The audit log of every screening, search and check.", no_args_is_help=True)

DB_OPTION = typer.Option(None, "--db", help="Database URL (default: $SEISAI_DB or ~/.seisai/seisai.db).")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON for machines.")


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")


def _log(db: str | None, *, check_macs: bool = True) -> AuditLog:
    return AuditLog(get_store(db), audit_secret(create=False) if check_macs else b"")


@audit_app.command("verify")
def verify_command(
    anchors: Path | None = typer.Option(None, "--anchors", help="Anchors file (default: the server's, when it exists)."),
    no_mac: bool = typer.Option(False, "--no-mac", help="Check the chain only, without the audit key."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Check every record's hash, the chain, the MACs, the head and the anchors.

    Exit status 1 when anything was edited, deleted or forged; each problem names the record.
    """
    log = _log(db, check_macs=not no_mac)
    path = anchors or anchors_path()
    found = read_anchors(path) if (anchors is not None or path.exists()) else []
    report = verify(log, check_macs=not no_mac, anchors=found)
    if as_json:
        print_json(report.to_dict())
    else:
        status = "[green]intact[/]" if report.ok else f"[bold red]{len(report.problems)} problem(s)[/]"
        console.print(
            f"audit log: {report.records} records, head at {report.head_seq}, {report.anchors_checked} anchors checked"
            f"{'' if report.macs_checked else ', MACs not checked'}: {status}",
            highlight=False,
        )
        for problem in report.problems:
            console.print(f"  {problem}", highlight=False)
    if not report.ok:
        raise typer.Exit(1)


@audit_app.command("show")
def show_command(record_id: int = typer.Argument(..., help="The record's id (X-Audit-Id)."), db: str | None = DB_OPTION) -> None:
    """One record in full, as JSON."""
    print_json(_log(db, check_macs=False).record(record_id).to_dict())


@audit_app.command("list")
def list_command(
    start: int = typer.Option(1, "--start", help="First record id."),
    stop: int | None = typer.Option(None, "--stop", help="Last record id."),
    kind: str | None = typer.Option(None, "--kind", help="match, search or check."),
    jsonl: bool = typer.Option(False, "--jsonl", help="Every record in full, one JSON line each (an export for inspectors)."),
    db: str | None = DB_OPTION,
) -> None:
    """Records in order: a summary table, or with --jsonl an export of the records in full."""
    records = _log(db, check_macs=False).records(start, stop, kind=kind)
    if jsonl:
        for record in records:
            print_jsonl(record.to_dict())
        return
    table = Table("id", "recorded at", "kind", "key", "items", "matched")
    for r in records:
        body = r.body
        items = body.get("queries") or body.get("transactions") or []
        matched = sum(1 for q in body.get("queries", {}).values() if q.get("matched"))
        table.add_row(str(r.seq), r.recorded_at[:19], r.kind, r.actor, str(len(items) or body.get("total", "")), str(matched))
    console.print(table)


@audit_app.command("anchor")
def anchor_command(
    out: Path | None = typer.Option(None, "--out", help="Anchors file to append to (default: the server's)."),
    db: str | None = DB_OPTION,
) -> None:
    """Append the signed head of the log to an anchors file and print it (run it from cron, keep the file elsewhere)."""
    anchor = current_anchor(_log(db, check_macs=False))
    if anchor is None:
        console_err.print("the audit log is empty: nothing to anchor")
        return
    write_anchor(out or anchors_path(), anchor)
    print_jsonl(anchor.to_dict())


@audit_app.command("replay")
def replay_command(
    record_id: int = typer.Argument(..., help="The record's id (X-Audit-Id)."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Re-run a recorded screening, search or check against the list versions it used.

    Exit status 1 when the replay differs from the record (the report says what changed).
    """
    from seisai.api.replay import replay

    store = get_store(db)
    report = replay(store, AuditLog(store, b"").record(record_id))
    if as_json:
        print_json(report.to_dict())
    else:
        lists = ", ".join(f"{s} v{v['version']}" for s, v in report.lists.items())
        verdict = "[green]same result[/]" if report.same else "[bold red]different result[/]"
        console.print(f"record {report.seq} ({report.kind}, {report.recorded_at[:19]}, key {report.actor}) against {lists}: {verdict}", highlight=False)
        for item in report.items:
            mark = "same" if item.same else "DIFFERS"
            console.print(f"  {item.key}: {mark}", highlight=False)
            if not item.same:
                console.print(f"    recorded: {item.recorded}\n    replayed: {item.replayed}", highlight=False)
        for note in report.notes:
            console.print(f"  note: {note}", highlight=False)
    if not report.same:
        raise typer.Exit(1)
