"""Column mapping: which input columns give the name, birth date, country... of a row.

``--map column=property`` names them explicitly; without it the headers are recognised from
``seisai/data/batch/columns.yml``. :meth:`ColumnMapping.query` turns one row into a
:class:`~seisai.matching.Query`, or says why the row cannot be screened (the reason goes to
the rejects file with the row number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from seisai.batch.errors import BatchInputError
from seisai.exc import QueryError
from seisai.matching import Query
from seisai.model import Schema
from seisai.text.tables import load_table

PROPERTIES = ("id", "name", "last_name", "first_name", "schema", "birth_date", "country", "identifier", "gender")
MULTI = frozenset({"name", "birth_date", "country", "identifier"})
_FOLD = re.compile(r"[\s._\-/()]+")

Value = str | list[str]
RowValues = Mapping[str, Value]


def _fold(header: str) -> str:
    return _FOLD.sub("", header.strip().lower())


@cache
def _table() -> dict[str, Any]:
    data = load_table("batch", "columns.yml")
    return dict(data)


@cache
def _header_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for prop in PROPERTIES:
        for alias in _table().get(prop, []):
            aliases.setdefault(_fold(str(alias)), prop)
    return aliases


@cache
def _schema_values() -> dict[str, Schema]:
    values: dict[str, Schema] = {}
    for schema, words in _table()["schema_values"].items():
        for word in words:
            values[_fold(str(word))] = Schema(schema)
    return values


def parse_schema(value: str) -> Schema:
    """A schema from a customer-type value (``person``, ``個人``, ``company``...)."""
    found = _schema_values().get(_fold(value))
    if found is None:
        raise QueryError(f"schema: unknown customer type {value!r} (see seisai/data/batch/columns.yml)")
    return found


@dataclass(frozen=True)
class ColumnMapping:
    """Property -> input columns, in the order given (several name columns give several names)."""

    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, file: str, header: Sequence[str], explicit: Iterable[str] = ()) -> ColumnMapping:
        """The mapping for a file with ``header``: explicit ``column=property`` pairs, else detected.

        Raises :class:`BatchInputError` naming the column when an explicit column is not in
        the header, a property is unknown, or no name column can be found.
        """
        columns: dict[str, list[str]] = {}
        pairs = [_split_pair(file, item) for item in explicit]
        if pairs:
            present = set(header)
            missing = [c for c, _ in pairs if c not in present]
            if missing:
                shown = ", ".join(repr(h) for h in header[:30])
                raise BatchInputError(file, "header", f"no column {', '.join(repr(m) for m in missing)}; the columns are {shown}")
            for column, prop in pairs:
                columns.setdefault(prop, []).append(column)
        else:
            for column in header:
                known = _header_aliases().get(_fold(column))
                if known is not None and (known in MULTI or known not in columns):
                    columns.setdefault(known, []).append(column)
        if "name" not in columns and "last_name" not in columns and "first_name" not in columns:
            shown = ", ".join(repr(h) for h in header[:30])
            raise BatchInputError(file, "header", f"no name column found among {shown}; name it with --map COLUMN=name")
        return cls({k: tuple(v) for k, v in columns.items()})

    def describe(self) -> dict[str, list[str]]:
        """JSON-ready property -> columns, for the run manifest."""
        return {k: list(v) for k, v in sorted(self.columns.items())}

    def values(self, row: RowValues, prop: str) -> list[str]:
        """The non-blank values of ``prop`` in ``row`` (a JSON list value gives several)."""
        found: list[str] = []
        for column in self.columns.get(prop, ()):
            value = row.get(column)
            items = value if isinstance(value, list) else [value or ""]
            found.extend(s for s in (str(v).strip() for v in items) if s)
        return found

    def row_id(self, row: RowValues, number: int) -> str:
        """The row's key: its id column, else its row number."""
        ids = self.values(row, "id")
        return ids[0] if ids else str(number)

    def name_key(self, row: RowValues) -> str:
        """What the matcher's work on a row depends on, besides dates and countries: its names
        and customer type, as one string (for keeping rows with the same name together)."""
        names = [*self.values(row, "name"), *self.values(row, "last_name"), *self.values(row, "first_name")]
        return "\x1f".join([*names, "\x1e", *self.values(row, "schema")])

    def query(self, row: RowValues) -> tuple[Query, list[str]]:
        """The query for one row, and what had to be left out of it.

        A row without a usable name raises :class:`~seisai.exc.QueryError`. A bad optional
        value (an unknown country, an unreadable date, an unknown customer type) does not
        stop the row from being screened by name: the field is left out and the problem is
        returned, for the rejects file.
        """
        names = self.values(row, "name")
        parts = [p for p in (*self.values(row, "last_name"), *self.values(row, "first_name")) if p]
        if parts:
            names.append(" ".join(parts))
        if not names:
            raise QueryError("name: the row has no name")
        fields: dict[str, Any] = {
            "birth_dates": self.values(row, "birth_date"),
            "countries": self.values(row, "country"),
            "identifiers": self.values(row, "identifier"),
            "gender": next(iter(self.values(row, "gender")), None),
        }
        problems: list[str] = []
        schemas = self.values(row, "schema")
        if schemas:
            try:
                schema = parse_schema(schemas[0])
                fields["schema"] = None if schema is Schema.LEGAL_ENTITY else schema
            except QueryError as exc:
                problems.append(str(exc))
        while True:
            try:
                return Query(names=names, **fields), problems
            except QueryError as exc:
                field_name = str(exc).split(":", 1)[0]
                if field_name not in fields or field_name == "names":
                    raise
                problems.append(str(exc))
                fields.pop(field_name)


def _split_pair(file: str, item: str) -> tuple[str, str]:
    column, sep, prop = item.rpartition("=")
    prop = prop.strip().lower().replace("-", "_")
    if not sep or not column.strip():
        raise BatchInputError(file, "--map", f"expected COLUMN=PROPERTY, got {item!r}")
    if prop not in PROPERTIES:
        raise BatchInputError(file, "--map", f"unknown property {prop!r} in {item!r}; known: {', '.join(PROPERTIES)}")
    return column.strip(), prop
