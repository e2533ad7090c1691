"""``seisai check``, ``seisai impact`` and ``seisai measures``: decisions on transactions
under the sanctions measures, the impact of a draft package, and the measures themselves."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from seisai.cli.context import get_store, progress_bar
from seisai.cli.output import console, console_err, print_json, print_jsonl
from seisai.exc import InputError
from seisai.rules.decision import Decision
from seisai.rules.engine import Engine
from seisai.rules.impact import ImpactReport, impact
from seisai.rules.io import read_transactions
from seisai.rules.lint import lint_texts
from seisai.rules.loader import MeasureBook, load_book, shipped_files
from seisai.rules.screening import MatcherScreener, NullScreener, PartyScreener, versions_of

measures_app = typer.Typer(help="Check and show the sanctions measures encoded as data.", no_args_is_help=True)

DB_OPTION = typer.Option(None, "--db", help="Database URL of the list store (default: $SEISAI_DB or ~/.seisai/seisai.db).")
LISTS_OPTION = typer.Option(None, "--lists", help="Screen against the list files in these folders instead of the store.")
NO_SCREEN_OPTION = typer.Option(False, "--no-screen", help="Do not screen parties (decisions then flag them for review).")
AS_OF_OPTION = typer.Option(None, "--as-of", help="Decide as of this date (YYYY-MM-DD) instead of each transaction's date.")
JURISDICTION_OPTION = typer.Option(None, "--jurisdiction", "-j", help="JP, US, EU, UK, CA or AU; repeatable (default: the transaction's, else JP).")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON for machines.")


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)
    app.command("impact")(impact_command)
    app.add_typer(measures_app, name="measures")


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option}: expected a date as YYYY-MM-DD, got {text!r}") from None


def _latest(parsed: list[Any]) -> list[Any]:
    """The newest publication of each source (a folder may hold old versions for diffs)."""
    newest: dict[str, Any] = {}
    for item in parsed:
        old = newest.get(item.source)
        if old is None or (item.published or date.min) >= (old.published or date.min):
            newest[item.source] = item
    return list(newest.values())


def make_screener(db: str | None, lists: list[Path] | None, no_screen: bool, quiet: bool) -> PartyScreener:
    """The screener a command uses: none, the list files in ``lists``, or the store's lists."""
    if no_screen:
        return NullScreener()
    from seisai.matching import Matcher
    from seisai.matching.heap import freeze_heap

    with progress_bar(not quiet) as progress:
        if lists:
            from seisai.store.imports import ImportReport, parse_publications, plan_import

            parsed = _latest(parse_publications(plan_import(lists, ImportReport()), progress))  # type: ignore[arg-type]
            entities = [e for p in parsed for e in p.entities]
            versions = versions_of(parsed)
        else:
            store = get_store(db)
            current = store.current_versions()
            if not current:
                raise InputError(
                    "no lists in the store: run `seisai lists import FOLDER`, or pass --lists FOLDER, or --no-screen"
                )
            progress("loading lists from the store", 0, 1)  # type: ignore[operator]
            entities = list(store.current_entities())
            versions = {s: (v.published.isoformat() if v.published else f"v{v.id}") for s, v in current.items()}
        progress(f"indexing {len(entities):,} entities", 0, 1)  # type: ignore[operator]
        matcher = Matcher(entities)
    freeze_heap()  # a book of transactions is checked against it for long: no full collections over it
    return MatcherScreener(matcher, versions=versions)


def _book(measures: list[Path] | None) -> MeasureBook:
    return load_book(measures or [])


def check_command(
    transactions: Path = typer.Argument(..., metavar="TX", help="A transaction as JSON, or many as a JSON array or JSON lines."),
    as_of: str | None = AS_OF_OPTION,
    jurisdiction: list[str] = JURISDICTION_OPTION,
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
    lists: list[Path] = LISTS_OPTION,
    no_screen: bool = NO_SCREEN_OPTION,
    measures: list[Path] = typer.Option(None, "--measures", help="Extra measures files (e.g. a draft) to apply."),
) -> None:
    """Decide transactions under the sanctions measures: prohibited, licence_required,
    review or allowed, with every measure that applied and the party hits.

    With --json, one decision per transaction, in order, as JSON lines.
    """
    day = _date(as_of, "--as-of")
    rows = read_transactions(transactions)
    engine = Engine(_book(measures), make_screener(db, lists, no_screen, as_json))
    for where, tx in rows:
        decision = engine.check(tx, as_of=day, jurisdictions=jurisdiction or None)
        if as_json:
            print_jsonl(decision.to_dict())
        else:
            _print_decision(where, decision)


_STYLE = {"prohibited": "bold red", "licence_required": "bold yellow", "review": "yellow", "allowed": "green"}


def _print_decision(where: str, decision: Decision) -> None:
    label = decision.transaction_id or where
    style = _STYLE.get(decision.decision.value, "")
    by = ", ".join(f"{k} {v.value}" for k, v in decision.by_jurisdiction.items())
    console.print(f"[bold]{label}[/] ({decision.transaction_type}, as of {decision.as_of}): [{style}]{decision.decision.value}[/]  [dim]{by}[/]", highlight=False)
    for reason in decision.reasons:
        head = reason.measure_id or reason.type
        console.print(f"  [{_STYLE.get(reason.outcome.value, 'dim')}]{reason.outcome.value:<16}[/] {head}  {reason.title}", highlight=False)
        if reason.effective:
            console.print(f"      effective {reason.effective}; {reason.legal_basis}", highlight=False, style="dim")
        console.print(f"      {reason.detail}", highlight=False)
        if reason.exemption:
            console.print(f"      exemption: {reason.exemption}", highlight=False)
        if reason.sources:
            console.print(f"      source: {reason.sources[0]['url']} (confidence {reason.confidence})", highlight=False, style="dim")
    for hit in decision.party_hits:
        strength = "match" if hit["match"] else "possible"
        console.print(f"  party {hit['role']} {hit['name']!r}: {strength} {hit['caption']!r} on {hit['source']} ({hit['score']:.2f})", highlight=False, style="dim")


def impact_command(
    book: Path = typer.Argument(..., metavar="BOOK", help="Transactions as JSON lines (or a JSON array)."),
    draft: Path = typer.Option(..., "--draft", help="The draft package: a measures file with status: draft."),
    as_of: str | None = typer.Option(None, "--as-of", help="Evaluate as of this date (default: the draft's effective date)."),
    jurisdiction: list[str] = JURISDICTION_OPTION,
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
    lists: list[Path] = LISTS_OPTION,
    no_screen: bool = NO_SCREEN_OPTION,
    limit: int = typer.Option(50, "--limit", min=0, help="Changed transactions listed in the table output."),
) -> None:
    """What a draft package of measures would change in a book of transactions."""
    day = _date(as_of, "--as-of")
    screener = make_screener(db, lists, no_screen, as_json)
    report = impact(load_book(), draft, read_transactions(book), screener, as_of=day, jurisdictions=jurisdiction or None)
    if as_json:
        print_json(report.to_dict())
    else:
        _print_impact(report, limit)


def _print_impact(report: ImpactReport, limit: int) -> None:
    console.print(f"[bold]{report.draft}[/]: {len(report.draft_ids)} draft measures, {report.total} transactions, as of {report.as_of}", highlight=False)
    table = Table("decision", "without draft", "with draft")
    for outcome in ("prohibited", "licence_required", "review", "allowed"):
        table.add_row(outcome, str(report.before.get(outcome, 0)), str(report.after.get(outcome, 0)))
    console.print(table)
    measures = Table("draft measure", "transactions", "value (JPY)")
    for measure_id in report.draft_ids:
        entry = report.by_measure.get(measure_id, {"transactions": 0, "value_jpy": 0.0})
        measures.add_row(measure_id, str(int(entry["transactions"])), f"{entry['value_jpy']:,.0f}")
    console.print(measures)
    changes = Table("transaction", "before", "after", "draft measures", "no longer cited")
    for change in report.changes[:limit]:
        changes.add_row(change.transaction_id or change.where, change.before.value, change.after.value,
                        ", ".join(change.draft_measures), ", ".join(change.dropped_measures))  # fmt: skip
    console.print(changes)
    if len(report.changes) > limit:
        console_err.print(f"{len(report.changes) - limit} more changes (use --json or --limit)")


@measures_app.command("lint")
def lint_command(
    files: list[Path] = typer.Argument(None, help="Measures files to check with the shipped ones (e.g. a draft)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Check the measures files: schema, dates, codes and references. Exits 1 on an error."""
    texts = list(shipped_files())
    for path in files or []:
        try:
            texts.append((str(path), path.read_text("utf-8")))
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    problems = lint_texts(texts)
    errors = [p for p in problems if p.level == "error"]
    if as_json:
        print_json({"files": len(texts), "problems": [p.__dict__ for p in problems]})
    else:
        for problem in problems:
            console_err.print(str(problem), highlight=False, soft_wrap=True, style="red" if problem.level == "error" else "yellow")
        console.print(f"{len(texts)} files, {len(errors)} errors, {len(problems) - len(errors)} warnings")
    if errors:
        raise typer.Exit(1)


@measures_app.command("show")
def show_command(
    measure_id: str | None = typer.Argument(None, metavar="[ID]", help="One measure to show in full."),
    jurisdiction: list[str] = JURISDICTION_OPTION,
    as_of: str | None = typer.Option(None, "--as-of", help="Only measures in force on this date."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List the measures (by jurisdiction, in force on a date), or show one in full."""
    book = load_book()
    if measure_id is not None:
        if measure_id not in book.by_id:
            raise InputError(f"unknown measure {measure_id!r}")
        measure = book.by_id[measure_id]
        data = measure.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        data["sources"] = [s.model_dump() for s in book.sources_of(measure)]
        data["jurisdiction"] = book.jurisdiction_of(measure_id)
        print_json(data) if as_json else console.print_json(data=data)
        return
    day = _date(as_of, "--as-of")
    wanted = [j.upper() for j in jurisdiction] if jurisdiction else None
    rows = [m for m in book.measures(wanted) if day is None or m.in_force(day)]
    if as_json:
        print_json([{"id": m.id, "jurisdiction": book.jurisdiction_of(m.id), "type": m.type.value, "title": m.title,
                     "effective": m.effective.isoformat(), "end": m.end.isoformat() if m.end else None,
                     "outcome": m.outcome.value, "confidence": m.confidence.value} for m in rows])  # fmt: skip
        return
    table = Table("id", "type", "effective", "end", "outcome", "conf.", "title")
    for m in rows:
        table.add_row(m.id, m.type.value, str(m.effective), str(m.end or ""), m.outcome.value, m.confidence.value, m.title)
    console.print(table)
