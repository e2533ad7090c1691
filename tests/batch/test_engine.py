"""Engines: a job's affinity sends it to the same worker process every time."""

from __future__ import annotations

import pickle
from pathlib import Path

from seisai.batch.engine import Job, LocalEngine
from seisai.batch.mapping import ColumnMapping
from seisai.batch.readers import InputRow
from seisai.batch.screen import ScreenOptions
from seisai.matching import Matcher
from seisai.model import Entity, Name, Schema


def test_jobs_with_one_affinity_run_in_one_process(tmp_path: Path) -> None:
    matcher = Matcher([Entity(source="t", source_id="1", schema=Schema.PERSON, names=[Name("Ivan Petrov")])])
    path = tmp_path / "matcher.pickle"
    path.write_bytes(pickle.dumps(matcher))
    mapping = ColumnMapping.build("book.csv", ["name"])
    rows = [InputRow(1, "line 2", {"name": "Ivan Petrov"})]
    jobs = [Job(i, rows, str(path), mapping, ScreenOptions(0.7), affinity=i % 2) for i in range(8)]
    engine = LocalEngine(2)
    try:
        results = list(engine.map(jobs))
    finally:
        engine.close()
    assert sorted(r.index for r in results) == list(range(8))
    workers = {affinity: {r.worker for r in results if r.index % 2 == affinity} for affinity in (0, 1)}
    assert all(len(found) == 1 for found in workers.values()), workers
    assert workers[0] != workers[1]
    assert all(len(r.hits) == 1 for r in results)
