"""Build xlsx files from the hand-written YAML fixtures of Japan's workbooks."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook

from seisai.sources import SourceFile


def workbook_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    """An xlsx with one sheet per key, rows as given (``None`` for an empty cell)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def fixture_workbook(path: Path, **changes: Any) -> SourceFile:
    """The workbook a fixture describes, as a :class:`SourceFile` under the fixture's name.

    ``changes`` replaces top-level keys of the fixture (``sheets=...``) before building.
    """
    spec = yaml.safe_load(path.read_text("utf-8"))
    spec.update(changes)
    return SourceFile(spec["file_name"], workbook_bytes(spec["sheets"]))


def fixture_sheets(path: Path) -> dict[str, list[list[Any]]]:
    """The sheets of a fixture, to be changed by a test."""
    sheets: dict[str, list[list[Any]]] = yaml.safe_load(path.read_text("utf-8"))["sheets"]
    return sheets
