from __future__ import annotations

from datetime import date, datetime

import pytest

from seisai.exc import ListFormatError
from seisai.sources import SourceFile
from seisai.sources.tabular import (
    Table,
    cell_text,
    csv_table,
    header_index,
    split_numbered,
    workbook_head,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2.0, "2"),
        (2.5, "2.5"),
        (None, ""),
        ("", ""),
        ("  a   b ", "a b"),
        ("line one \n\n  line  two", "line one\nline two"),
        (date(2024, 11, 11), "2024-11-11"),
        (datetime(2024, 11, 11), "2024-11-11"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("(1) Russia (2) Ukraine", ["Russia", "Ukraine"]),
        ("(1) M0178952 (2) MA01626234 (3) MA0269785", ["M0178952", "MA01626234", "MA0269785"]),
        ("Russia", ["Russia"]),
        ("paragraph 6 of Resolution 2371 (2017) (2) x", ["paragraph 6 of Resolution 2371 (2017) (2) x"]),
        ("(1) Chief (2) Deputy (2017)", ["Chief", "Deputy (2017)"]),
        ("", []),
    ],
)
def test_split_numbered(text: str, items: list[str]) -> None:
    assert split_numbered(text) == items


def test_header_index_ignores_case_and_spacing() -> None:
    rows = [["Last Updated", "10/04/2025"], ["name  6", "Group ID"], ["X", "1"]]
    assert header_index(rows, ["Name 6", "group id"]) == 1
    assert header_index(rows, ["Name 6", "Regime"]) is None


def test_table_records_and_ragged_rows() -> None:
    table = Table("f.xlsx", ["A", "B"], [("row 2", ["1", "2", ""]), ("row 3", ["", "", ""]), ("row 4", ["3", "4", "x"])])
    records = table.records()
    first = next(records)
    assert (first.cells, first.where, first.get("C")) == ({"A": "1", "B": "2"}, "row 2", "")
    with pytest.raises(ListFormatError, match=r"f\.xlsx: row 4: row has 3 cells but the header has 2 columns"):
        next(records)


def test_csv_table_lines_count_quoted_line_breaks() -> None:
    data = b'title line\nA,B\n"multi\nline",2\n3,4\n'
    above, table = csv_table(SourceFile("f.csv", data), ["A", "B"], "test")
    assert above == [["title line"]]
    assert [(r.where, r.cells) for r in table.records()] == [
        ("line 4", {"A": "multi\nline", "B": "2"}),
        ("line 5", {"A": "3", "B": "4"}),
    ]


def test_workbook_head_of_non_workbooks_is_empty() -> None:
    assert workbook_head(SourceFile("x.csv", b"a,b\n")) == {}
    assert workbook_head(SourceFile("x.xlsx", b"PK\x03\x04 not really a zip")) == {}
