from __future__ import annotations

import json
from pathlib import Path

import pytest

from seisai.batch.errors import BatchInputError
from seisai.batch.readers import Book


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_csv_rows_keep_numbers_and_ragged_rows_become_problems(tmp_path: Path) -> None:
    book = Book(_write(tmp_path / "b.csv", "\ufeffid,name\n1,Taro\n\n2,Hanako,extra\n3,\"Multi\nLine\"\n4,Jiro\n".encode()))
    rows = list(book.rows())
    assert book.header == ["id", "name"]
    assert [r.number for r in rows] == [1, 2, 3, 4]
    assert rows[0].values == {"id": "1", "name": "Taro"} and rows[0].where == "line 2"
    assert rows[1].values is None and rows[1].problem == "3 fields where the header has 2" and rows[1].where == "line 4"
    assert rows[2].values == {"id": "3", "name": "Multi\nLine"}
    assert rows[3].where == "line 7"


def test_broken_encoding_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "b.csv", b"id,name\n1,Taro\n2,\x82\xa0\xff\n")
    with pytest.raises(BatchInputError, match=r"b.csv: line 3: .*not valid utf-8.*--encoding"):
        list(Book(path).rows())


def test_other_encoding_read_when_named(tmp_path: Path) -> None:
    path = _write(tmp_path / "b.csv", "id,氏名\n1,山田太郎\n".encode("cp932"))
    rows = list(Book(path, encoding="cp932").rows())
    assert rows[0].values == {"id": "1", "氏名": "山田太郎"}


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "the file is empty"), (b"id,name\n", "header but no data rows"), (b"id,,name\n1,2,3\n", "header column 2 has no name"),
     (b"a,a\n1,2\n", "repeats column 'a'")],
)  # fmt: skip
def test_unreadable_files_are_refused(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(BatchInputError, match=message):
        Book(_write(tmp_path / "b.csv", data))


def test_jsonl_bad_lines_are_problems_and_lists_kept(tmp_path: Path) -> None:
    lines = [json.dumps({"name": "A", "aliases": ["B", "C"]}), "{broken", "[1, 2]", "", json.dumps({"name": None})]
    rows = list(Book(_write(tmp_path / "b.jsonl", "\n".join(lines).encode())).rows())
    assert rows[0].values == {"name": "A", "aliases": ["B", "C"]}
    assert rows[1].values is None and rows[1].problem is not None and "not valid JSON" in rows[1].problem and rows[1].where == "line 2"
    assert rows[2].problem == "a JSON list where an object was expected"
    assert rows[3].values == {"name": ""} and rows[3].number == 4


def test_parquet_rows(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "b.parquet"
    pq.write_table(pa.table({"id": [1, 2], "name": ["Taro", None]}), path)
    book = Book(path)
    assert book.header == ["id", "name"]
    assert [r.values for r in book.rows()] == [{"id": "1", "name": "Taro"}, {"id": "2", "name": ""}]


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BatchInputError, match="give --format"):
        Book(_write(tmp_path / "b.xyz", b"a\n1\n"))
    with pytest.raises(BatchInputError, match="no such file"):
        Book(tmp_path / "none.csv")
