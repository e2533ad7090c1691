"""Helpers for list formats that are tables: xlsx sheets and CSV files.

Spreadsheet lists (UK ConList, Australia DFAT, Japan MOF...) are recognised by their header
row, which sits somewhere in the first rows of a sheet. :func:`workbook_head` reads only those
first rows (cached per file, so every format can look without re-reading), :func:`find_header`
locates the header row, and :class:`Table` turns the rows under it into records that know
where they came from, so that an error names the sheet and row or the CSV line.

Cells are turned into text with :func:`cell_text`: a number that Excel stored as a float
(``2.0``) becomes ``"2"``, a date becomes ISO text, runs of spaces are collapsed (line
breaks are kept: some lists separate facts with them).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from seisai.exc import ListFormatError
from seisai.sources.base import SourceFile
from seisai.sources.safe import Cell, check_zip, csv_rows, decode_text, read_workbook

HEAD_ROWS = 12
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"


def cell_text(value: Cell | object) -> str:
    """A cell as text: lines stripped, spaces collapsed, blank lines dropped; ``""`` if blank."""
    if isinstance(value, str):
        if "\n" not in value and "  " not in value and "\t" not in value and value == value.strip():
            return value
    elif value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    lines = (" ".join(line.split()) for line in str(value).splitlines())
    return "\n".join(line for line in lines if line)


def is_workbook(file: SourceFile) -> bool:
    """True when the file is an xlsx (zip) or xls (OLE) container."""
    return file.data[:4] in (_ZIP, _OLE)


_HEADS: dict[str, dict[str, list[list[str]]]] = {}
_HEADS_KEPT = 32


def _head(name: str, data: bytes) -> dict[str, list[list[str]]]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        if data[:4] == _ZIP:
            check_zip(name, data)
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return {
            sheet: [[cell_text(c) for c in row] for row in book.get_sheet_by_name(sheet).to_python(nrows=HEAD_ROWS)]
            for sheet in book.sheet_names[:3]
        }
    except (ListFormatError, CalamineError, ValueError, OSError):
        return {}


def workbook_head(file: SourceFile) -> dict[str, list[list[str]]]:
    """The first :data:`HEAD_ROWS` rows (as text) of the first three sheets, for detection.

    Read once per file content (every spreadsheet format looks at the same file); returns
    ``{}`` for anything that is not a readable workbook, and never raises.
    """
    if not is_workbook(file):
        return {}
    if file.sha256 not in _HEADS:
        if len(_HEADS) >= _HEADS_KEPT:
            del _HEADS[next(iter(_HEADS))]
        _HEADS[file.sha256] = _head(file.name, file.data)
    return _HEADS[file.sha256]


def header_index(rows: Sequence[Sequence[str]], required: Sequence[str]) -> int | None:
    """The index of the first row holding every ``required`` column title, or ``None``."""
    wanted = [_norm(r) for r in required]
    for index, row in enumerate(rows[:HEAD_ROWS]):
        titles = {_norm(c) for c in row}
        if all(w in titles for w in wanted):
            return index
    return None


def _norm(title: str) -> str:
    return " ".join(str(title).split()).casefold()


@dataclass
class Record:
    """One row under the header: cells by column title, and where the row is."""

    cells: dict[str, str]
    where: str

    def get(self, column: str) -> str:
        """The text of a column; ``""`` when blank or absent."""
        return self.cells.get(column, "")

    def nonblank(self) -> dict[str, str]:
        """The non-blank cells, as kept in an entity's ``raw``."""
        return {k: v for k, v in self.cells.items() if v}


@dataclass
class Table:
    """The rows under a header row: ``columns`` as titled, and each row with its place.

    With ``exact`` (CSV), every row must have as many cells as the header: a shorter row is a
    truncated file or a broken quote, a longer one shifted columns. Spreadsheet rows may be
    longer than the header only with blank cells past it.
    """

    file: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]
    exact: bool = False

    def records(self) -> Iterator[Record]:
        """Every non-blank row as a :class:`Record`; a ragged row raises :class:`ListFormatError`."""
        width = len(self.columns)
        for where, row in self.rows:
            if not any(row):
                continue
            extra = [c for c in row[width:] if c]
            if extra or (self.exact and len(row) < width):
                raise ListFormatError(
                    self.file, where, f"row has {len(row)} cells but the header has {width} columns"
                    + (" (truncated or badly quoted)" if len(row) < width else "")
                )
            cells = {title: (row[i] if i < len(row) else "") for i, title in enumerate(self.columns) if title}
            yield Record(cells, where)


def sheet_table(file: SourceFile, required: Sequence[str], what: str) -> tuple[list[list[str]], Table]:
    """Read a workbook and the table under the first header row that has ``required`` columns.

    Returns the rows above the header (they may hold a date) and the table. Raises
    :class:`ListFormatError` naming the file when no sheet has such a header.
    """
    book = read_workbook(file.name, file.content)
    for sheet, raw in book.items():
        rows = [[cell_text(c) for c in row] for row in raw]
        index = header_index(rows, required)
        if index is None:
            continue
        body = [(f"sheet {sheet!r}, row {index + 2 + i}", row) for i, row in enumerate(rows[index + 1 :])]
        return rows[:index], Table(file.name, _titles(rows[index]), body)
    raise ListFormatError(
        file.name, None, f"no {what} header row (columns {', '.join(required)}) in the first {HEAD_ROWS} rows of any sheet"
    )


def csv_table(
    file: SourceFile, required: Sequence[str], what: str, text: str | None = None
) -> tuple[list[list[str]], Table]:
    """Like :func:`sheet_table` for a CSV file.

    ``text`` is the decoded file when the caller decoded it (strictly, say); otherwise the
    file is read as UTF-8, or cp1252 for older exports.
    """
    if text is None:
        text = decode_text(file.name, file.content)
    lines = [(f"line {n}", [cell_text(c) for c in row]) for n, row in csv_rows(file.name, text)]
    rows = [row for _, row in lines]
    index = header_index(rows, required)
    if index is None:
        raise ListFormatError(
            file.name, None, f"no {what} header line (columns {', '.join(required)}) in the first {HEAD_ROWS} lines"
        )
    return rows[:index], Table(file.name, _titles(rows[index]), lines[index + 1 :], exact=True)


def _titles(row: list[str]) -> list[str]:
    titles = [" ".join(c.split()) for c in row]
    while titles and not titles[-1]:
        titles.pop()
    return titles


_NUMBERED = re.compile(r"\(\s*(\d{1,2})\s*\)\s*")


def split_numbered(text: str) -> list[str]:
    """Split "(1) A (2) B" into ``["A", "B"]``; text without numbering is one item.

    Used for the UK list's multi-valued cells (nationalities, passports, positions, phones).
    Numbers must run 1, 2, 3... from the start, so "resolution 2371 (2017)" is not split.
    """
    text = " ".join(text.split())
    if not text:
        return []
    marks = list(_NUMBERED.finditer(text))
    if not marks or marks[0].start() != 0 or marks[0].group(1) != "1":
        return [text]
    cuts: list[re.Match[str]] = []
    for mark in marks:
        if int(mark.group(1)) == len(cuts) + 1:
            cuts.append(mark)
    items = []
    for i, mark in enumerate(cuts):
        end = cuts[i + 1].start() if i + 1 < len(cuts) else len(text)
        item = text[mark.end() : end].strip(" ;,")
        if item:
            items.append(item)
    return items
