"""OFAC SDN and consolidated (non-SDN) lists, legacy CSV.

A publication is up to four headerless CSV files joined on ``ent_num``:

======================  ======================  ===========================================
SDN list                consolidated list       columns
======================  ======================  ===========================================
``sdn.csv``             ``cons_prim.csv``       ent_num, name, type, programs, title, call
                                                sign, vessel type, tonnage, GRT, vessel
                                                flag, vessel owner, remarks (12)
``add.csv``             ``cons_add.csv``        ent_num, add_num, address, city/state/
                                                postal code, country, remarks (6)
``alt.csv``             ``cons_alt.csv``        ent_num, alt_num, type (aka/fka/nka),
                                                name, remarks (5)
``sdn_comments.csv``    ``cons_comments.csv``   ent_num, remarks continued (2)
======================  ======================  ===========================================

``-0-`` stands for an empty cell and the files end with a DOS end-of-file byte (0x1A).
Remarks longer than 1,000 characters are cut there and continue, mid-word, in the comments
file. A file's role is read from its column shape; its name tells only the SDN list from
the consolidated one (``cons`` prefix) and, for the two-column comments file, confirms the
role when the end-of-file byte is missing. Files with the same YYYY-MM-DD in their names
(``sdn_2023-12-28.csv`` + ``add_2023-12-28.csv``), or with none, make one publication; the
main file alone is a valid publication. The CSVs carry no publication date: it is taken
from the file name when there is one.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from seisai.exc import ListFormatError
from seisai.model import Entity, NameKind
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.ofac import (
    SOURCE_CONS,
    SOURCE_SDN,
    add_address,
    add_ofac_name,
    add_programmes,
    add_vessel,
    date_from_name,
    schema_of,
    split_programmes,
)
from seisai.sources.ofac_remarks import apply_remarks
from seisai.sources.safe import csv_rows, decode_text

COLUMNS = {
    "main": ("ent_num", "name", "type", "programs", "title", "call_sign", "vessel_type",
             "tonnage", "grt", "vessel_flag", "vessel_owner", "remarks"),
    "address": ("ent_num", "add_num", "address", "city", "country", "remarks"),
    "alias": ("ent_num", "alt_num", "type", "name", "remarks"),
    "comments": ("ent_num", "remarks"),
}  # fmt: skip
ROLE_BY_WIDTH = {len(cols): role for role, cols in COLUMNS.items()}
ALIAS_TYPES = {"aka": NameKind.ALIAS, "fka": NameKind.FORMER, "nka": NameKind.ALIAS}
MAIN_TYPES = {"individual", "vessel", "aircraft", "-0-", ""}
REMARKS_LIMIT = 1000
_DIGITS = re.compile(r"^\d+$")


def _cell(value: str) -> str | None:
    value = value.strip()
    return None if value in ("-0-", "") else value


_ROLE_NAMES = re.compile(r"^(?:(?P<main>sdn|cons_prim)|(?P<address>add|cons_add)|(?P<alias>alt|cons_alt)|(?P<comments>sdn_comments|cons_comments))(?:[_-]\d{4}-\d{2}-\d{2})?$")


def _role_by_name(file: SourceFile) -> str | None:
    """The role OFAC's own file names give (sdn, add, alt, sdn_comments, cons_prim...)."""
    m = _ROLE_NAMES.match(file.stem)
    return m.lastgroup if m else None


def _role_of(file: SourceFile) -> str | None:
    """The file's role from the shape of its first rows, or None when it is no OFAC CSV."""
    head = file.head.decode("latin-1")
    if len(file.head) < len(file.data) or file.data[:2] == b"\x1f\x8b":
        head = head[: head.rfind("\n") + 1]  # drop the last, partial line
    try:
        rows = [r for r in csv.reader(io.StringIO(head.strip("\x1a\r\n "))) if r][:20]
    except csv.Error:
        return None
    if not rows or not all(r and _DIGITS.match(r[0].strip()) for r in rows):
        return None
    widths = {len(r) for r in rows}
    role = ROLE_BY_WIDTH.get(widths.pop()) if len(widths) == 1 else None
    trailer = file.data.endswith(b"\x1a")
    marked = trailer or "-0-" in head
    if role == "main" and marked and all(r[2].strip().casefold() in MAIN_TYPES for r in rows):
        return role
    if role == "address" and marked and all(_DIGITS.match(r[1].strip()) for r in rows):
        return role
    if role == "alias" and marked and all(r[2].strip().casefold() in ALIAS_TYPES for r in rows):
        return role
    if role == "comments" and (trailer or "comment" in file.stem):
        return role
    return None


@dataclass
class _Tables:
    """The rows of one publication, by role, keyed by ent_num."""

    main: dict[str, tuple[int, dict[str, str | None]]] = field(default_factory=dict)
    addresses: dict[str, list[dict[str, str | None]]] = field(default_factory=dict)
    aliases: dict[str, list[dict[str, str | None]]] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)


@register
class OFACLegacyCSV(ListFormat):
    name = "ofac_csv"
    title = "OFAC SDN / consolidated list, legacy CSV (main, address, alias, comments files)"
    source = SOURCE_SDN

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        return _role_of(file) is not None

    @classmethod
    def source_of(cls, file: SourceFile) -> str:
        return SOURCE_CONS if file.stem.startswith("cons") else SOURCE_SDN

    @classmethod
    def publication_key(cls, file: SourceFile) -> str:
        found = date_from_name(file.name)
        return found.isoformat() if found else ""

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        roles = self._roles(files)
        main = roles["main"]
        warnings: list[str] = []
        tables = self._read(roles)
        entities = [self._entity(main, ent_num, line, tables, warnings) for ent_num, (line, _) in tables.main.items()]
        for label, table in (("address", tables.addresses), ("alias", tables.aliases), ("comments", tables.comments)):
            for ent_num in table.keys() - tables.main.keys():
                warnings.append(f"{roles[label].name}: ent_num {ent_num} is not in {main.name}")
        if "comments" not in roles:
            cut = [e.source_id for e in entities if len(e.raw["row"].get("remarks") or "") >= REMARKS_LIMIT]
            if cut:
                warnings.append(
                    f"{main.name}: remarks of {len(cut)} entries end at {REMARKS_LIMIT} characters and"
                    f" no comments file continues them (ent_num {', '.join(cut[:5])}...)"
                )
        source = self.source_of(main)
        return ParsedList(source, self.name, list(files), entities, date_from_name(main.name), warnings)

    def _roles(self, files: Sequence[SourceFile]) -> dict[str, SourceFile]:
        names = ", ".join(f.name for f in files)
        roles: dict[str, SourceFile] = {}
        for file in files:
            role = _role_of(file) or _role_by_name(file)  # by name, a bad row is named below
            if role is None:
                raise ListFormatError(file.name, "line 1", "not an OFAC legacy CSV file (unknown column shape)")
            if role in roles:
                raise ListFormatError(file.name, None, f"two {role} files in one publication: {roles[role].name}, {file.name}")
            roles[role] = file
        if "main" not in roles:
            raise ListFormatError(names, None, "no main file (sdn.csv or cons_prim.csv) in the publication")
        if len({self.source_of(f) for f in files}) > 1:
            raise ListFormatError(names, None, "files of the SDN and the consolidated list mixed in one publication")
        return roles

    def _read(self, roles: dict[str, SourceFile]) -> _Tables:
        tables = _Tables()
        for line, row in _rows(roles["main"], "main"):
            ent_num = row["ent_num"] or ""
            if ent_num in tables.main:
                raise ListFormatError(roles["main"].name, f"line {line}", f"duplicate ent_num {ent_num}")
            tables.main[ent_num] = (line, row)
        if "address" in roles:
            for _, row in _rows(roles["address"], "address"):
                tables.addresses.setdefault(row["ent_num"] or "", []).append(row)
        if "alias" in roles:
            for _, row in _rows(roles["alias"], "alias"):
                tables.aliases.setdefault(row["ent_num"] or "", []).append(row)
        if "comments" in roles:
            for _, row in _rows(roles["comments"], "comments", keep_space=True):
                tables.comments.setdefault(row["ent_num"] or "", []).append(row["remarks"] or "")
        return tables

    def _entity(self, file: SourceFile, ent_num: str, line: int, tables: _Tables, warnings: list[str]) -> Entity:
        row = tables.main[ent_num][1]
        schema = schema_of(row["type"])
        if schema is None:
            raise ListFormatError(file.name, f"line {line}", f"unknown entry type {row['type']!r}")
        entity = Entity(self.source_of(file), ent_num, schema)
        add_ofac_name(entity, NameKind.PRIMARY, whole=row["name"])
        for alias in tables.aliases.get(ent_num, []):
            kind = ALIAS_TYPES.get((alias["type"] or "").casefold(), NameKind.ALIAS)
            add_ofac_name(entity, kind, whole=alias["name"])
        add_programmes(entity, split_programmes(row["programs"]))
        if row["title"]:
            entity.positions.append(row["title"])
        add_vessel(
            entity,
            call_sign=row["call_sign"],
            vessel_type=row["vessel_type"],
            tonnage=row["tonnage"],
            gross_tonnage=row["grt"],
            flag=row["vessel_flag"],
            owner=row["vessel_owner"],
        )
        for addr in tables.addresses.get(ent_num, []):
            add_address(entity, street=addr["address"], city=addr["city"], country=addr["country"])
            if addr["remarks"]:
                entity.notes.append(addr["remarks"])
        comments = tables.comments.get(ent_num, [])
        remarks = (row["remarks"] or "") + "".join(comments)
        apply_remarks(entity, remarks.strip() or None, lambda msg: warnings.append(f"{file.name}: ent_num {msg}"))
        entity.raw = _raw(row, tables, ent_num)
        return entity


def _raw(row: dict[str, str | None], tables: _Tables, ent_num: str) -> dict[str, Any]:
    raw: dict[str, Any] = {"row": row}
    if ent_num in tables.addresses:
        raw["addresses"] = tables.addresses[ent_num]
    if ent_num in tables.aliases:
        raw["aliases"] = tables.aliases[ent_num]
    if ent_num in tables.comments:
        raw["comments"] = tables.comments[ent_num]
    return raw


def _rows(file: SourceFile, role: str, *, keep_space: bool = False) -> Iterator[tuple[int, dict[str, str | None]]]:
    """The rows of one file as dicts of its columns, ``-0-`` read as None, checked for shape."""
    columns = COLUMNS[role]
    content = file.content
    if content and not content.endswith((b"\n", b"\x1a")):  # OFAC's files end with CRLF and 0x1A
        line = content.count(b"\n") + 1
        raise ListFormatError(file.name, f"line {line}", "the file ends in the middle of a row (truncated?)")
    text = decode_text(file.name, content)
    for line, row in csv_rows(file.name, text, strict=True):
        if not row or row == [""]:
            continue
        if len(row) != len(columns):
            raise ListFormatError(
                file.name, f"line {line}", f"expected {len(columns)} columns ({role} file), found {len(row)}"
            )
        if not _DIGITS.match(row[0].strip()):
            raise ListFormatError(file.name, f"line {line}", f"ent_num {row[0]!r} is not a number")
        values = {col: _cell(value) for col, value in zip(columns, row, strict=True)}
        if keep_space or role == "main":  # remarks are cut mid-word: keep their spaces for joining
            remarks = row[-1]
            values["remarks"] = None if remarks.strip() in ("-0-", "") else remarks
        yield line, values
