"""Write hits and rejects: CSV, JSON lines or Parquet.

An output row is one hit: every input column as it was read, then the ``hit_*`` columns
(:data:`HIT_COLUMNS`): the row number, the listed entity, its dataset, the score and the
explanation. A row with three hits gives three output rows; a row with none gives none.
Rejects (rows that could not be screened) go to a CSV file with the row number, its place
in the file and the reason. Files are written to a temporary name and renamed when complete,
so a killed run never leaves half an output that looks whole.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from seisai.batch.readers import detect_format, require_pyarrow

HIT_COLUMNS = (
    "hit_row", "hit_entity_id", "hit_caption", "hit_schema", "hit_dataset", "hit_programmes",
    "hit_score", "hit_query_name", "hit_matched_name", "hit_explanation",
)  # fmt: skip
DELTA_COLUMN = "hit_delta"
REJECT_COLUMNS = ("row", "place", "action", "reason")
PARQUET_BATCH = 50_000

Record = dict[str, Any]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


class TableWriter:
    """Rows with fixed ``columns`` to ``path`` in ``fmt``; use as a context manager.

    The file appears under its name only when the writer closes without error.
    """

    def __init__(self, path: Path, columns: Sequence[str], fmt: str | None = None) -> None:
        self.path = Path(path)
        self.format = detect_format(self.path, fmt)
        self.columns = list(columns)
        self.count = 0
        self._tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self._pending: list[Record] = []
        self._file: IO[str] | None = None
        self._csv: Any = None
        self._parquet: Any = None
        if self.format == "parquet":
            require_pyarrow()
        else:
            self._file = self._tmp.open("w", encoding="utf-8", newline="")
            if self.format == "csv":
                self._csv = csv.writer(self._file)
                self._csv.writerow(self.columns)

    def write(self, record: Record) -> None:
        """Write one row (missing columns are left empty)."""
        self.count += 1
        if self.format == "csv":
            self._csv.writerow([_text(record.get(c)) for c in self.columns])
        elif self.format == "jsonl":
            assert self._file is not None
            data = {c: record.get(c, "") for c in self.columns}
            self._file.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            self._pending.append(record)
            if len(self._pending) >= PARQUET_BATCH:
                self._flush_parquet()

    def write_all(self, records: Iterable[Record]) -> None:
        """Write many rows."""
        for record in records:
            self.write(record)

    def _flush_parquet(self) -> None:
        pa = require_pyarrow()
        arrays = {}
        for c in self.columns:
            if c == "hit_score":
                arrays[c] = pa.array([float(r.get(c) or 0.0) for r in self._pending], pa.float64())
            elif c == "hit_row":
                arrays[c] = pa.array([int(r.get(c) or 0) for r in self._pending], pa.int64())
            else:
                arrays[c] = pa.array([_text(r.get(c)) for r in self._pending], pa.string())
        table = pa.table(arrays)
        if self._parquet is None:
            self._parquet = pa.parquet.ParquetWriter(str(self._tmp), table.schema)
        self._parquet.write_table(table)
        self._pending = []

    def close(self, ok: bool = True) -> None:
        """Finish the file and move it into place (or drop it when ``ok`` is false)."""
        if self.format == "parquet":
            if ok and (self._pending or self._parquet is None):
                self._flush_parquet()
            if self._parquet is not None:
                self._parquet.close()
        elif self._file is not None:
            self._file.close()
        if ok:
            os.replace(self._tmp, self.path)
        else:
            self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close(ok=exc is None)


def output_columns(header: Sequence[str], delta: bool = False) -> list[str]:
    """The input columns, then the hit columns (and ``hit_delta`` for a delta run)."""
    taken = set(header)
    extra = [c for c in (*HIT_COLUMNS, *((DELTA_COLUMN,) if delta else ())) if c not in taken]
    return [*header, *extra]


def reject_columns(header: Sequence[str]) -> list[str]:
    """Columns of the rejects file: row, place, action, reason, then the input columns."""
    return [*REJECT_COLUMNS, *(c for c in header if c not in REJECT_COLUMNS)]
