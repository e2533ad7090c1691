"""Partitions by name: every row once, each name in one shard, the same every time."""

from __future__ import annotations

import pytest

from seisai.batch.grouping import partitions_by_name, shard_of
from seisai.batch.mapping import ColumnMapping
from seisai.batch.readers import InputRow

MAPPING = ColumnMapping.build("book.csv", ["id", "name", "country"])
NAMES = ["Ivan Petrov", "山田太郎", "ヤマダ タロウ", "Li Wei", "Acme Trading LLC", "Vladimir Putin", "Zhang San"]


def _rows(count: int) -> list[InputRow]:
    rows = []
    for i in range(count):
        name = NAMES[(i * 7 + i // 3) % len(NAMES)] + ("" if i % 5 else f" {i % 11}")
        values = {"id": f"C{i}", "name": name, "country": "jp"}
        rows.append(InputRow(i + 1, f"line {i + 2}", values if i % 97 else None, None if i % 97 else "ragged row"))
    return rows


@pytest.mark.parametrize(("count", "shards", "size"), [(50, 1, 100), (1000, 2, 40), (2003, 5, 7)])
def test_every_row_once_each_name_in_one_shard(count: int, shards: int, size: int) -> None:
    rows = _rows(count)
    parts = list(partitions_by_name(iter(rows), MAPPING, shards, size))
    assert [i for i, _, _ in parts] == list(range(len(parts)))
    assert all(0 < len(chunk) <= size for _, _, chunk in parts)
    assert sorted(r.number for _, _, chunk in parts for r in chunk) == [r.number for r in rows]
    shard_of_name: dict[str, int] = {}
    for _, shard, chunk in parts:
        assert 0 <= shard < shards
        assert [r.number for r in chunk] == sorted(r.number for r in chunk)
        for row in chunk:
            key = MAPPING.name_key(row.values) if row.values is not None else ""
            assert shard_of_name.setdefault(key, shard) == shard, f"{key!r} in two shards"
            assert shard_of(row, MAPPING, shards) == shard
    if shards > 1:
        assert len(set(shard_of_name.values())) > 1  # the names are spread


def test_the_same_book_gives_the_same_partitions() -> None:
    first = [(s, [r.number for r in chunk]) for _, s, chunk in partitions_by_name(_rows(900), MAPPING, 3, 30)]
    again = [(s, [r.number for r in chunk]) for _, s, chunk in partitions_by_name(_rows(900), MAPPING, 3, 30)]
    assert first == again


def test_a_name_key_holds_every_name_column_and_the_type() -> None:
    mapping = ColumnMapping.build("book.csv", ["last_name", "first_name", "type"])
    a = mapping.name_key({"last_name": "Petrov", "first_name": "Ivan", "type": "person"})
    b = mapping.name_key({"last_name": "Petrov", "first_name": "Ivan", "type": "company"})
    c = mapping.name_key({"last_name": "Petrov", "first_name": "Oleg", "type": "person"})
    assert len({a, b, c}) == 3
