"""Read a customer book: CSV (or TSV), JSON lines or Parquet, row by row with row numbers.

Every row keeps its number (1-based, data rows only) and its place in the file (``line 12``
for text formats, ``row 12`` for Parquet), so a reject or an error can name it. Rows that
cannot be read reliably (a CSV row with more or fewer fields than the header, a JSON line
that is not an object) are yielded with a ``problem`` and end up in the rejects file; a file
that cannot be read at all (empty, undecodable bytes, no header) raises
:class:`~seisai.batch.errors.BatchInputError`. Parquet needs pyarrow, imported only then.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from seisai.batch.errors import BatchInputError
from seisai.batch.mapping import Value

FORMATS = ("csv", "jsonl", "parquet")
_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
csv.field_size_limit(1 << 24)


@dataclass(frozen=True, slots=True)
class InputRow:
    """One row of the book: its number, its place, its values (``None`` when unreadable)."""

    number: int
    where: str
    values: dict[str, Value] | None
    problem: str | None = None


def detect_format(path: Path, fmt: str | None = None) -> str:
    """``csv``, ``jsonl`` or ``parquet``, from ``fmt`` or the file's suffix."""
    if fmt:
        if fmt.lower() not in FORMATS:
            raise BatchInputError(str(path), None, f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
        return fmt.lower()
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    found = _SUFFIXES.get(suffixes[-1]) if suffixes else None
    if found is None:
        raise BatchInputError(str(path), None, f"cannot tell the format from the name; give --format ({', '.join(FORMATS)})")
    return found


def require_pyarrow() -> Any:
    """Import pyarrow, or say how to install it."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise BatchInputError("parquet", None, "reading or writing Parquet needs pyarrow: pip install 'seisai[batch]'") from None
    return pyarrow


def fingerprint(path: Path) -> str:
    """SHA-256 of the file's bytes: a resumed or delta run checks it screens the same book."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class Book:
    """A customer file opened for reading; :attr:`header` is read on opening."""

    def __init__(self, path: Path, fmt: str | None = None, *, encoding: str = "utf-8", delimiter: str | None = None) -> None:
        self.path = Path(path)
        self.name = self.path.name
        if not self.path.is_file():
            raise BatchInputError(str(path), None, "no such file")
        self.format = detect_format(self.path, fmt)
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise BatchInputError(self.name, None, f"unknown encoding {encoding!r}") from None
        self.encoding = encoding
        self.delimiter = delimiter or ("\t" if self.path.suffix.lower() == ".tsv" else ",")
        if self.path.stat().st_size == 0:
            raise BatchInputError(self.name, None, "the file is empty")
        self._csv_header: list[str] = []
        self.header = self._read_header()

    def _read_header(self) -> list[str]:
        if self.format == "parquet":
            pq = require_pyarrow().parquet
            try:
                names = list(pq.ParquetFile(self.path).schema_arrow.names)
            except Exception as exc:  # pyarrow raises its own error types
                raise BatchInputError(self.name, None, f"not a readable Parquet file: {exc}") from None
            return [str(n) for n in names]
        for row in self.rows():
            if self.format == "csv":
                return self._csv_header
            if row.values is not None:
                return list(row.values)
        if self.format == "csv":
            raise BatchInputError(self.name, None, "the file has a header but no data rows")
        raise BatchInputError(self.name, None, "the file has no readable JSON object")

    def rows(self) -> Iterator[InputRow]:
        """Every data row, in order (a CSV header line is not a row)."""
        if self.format == "csv":
            return self._csv_rows()
        if self.format == "jsonl":
            return self._jsonl_rows()
        return self._parquet_rows()

    def _lines(self, f: IO[bytes]) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        for number, raw in enumerate(f, start=1):
            try:
                text = decoder.decode(raw)
            except UnicodeDecodeError as exc:
                raise BatchInputError(
                    self.name, f"line {number}",
                    f"bytes {raw[exc.start:exc.end]!r} are not valid {self.encoding} (byte {exc.start + 1} of the line); give the file's encoding with --encoding, e.g. cp932",
                ) from None  # fmt: skip
            if number == 1:
                text = text.lstrip("\ufeff")
            yield text

    def _csv_rows(self) -> Iterator[InputRow]:
        with self.path.open("rb") as f:
            lines = self._lines(f)
            reader = csv.reader(lines, delimiter=self.delimiter)
            header: list[str] | None = None
            number = 0
            start = 1
            try:
                for fields in reader:
                    where, start = f"line {start}", reader.line_num + 1
                    if not fields or (len(fields) == 1 and not fields[0].strip()):
                        continue
                    if header is None:
                        header = self._check_header(fields)
                        continue
                    number += 1
                    if len(fields) != len(header):
                        problem = f"{len(fields)} fields where the header has {len(header)}"
                        yield InputRow(number, where, None, problem)
                        continue
                    yield InputRow(number, where, dict(zip(header, fields, strict=True)))
            except csv.Error as exc:
                raise BatchInputError(self.name, f"line {reader.line_num}", f"broken CSV: {exc}") from None
            if header is None:
                raise BatchInputError(self.name, None, "the file has no header line")

    def _check_header(self, fields: list[str]) -> list[str]:
        header = [h.strip() for h in fields]
        blank = [str(i + 1) for i, h in enumerate(header) if not h]
        if blank:
            raise BatchInputError(self.name, "line 1", f"header column {', '.join(blank)} has no name")
        dupes = sorted({h for h in header if header.count(h) > 1})
        if dupes:
            raise BatchInputError(self.name, "line 1", f"header repeats column {', '.join(repr(d) for d in dupes)}")
        self._csv_header = header
        return header

    def _jsonl_rows(self) -> Iterator[InputRow]:
        number = 0
        with self.path.open("rb") as f:
            for line_no, text in enumerate(self._lines(f), start=1):
                if not text.strip():
                    continue
                number += 1
                where = f"line {line_no}"
                try:
                    data = json.loads(text)
                except json.JSONDecodeError as exc:
                    yield InputRow(number, where, None, f"not valid JSON: {exc.msg} at column {exc.colno}")
                    continue
                if not isinstance(data, dict):
                    yield InputRow(number, where, None, f"a JSON {type(data).__name__} where an object was expected")
                    continue
                yield InputRow(number, where, {str(k): _value(v) for k, v in data.items()})

    def _parquet_rows(self) -> Iterator[InputRow]:
        pq = require_pyarrow().parquet
        number = 0
        for batch in pq.ParquetFile(self.path).iter_batches(batch_size=8192):
            for record in batch.to_pylist():
                number += 1
                yield InputRow(number, f"row {number}", {str(k): _value(v) for k, v in record.items()})


def _value(value: object) -> Value:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None]
    return str(value)
