"""The batch driver: read the book, hand partitions to an engine, checkpoint, assemble.

:func:`run_batch` screens a whole book against the lists of the store. It pins the list
versions at the start (a resumed run keeps them, even if a list was updated meanwhile),
writes the index once into the run directory, streams partitions of ``partition_rows`` rows
to the engine, checkpoints each result, and finally writes the hits and the rejects in input
order. Killed at any point and started again with the same arguments, it skips what was done.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter
from typing import Any

from seisai.batch.checkpoint import RunDir
from seisai.batch.engine import Engine, Job
from seisai.batch.mapping import ColumnMapping
from seisai.batch.readers import Book, InputRow, fingerprint, require_pyarrow
from seisai.batch.screen import ScreenOptions
from seisai.batch.writers import TableWriter, output_columns, reject_columns
from seisai.store.snapshot import matcher_file_at

Progress = Callable[[str, int, int], None]
DEFAULT_PARTITION_ROWS = 5000


@dataclass
class BatchSpec:
    """What to screen and where to write it (the CLI's arguments)."""

    input: Path
    output: Path
    options: ScreenOptions
    mapping: list[str] = field(default_factory=list)
    input_format: str | None = None
    output_format: str | None = None
    encoding: str = "utf-8"
    delimiter: str | None = None
    partition_rows: int = DEFAULT_PARTITION_ROWS
    run_dir: Path | None = None
    fresh: bool = False
    pins: dict[str, int] | None = None  # screen against these versions instead of the current ones

    def run_path(self) -> Path:
        """The run directory: ``--run-dir``, else ``OUT.run`` beside the output."""
        return self.run_dir or self.output.with_name(self.output.name + ".run")

    def rejects_path(self) -> Path:
        """``OUT.rejects.csv`` beside the output."""
        return self.output.with_name(self.output.name + ".rejects.csv")


@dataclass
class RunSummary:
    """Counts and figures of a finished run (printed by the CLI, kept in the manifest)."""

    rows: int = 0
    rejected: int = 0
    hits: int = 0
    rows_with_hits: int = 0
    partitions: int = 0
    resumed_partitions: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    engine: str = ""
    workers: int = 0
    worker_rss_mb: float = 0.0
    output: str = ""
    rejects: str = ""
    run_dir: str = ""
    pins: dict[str, int] = field(default_factory=dict)
    by_dataset: dict[str, int] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {**asdict(self), "rows_per_second": round(self.rows_per_second, 1)}


def estimate_rows(book: Book) -> int:
    """The number of data rows, exact for Parquet and counted by lines otherwise."""
    if book.format == "parquet":
        return int(require_pyarrow().parquet.ParquetFile(book.path).metadata.num_rows)
    count = 0
    with book.path.open("rb") as f:
        while chunk := f.read(1 << 20):
            count += chunk.count(b"\n")
    return max(1, count - (1 if book.format == "csv" else 0))


def partitions(rows: Iterable[InputRow], size: int) -> Iterator[tuple[int, list[InputRow]]]:
    """``(index, rows)`` in order, ``size`` rows each (the last may be shorter)."""
    batch: list[InputRow] = []
    index = 0
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield index, batch
            index, batch = index + 1, []
    if batch:
        yield index, batch


def current_pins(store: Any, datasets: frozenset[str] | None) -> dict[str, int]:
    """``{source: version id}`` of the current versions (of ``datasets`` only, when given)."""
    from seisai.exc import NotFoundError

    current = store.current_versions()
    if datasets:
        unknown = sorted(datasets - current.keys())
        if unknown:
            raise NotFoundError(f"no list in the store for {', '.join(unknown)}; stored: {', '.join(sorted(current))}")
        current = {s: v for s, v in current.items() if s in datasets}
    if not current:
        raise NotFoundError("the store holds no lists yet: run `seisai lists import` or `seisai lists update`")
    return {s: v.id for s, v in sorted(current.items())}


def ensure_matcher(store: Any, path: Path, pins: dict[str, int], reuse: dict[str, int] | None = None) -> None:
    """Put the index over ``pins`` at ``path`` unless it is already there: a copy of the
    store's cached index (built first if needed; ``reuse``: see :func:`matcher_file_at`)."""
    if not path.exists():
        cached = matcher_file_at(store, pins, reuse=reuse)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        shutil.copyfile(cached, partial)
        os.replace(partial, path)  # a reader never sees half a file


def open_book(spec: BatchSpec) -> tuple[Book, ColumnMapping]:
    """Open the input and build its column mapping (errors name the file and column)."""
    book = Book(spec.input, spec.input_format, encoding=spec.encoding, delimiter=spec.delimiter)
    return book, ColumnMapping.build(book.name, book.header, spec.mapping)


def run_batch(store: Any, spec: BatchSpec, engine: Engine, progress: Progress | None = None) -> RunSummary:
    """Screen the whole book (see the module docstring); returns the summary."""
    started = perf_counter()
    book, mapping = open_book(spec)
    run = RunDir(spec.run_path())
    old = None if spec.fresh else run.manifest()
    if old:
        pins = {str(k): int(v) for k, v in old["pins"].items()}
    else:
        pins = spec.pins or current_pins(store, spec.options.datasets)
    manifest = {
        "kind": "full", "input": str(spec.input.resolve()), "input_sha256": fingerprint(spec.input),
        "mapping": mapping.describe(), "options": spec.options.to_dict(), "pins": pins,
        "partition_rows": spec.partition_rows, "since": None, "header": book.header,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }  # fmt: skip
    run.start(manifest, fresh=spec.fresh)
    ensure_matcher(store, run.matcher_file, pins)
    summary = RunSummary(engine=engine.name, workers=engine.workers, run_dir=str(run.path), pins=pins)
    screen_partitions(book, mapping, spec, run, engine, summary, progress)
    write_outputs(run, book.header, spec, summary)
    summary.seconds = perf_counter() - started
    final = {**(run.manifest() or manifest), "finished": datetime.now(UTC).isoformat(timespec="seconds"), "summary": summary.to_dict()}
    run.write_manifest(final)
    return summary


def screen_partitions(
    book: Book, mapping: ColumnMapping, spec: BatchSpec, run: RunDir, engine: Engine, summary: RunSummary, progress: Progress | None
) -> None:
    """Screen every partition not yet checkpointed, checkpointing each as it finishes."""
    done = run.done()
    summary.resumed_partitions = len(done)
    total = -(-estimate_rows(book) // spec.partition_rows)
    key = str(run.matcher_file)

    def jobs() -> Iterator[Job]:
        for index, rows in partitions(book.rows(), spec.partition_rows):
            if index not in done:
                yield Job(index, rows, key, mapping, spec.options)

    finished = len(done)
    if progress:
        progress("screening", finished, total)
    for result in engine.map(jobs()):
        run.save(result)
        finished += 1
        summary.worker_rss_mb = max(summary.worker_rss_mb, result.rss_mb)
        if progress:
            progress("screening partitions", finished, max(total, finished))


def write_outputs(run: RunDir, header: list[str], spec: BatchSpec, summary: RunSummary) -> None:
    """Assemble the checkpointed partitions into the output and rejects files, in row order."""
    hit_rows: set[int] = set()
    with TableWriter(spec.output, output_columns(header), spec.output_format) as out, TableWriter(
        spec.rejects_path(), reject_columns(header), "csv"
    ) as rejects:
        for result in run.results():
            summary.partitions += 1
            summary.rows += result.rows
            for stage, seconds in result.seconds.items():
                summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + seconds
            out.write_all(result.hits)
            rejects.write_all(result.rejects)
            summary.rejected += len(result.rejects)
            summary.hits += len(result.hits)
            for hit in result.hits:
                hit_rows.add(int(hit["hit_row"]))
                dataset = str(hit["hit_dataset"])
                summary.by_dataset[dataset] = summary.by_dataset.get(dataset, 0) + 1
    summary.rows_with_hits = len(hit_rows)
    summary.output, summary.rejects = str(spec.output), str(spec.rejects_path())
