"""``seisai entity ID``: everything known about one listed entity, and its history."""

from __future__ import annotations

import typer
from rich.table import Table

from seisai.cli.context import get_store
from seisai.cli.output import console, print_json
from seisai.model import entity_to_dict


def register(app: typer.Typer) -> None:
    app.command("entity")(entity_command)


def entity_command(
    entity_id: str = typer.Argument(..., help="Entity id, e.g. un_sc-6908048."),
    raw: bool = typer.Option(False, "--raw", help="Include the publisher's raw record."),
    db: str | None = typer.Option(None, "--db", help="Database URL."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for machines."),
) -> None:
    """All names, identifiers, designations and the designation history of one entity."""
    store = get_store(db)
    entity = store.entity(entity_id, with_raw=raw)
    history = store.history(entity_id)
    if as_json:
        data = entity_to_dict(entity)
        if not raw:
            data.pop("raw", None)
        print_json({"entity": data, "history": history.to_dict()})
        return
    console.print(f"[bold]{entity.caption}[/]  {entity.id}  ({entity.schema.value})", highlight=False)
    names = Table("name", "kind", "script", "lang", title="Names")
    for n in entity.names:
        names.add_row(n.value, n.kind.value, str(n.script or ""), n.lang or "")
    console.print(names)
    facts = [
        ("gender", entity.gender or ""),
        ("birth dates", ", ".join(str(d) for d in entity.birth_dates)),
        ("birth places", "; ".join(entity.birth_places)),
        ("nationalities", ", ".join(entity.nationalities)),
        ("countries", ", ".join(entity.countries)),
        ("positions", "; ".join(entity.positions)),
    ]
    for label, value in facts:
        if value:
            console.print(f"[bold]{label}:[/] {value}", highlight=False)
    if entity.identifiers:
        ids = Table("kind", "value", "country", "note", title="Identifiers")
        for i in entity.identifiers:
            ids.add_row(i.kind.value, i.value, i.country or "", i.note or "")
        console.print(ids)
    for a in entity.addresses:
        console.print(f"[bold]address:[/] {a.full}", highlight=False)
    sanctions = Table("programme", "authority", "listed on", "reference", "concerns", title="Designations")
    for s in entity.sanctions:
        sanctions.add_row(s.programme, s.authority or "", str(s.listed_on or ""), s.reference or "", ",".join(s.concerns))
    console.print(sanctions)
    events = Table("version", "event", "changes", title="History")
    for e in history.events:
        changes = "; ".join(f"{c.field}: -{c.old} +{c.new}" for c in e.changes)
        events.add_row(e.version.label, e.event, changes)
    console.print(events)
