"""``seisai batch``: screen a whole customer book (CSV, JSON lines, Parquet)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from seisai.batch.delta import run_delta
from seisai.batch.engine import make_engine
from seisai.batch.run import DEFAULT_PARTITION_ROWS, BatchSpec, RunSummary, current_pins, run_batch
from seisai.batch.screen import ScreenOptions
from seisai.batch.since import resolve_since
from seisai.cli.context import get_store, progress_bar
from seisai.cli.output import console, print_json
from seisai.matching import DEFAULT_THRESHOLD


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_command)


def batch_command(
    input_path: Path = typer.Argument(..., metavar="IN", help="The customer book: .csv/.tsv, .jsonl or .parquet."),
    output: Path = typer.Option(..., "--output", "-o", help="Hits file (its suffix picks the format)."),
    mapping: list[str] = typer.Option(None, "--map", "-m", help="COLUMN=PROPERTY (name, last_name, first_name, id, schema, birth_date, country, identifier, gender); repeatable. Default: headers recognised."),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold", "-t", min=0.0, max=1.0, help="Score from which a result is a hit."),
    limit: int = typer.Option(10, "--limit", min=1, max=100, help="Results kept per row."),
    dataset: list[str] = typer.Option(None, "--dataset", "-d", help="Screen against these lists only (repeatable)."),
    since: str | None = typer.Option(None, "--since", help="Delta: a previous run (its output or run folder), a date, or SOURCE:VERSION pins."),
    at: str | None = typer.Option(None, "--at", help="Screen against the versions current on a date, or SOURCE:VERSION pins."),
    engine: str = typer.Option("local", "--engine", help="local (all cores), dask, or inline (one process)."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1, help="Worker processes (default: all cores)."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address; without it a LocalCluster is started."),
    partition_rows: int = typer.Option(DEFAULT_PARTITION_ROWS, "--partition-rows", min=1, help="Rows per partition (the unit of work and of checkpoints)."),
    run_dir: Path | None = typer.Option(None, "--run-dir", help="Checkpoint folder (default: OUT.run)."),
    fresh: bool = typer.Option(False, "--fresh", help="Start over instead of resuming."),
    input_format: str | None = typer.Option(None, "--format", help="Input format when the suffix does not say: csv, jsonl, parquet."),
    output_format: str | None = typer.Option(None, "--output-format", help="Output format when the suffix does not say."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Text encoding of a CSV or JSON-lines book (e.g. cp932)."),
    delimiter: str | None = typer.Option(None, "--delimiter", help="CSV delimiter (default: comma, tab for .tsv)."),
    db: str | None = typer.Option(None, "--db", help="Database URL (default: $SEISAI_DB or ~/.seisai/seisai.db)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Screen every row of a customer book; one output row per hit, rejects beside it.

    Resumable: run the same command again after an interruption and it continues where it
    stopped. With --since it re-screens only against what changed in the lists.
    """
    store = get_store(db)
    options = ScreenOptions(threshold, limit, frozenset(dataset) if dataset else None)
    pins = None
    if at:
        pins = resolve_since(store, at, current_pins(store, options.datasets)).pins
    spec = BatchSpec(
        input_path, output, options, list(mapping or []), input_format, output_format, encoding,
        delimiter, partition_rows, run_dir, fresh, pins,
    )  # fmt: skip
    runner = make_engine(engine, workers=workers, scheduler=scheduler)
    try:
        with progress_bar(not as_json) as progress:
            if since:
                summary = run_delta(store, spec, since, runner, progress)  # type: ignore[arg-type]
            else:
                summary = run_batch(store, spec, runner, progress)  # type: ignore[arg-type]
    finally:
        runner.close()
    if as_json:
        print_json(summary.to_dict())
    else:
        _print(summary, delta=bool(since))


def _print(summary: RunSummary, delta: bool) -> None:
    table = Table("", "", show_header=False, box=None)
    table.add_row("rows", f"{summary.rows:,}")
    if delta:
        for key, value in summary.extra.get("changes", {}).items():
            table.add_row(f"entities {key.replace('_', ' ')}", f"{value:,}")
        table.add_row("rows re-screened", f"{summary.extra.get('rescreened_rows', 0):,}")
        for status, count in sorted(summary.by_dataset.items()):
            table.add_row(f"hits {status}", f"{count:,}")
    else:
        table.add_row("rejected or screened without a field", f"{summary.rejected:,}")
        table.add_row("hits", f"{summary.hits:,} on {summary.rows_with_hits:,} rows")
        for dataset, count in sorted(summary.by_dataset.items()):
            table.add_row(f"  {dataset}", f"{count:,}")
        if summary.resumed_partitions:
            table.add_row("partitions resumed", f"{summary.resumed_partitions:,} of {summary.partitions:,}")
    table.add_row("time", f"{summary.seconds:.1f} s ({summary.rows_per_second:,.0f} rows/s, {summary.engine}, {summary.workers} workers)")
    table.add_row("output", summary.output)
    if summary.rejects:
        table.add_row("rejects", summary.rejects)
    table.add_row("run folder", summary.run_dir)
    console.print(table)
