"""Partitions by name: every row of a name goes to the same worker.

A worker keeps what the matcher computed for a name (:class:`seisai.matching.matcher._Stage`),
so a name seen again costs only its dates and countries; but each worker keeps its own, and a
name whose rows reach every worker is computed once per worker. Cutting the rows into
``shards`` by a stable hash of their name (:func:`zlib.crc32` of
:meth:`~seisai.batch.mapping.ColumnMapping.name_key`) and giving each shard to one worker
(:attr:`seisai.batch.engine.Job.affinity`) makes each distinct name cost one computation in
all. The rows stream through: memory holds one partition per shard.

A delta re-screen, whose rows are a selection scattered over the book and whose output is
sorted by row anyway, is cut this way. A full run keeps its partitions in book order (they
are checkpointed and written in that order).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from seisai.batch.mapping import ColumnMapping
from seisai.batch.readers import InputRow


def shard_of(row: InputRow, mapping: ColumnMapping, shards: int) -> int:
    """The shard (``0..shards-1``) of a row: the same for every row with the same names."""
    key = mapping.name_key(row.values) if row.values is not None else ""
    return zlib.crc32(key.encode("utf-8")) % shards


def partitions_by_name(
    rows: Iterable[InputRow], mapping: ColumnMapping, shards: int, size: int
) -> Iterator[tuple[int, int, list[InputRow]]]:
    """``(index, shard, rows)``: partitions of at most ``size`` rows, each holding rows of one
    shard only, in row order within a shard; indices count up from 0 in the order yielded."""
    buffers: list[list[InputRow]] = [[] for _ in range(max(1, shards))]
    index = 0
    for row in rows:
        shard = shard_of(row, mapping, len(buffers))
        buffer = buffers[shard]
        buffer.append(row)
        if len(buffer) >= size:
            yield index, shard, buffer
            index += 1
            buffers[shard] = []
    for shard, buffer in enumerate(buffers):
        if buffer:
            yield index, shard, buffer
            index += 1
