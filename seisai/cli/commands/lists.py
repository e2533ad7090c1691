"""``seisai lists``: import, update, show and diff the official lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from seisai.cli.context import get_store, progress_bar
from seisai.cli.output import console, console_err, print_json
from seisai.store.imports import import_paths
from seisai.store.types import ImportResult, ListDiff
from seisai.store.update import update

lists_app = typer.Typer(help="Import, update, show and compare versions of the official lists.", no_args_is_help=True)

DB_OPTION = typer.Option(None, "--db", help="Database URL (default: $SEISAI_DB or ~/.seisai/seisai.db).")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON for machines.")


def register(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")


def _result_row(result: ImportResult) -> dict[str, Any]:
    return result.to_dict()


@lists_app.command("import")
def import_command(
    paths: list[Path] = typer.Argument(..., help="List files or folders; the files of one publication go together."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Import list files as new versions. All or nothing: one bad file and nothing is stored."""
    store = get_store(db)
    with progress_bar(not as_json) as progress:
        report = import_paths(store, paths, progress=progress)  # type: ignore[arg-type]
    if as_json:
        print_json(
            {"results": [_result_row(r) for r in report.results], "skipped": [{"file": f, "reason": r} for f, r in report.skipped]}
        )
        return
    table = Table("source", "version", "published", "entities", "added", "removed", "changed", "status")
    for r in report.results:
        v = r.version
        table.add_row(
            v.source, f"v{v.id}", str(v.published or "-"), str(v.entity_count),
            str(r.added), str(r.removed), str(r.changed),
            "new version" if r.created else "already stored",
        )  # fmt: skip
    console.print(table)
    for file, reason in report.skipped:
        console_err.print(f"skipped {file}: {reason}", highlight=False)
    warnings = sum(len(p.warnings) for p in report.parsed)
    if warnings:
        console_err.print(f"{warnings} parser warnings (see `seisai lists show --warnings`)")


@lists_app.command("update")
def update_command(
    source: list[str] = typer.Option(None, "--source", "-s", help="Only these sources (repeatable)."),
    from_dir: Path | None = typer.Option(None, "--from", help="Offline mirror folder instead of the publishers."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Fetch each list from its publisher (or a mirror) and import what changed.

    A source whose download fails keeps its current version; the exit status is 1 when any
    source failed, so a scheduler notices.
    """
    store = get_store(db)
    with progress_bar(not as_json) as progress:
        outcomes = update(store, sources=source or None, mirror=from_dir, progress=progress)  # type: ignore[arg-type]
    if as_json:
        print_json([o.to_dict() for o in outcomes])
    else:
        table = Table("source", "status", "detail")
        colours = {"updated": "green", "unchanged": "", "failed": "red"}
        for o in outcomes:
            table.add_row(o.source, f"[{colours[o.status] or 'default'}]{o.status}[/]", o.message)
        console.print(table)
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


@lists_app.command("show")
def show_command(
    source: str | None = typer.Argument(None, help="Only this source."),
    warnings: bool = typer.Option(False, "--warnings", help="Also print each version's parser warnings."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Each source's versions with their entity counts; the current one is marked."""
    store = get_store(db)
    versions = store.versions(source)
    current = {v.id for v in store.current_versions().values()}
    if as_json:
        print_json([dict(v.to_dict(), current=v.id in current) for v in versions])
        return
    table = Table("source", "version", "published", "imported", "entities", "by schema", "files", "")
    for v in versions:
        schemas = ", ".join(f"{k} {n}" for k, n in sorted(v.counts.items()) if k != "total")
        table.add_row(
            v.source, f"v{v.id}", str(v.published or "-"), v.imported_at.strftime("%Y-%m-%d %H:%M"),
            str(v.entity_count), schemas, ", ".join(f["name"] for f in v.files),
            "current" if v.id in current else "",
        )  # fmt: skip
    console.print(table)
    if warnings:
        for v in versions:
            for w in v.warnings:
                console.print(f"{v.label}: {w}", highlight=False)


@lists_app.command("diff")
def diff_command(
    source: str = typer.Argument(..., help="The source, e.g. un_sc."),
    old: str = typer.Argument("previous", help="Old version: id, publication date, 'previous'."),
    new: str = typer.Argument("latest", help="New version: id, publication date, 'latest'."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Entities added, removed and changed (field by field) between two versions of a source."""
    diff = get_store(db).diff(source, old, new)
    if as_json:
        print_json(diff.to_dict())
        return
    _print_diff(diff)


def _print_diff(diff: ListDiff) -> None:
    console.print(
        f"[bold]{diff.source}[/]: {diff.old.label} → {diff.new.label}: "
        f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed"
    )
    for entity_id, caption in diff.added:
        console.print(f"  [green]+ {entity_id}[/] {caption}", highlight=False)
    for entity_id, caption in diff.removed:
        console.print(f"  [red]- {entity_id}[/] {caption}", highlight=False)
    for change in diff.changed:
        console.print(f"  [yellow]~ {change.entity_id}[/] {change.caption}", highlight=False)
        for fc in change.changes:
            console.print(f"      {fc.field}: -{fc.old} +{fc.new}", highlight=False)
