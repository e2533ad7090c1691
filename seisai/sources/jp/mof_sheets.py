"""The layout of MOF's workbook: programme sheets, their header rows and columns.

Which sheet is which programme, and what each column header means, is reference data in
``seisai/data/sources/jp_mof.yml``. This module loads it and finds, in each sheet, the
header row (the first row whose first cell is 告示日付, after the title row and any notes)
and the field each column holds.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from seisai.model import Schema
from seisai.sources.safe import Cell

HEADER_SEARCH_ROWS = 12
DELISTED_MARK = "【解除】"
FIELDS = frozenset(
    {
        "notice_date", "notice_number", "name_ja", "name_en", "alias", "former", "weak_alias",
        "title", "position", "birth_date", "birth_date_place", "birth_place", "nationality",
        "passport", "national_id", "address", "phone", "fax", "notes", "reason", "un_listed",
        "un_reference",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Programme:
    """A programme sheet as configured: its stable key and the schema of its rows."""

    sheet: str
    key: str
    schema: str  # "Person", "Organization", "Company" or "mixed"

    def fixed_schema(self) -> Schema | None:
        """The schema for every row, or ``None`` for a sheet that mixes persons and bodies."""
        return None if self.schema == "mixed" else Schema(self.schema)


@dataclass
class SheetLayout:
    """Where a sheet's data starts and what each column holds."""

    header_row: int  # 0-based index of the header row
    columns: dict[int, str] = field(default_factory=dict)  # column index -> field
    headers: dict[int, str] = field(default_factory=dict)  # column index -> header as written
    unknown: list[str] = field(default_factory=list)  # headers not in the configuration


def squeeze(text: object) -> str:
    """A header or sheet name for comparison: NFKC, without any whitespace."""
    return "".join(unicodedata.normalize("NFKC", str(text or "")).split())


def programme_name(sheet: str) -> str:
    """The sheet name without its leading number: "29.ロシア連邦(個人)" -> "ロシア連邦(個人)"."""
    return re.sub(r"^\d+\s*[.．]\s*", "", squeeze(sheet))


def is_delisted(sheet: str) -> bool:
    """True for a sheet whose programme was lifted (【解除】 in its name)."""
    return DELISTED_MARK in squeeze(sheet)


@cache
def _config() -> dict[str, Any]:
    text = resources.files("seisai.data.sources").joinpath("jp_mof.yml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    for name, value in data["columns"].items():
        if value not in FIELDS:
            raise ValueError(f"jp_mof.yml: column {name!r} maps to unknown field {value!r}")
    return data


@cache
def _programmes() -> dict[str, Programme]:
    out: dict[str, Programme] = {}
    keys: set[str] = set()
    for item in _config()["programmes"]:
        programme = Programme(squeeze(item["sheet"]), str(item["key"]), str(item["schema"]))
        if programme.key in keys:
            raise ValueError(f"jp_mof.yml: programme key {programme.key!r} used twice")
        keys.add(programme.key)
        out[programme.sheet] = programme
    return out


def programme_for(sheet: str) -> tuple[Programme, bool]:
    """The configured programme of a sheet, and whether it was found in the configuration.

    An unknown sheet gets a key derived from its name (``sheet-`` and 8 hex digits) and a
    per-row schema, so that a new programme is still read; the caller warns about it.
    """
    name = programme_name(sheet)
    known = _programmes().get(name)
    if known is not None:
        return known, True
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return Programme(name, f"sheet-{digest}", "mixed"), False


def column_fields() -> dict[str, str]:
    """Normalised header -> field name."""
    return {squeeze(k): str(v) for k, v in _config()["columns"].items()}


def find_layout(rows: list[list[Cell]]) -> SheetLayout | None:
    """The header row and column fields of a sheet; ``None`` when no row starts with 告示日付."""
    known = column_fields()
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not row or not squeeze(row[0]).startswith("告示日付"):
            continue
        layout = SheetLayout(index)
        for col, cell in enumerate(row):
            header = squeeze(cell)
            if not header:
                continue
            layout.headers[col] = header
            if header in known:
                layout.columns[col] = known[header]
            else:
                layout.unknown.append(header)
        return layout
    return None
