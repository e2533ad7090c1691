"""``seisai screen NAME`` and ``seisai compare --pairs FILE.csv``: name screening from the shell.

``screen`` checks one name (with optional schema, birth date, country) against every list in
the store and prints the best results with the explanation of each. ``compare`` scores pairs
of names in bulk: it reads a CSV with ``name1,name2`` (and optionally ``schema``) columns and
writes the same rows, in order, with ``score`` and ``match`` added.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import TextIO

import typer
from rich.table import Table

from seisai.cli.context import get_store
from seisai.cli.output import console, console_err, print_json
from seisai.exc import NotFoundError, QueryError, StoreError
from seisai.matching import DEFAULT_THRESHOLD, Match, Matcher, Query
from seisai.model import Entity, Name, Schema

MAX_PAIRS_FILE = 200 * 1024 * 1024


def register(app: typer.Typer) -> None:
    app.command("screen")(screen_command)
    app.command("compare")(compare_command)


def _schema(value: str | None, where: str = "--schema") -> Schema | None:
    if not value:
        return None
    for schema in Schema:
        if schema.value.casefold() == value.strip().casefold():
            return schema
    known = ", ".join(s.value for s in Schema)
    raise QueryError(f"{where}: unknown schema {value!r}; known: {known}")


def _matcher(db: str | None, sources: set[str] | None = None) -> Matcher:
    from seisai.store.snapshot import load_matcher

    return load_matcher(get_store(db), sources).matcher


def screen_command(
    name: str = typer.Argument(..., help="The name to screen, in any script."),
    schema: str | None = typer.Option(None, "--schema", help="Person, Organization, Company, Vessel..."),
    birth_date: list[str] = typer.Option([], "--birth-date", help="Birth date (1952-10-07, 1952); repeatable."),
    country: list[str] = typer.Option([], "--country", help="Country code or name; repeatable."),
    dataset: list[str] = typer.Option([], "--dataset", help="Only these sources (un_sc, jp_mof...); repeatable."),
    identifier: list[str] = typer.Option([], "--id", help="Passport, IMO, BIC...; repeatable."),
    limit: int = typer.Option(10, "--limit", min=1, max=500, help="Most results to show."),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0, help="Score of a match."),
    db: str | None = typer.Option(None, "--db", help="Database URL."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for machines."),
) -> None:
    """Screen one name against every list in the store (near misses are shown, not flagged)."""
    query = Query(names=[name], schema=_schema(schema), birth_dates=birth_date, countries=country, identifiers=identifier)
    matcher = _matcher(db, set(dataset) or None)
    results = matcher.screen(query, threshold=threshold, limit=limit)
    if as_json:
        print_json({"query": name, "threshold": threshold, "results": [m.to_dict() for m in results]})
        return
    _print_results(name, results, threshold)


def _print_results(name: str, results: list[Match], threshold: float) -> None:
    if not results:
        console.print(f"No listed name scores {min(threshold, 0.5):.2f} or more against {name!r}.", highlight=False)
        return
    table = Table("score", "match", "listed name", "entity", "why", title=f"Screening {name!r} (threshold {threshold:.2f})")
    for m in results:
        why = "; ".join(f"{k}: {e.detail}" for k, e in m.explanations.items())
        table.add_row(f"{m.score:.3f}", "MATCH" if m.match else "", m.matched_name, f"{m.entity.caption}\n{m.entity.id}", why)
    console.print(table)


def compare_command(
    pairs: Path = typer.Option(..., "--pairs", help="CSV with columns name1,name2 and optionally schema."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0, help="Score of a match."),
    db: str | None = typer.Option(None, "--db", help="Database URL (name statistics of the lists)."),
) -> None:
    """Score name pairs in bulk; rows come back in order with ``score`` and ``match`` added."""
    rows, fields = read_pairs(pairs)
    matcher = _stats_matcher(db)
    scored = [score_row(matcher, row, threshold, f"{pairs.name}: line {i}") for i, row in rows]
    if output is None:
        write_rows(sys.stdout, fields, scored)
    else:
        with output.open("w", encoding="utf-8", newline="") as f:
            write_rows(f, fields, scored)
        console_err.print(f"{len(scored)} pairs scored into {output}", highlight=False)


def _stats_matcher(db: str | None) -> Matcher:
    """The store's matcher, for name-part statistics; without a store, a matcher without them."""
    try:
        return _matcher(db)
    except (NotFoundError, StoreError) as exc:
        console_err.print(f"note: {exc}; scoring without list statistics", highlight=False)
        return Matcher([])


def read_pairs(path: Path) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """The rows (with their line numbers) and the column names of a pairs CSV.

    Raises :class:`~seisai.exc.QueryError` naming the file for a missing file, a file too
    large, bad encoding, or missing ``name1``/``name2`` columns.
    """
    try:
        if path.stat().st_size > MAX_PAIRS_FILE:
            raise QueryError(f"{path.name}: larger than {MAX_PAIRS_FILE // 2**20} MiB")
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise QueryError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip() for f in reader.fieldnames or []]
    reader.fieldnames = fields
    missing = [c for c in ("name1", "name2") if c not in fields]
    if missing:
        raise QueryError(f"{path.name}: line 1: missing column(s) {', '.join(missing)}; found {', '.join(fields) or 'none'}")
    return [(reader.line_num, {k: v or "" for k, v in row.items() if k is not None}) for row in reader], fields


def score_row(matcher: Matcher, row: dict[str, str], threshold: float, where: str) -> dict[str, str]:
    """One pair scored: the row with ``score`` and ``match``; a pair with an empty name scores 0."""
    schema = _schema(row.get("schema"), f"{where}: schema")
    name1, name2 = row.get("name1", "").strip(), row.get("name2", "").strip()
    score = 0.0
    if name1 and name2:
        try:
            query = Query(names=[name1], schema=schema)
            entity = Entity("pairs", "name2", schema or Schema.LEGAL_ENTITY, names=[Name(name2)])
            score = matcher.compare(query, entity, threshold=threshold).score
        except QueryError:
            score = 0.0  # a name without letters or digits matches nothing
    return {**row, "score": f"{score:.4f}", "match": "true" if score >= threshold else "false"}


def write_rows(out: TextIO, fields: list[str], rows: list[dict[str, str]]) -> None:
    """The rows as CSV with the input columns first, then ``score`` and ``match``."""
    columns = fields + [c for c in ("score", "match") if c not in fields]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
