"""Delta re-screening gives the same new hits as a full run (real UN and OFAC versions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seisai.batch import BatchSpec, ScreenOptions, make_engine, run_batch
from seisai.batch.changes import collect_changes
from seisai.batch.checkpoint import RunDir
from seisai.batch.delta import _min_coverage, _plan_from_run, run_delta
from seisai.batch.engine import InlineEngine
from seisai.batch.probe import KeyProbe
from seisai.batch.run import RunSummary
from seisai.store import Store
from tests.batch.conftest import names_of, read_hits, write_book

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("batch")]


def _full(store: Store, book: Path, out: Path, pins: dict[str, int] | None = None) -> list[dict[str, str]]:
    spec = BatchSpec(book, out, ScreenOptions(0.7), partition_rows=50, pins=pins)
    run_batch(store, spec, make_engine("inline"))
    return read_hits(out)


SUMMARIES: list[RunSummary] = []  # of the deltas run, latest last


def _delta(store: Store, book: Path, out: Path, since: str, engine: str = "inline") -> list[dict[str, str]]:
    spec = BatchSpec(book, out, ScreenOptions(0.7), partition_rows=50)
    runner = make_engine(engine, workers=2)
    try:
        SUMMARIES.append(run_delta(store, spec, since, runner))
    finally:
        runner.close()
    return read_hits(out)


def _pairs(hits: list[dict[str, str]], ids: set[str] | None = None, status: set[str] | None = None) -> set[tuple[str, str]]:
    return {
        (h["hit_row"], h["hit_entity_id"]) for h in hits
        if (ids is None or h["hit_entity_id"] in ids) and (status is None or h.get("hit_delta") in status)
    }  # fmt: skip


def _check(
    store: Store, book: Path, tmp: Path, old_pins: dict[str, int], since_texts: list[str], engine: str = "inline"
) -> None:
    new_pins = {s: v.id for s, v in store.current_versions().items()}
    changes = collect_changes(store, old_pins, new_pins)
    changed = set(changes.added) | changes.changed_ids
    old = _full(store, book, tmp / "old.csv", old_pins)
    new = _full(store, book, tmp / "new.csv")
    expected_new = _pairs(new, changed)
    assert expected_new, "the book should hit some added or changed entity"
    expected_delisted = _pairs(old, set(changes.removed))
    expected_cleared = _pairs(old, set(changes.old_changed)) - _pairs(new)
    for text in since_texts:
        delta = _delta(store, book, tmp / "delta.csv", text, engine)
        assert _pairs(delta, status={"new", "changed"}) == expected_new, text
        assert _pairs(delta, status={"delisted"}) == expected_delisted, text
        assert _pairs(delta, status={"cleared"}) == expected_cleared, text
        assert _pairs(delta, status={"changed"}) == expected_new & _pairs(old), text
        by_key = {(h["hit_row"], h["hit_entity_id"]): h for h in new}
        for h in delta:
            if h["hit_delta"] in ("new", "changed"):
                assert h["hit_score"] == by_key[(h["hit_row"], h["hit_entity_id"])]["hit_score"]


def test_un_delta_equals_full_run(un_store: Store, tmp_path: Path) -> None:
    book = write_book(tmp_path / "book.csv", names_of(un_store, 4000), 160, seed=11)
    _check(un_store, book, tmp_path, {"un_sc": 1}, [str(tmp_path / "old.csv"), "2025-01-01", "un_sc:2024-11-30"])


def test_a_delta_on_worker_processes_equals_full_run(un_store: Store, tmp_path: Path) -> None:
    """The plan (read from the run's caches by the workers) and the re-screen by name shards."""
    book = write_book(tmp_path / "book.csv", names_of(un_store, 4000), 400, seed=13)
    _check(un_store, book, tmp_path, {"un_sc": 1}, [str(tmp_path / "old.csv"), "2025-01-01"], engine="local")


def test_ofac_delta_equals_full_run(ofac_store: Store, tmp_path: Path) -> None:
    book = write_book(tmp_path / "book.csv", names_of(ofac_store, 60000)[::40], 120, seed=5)
    _check(ofac_store, book, tmp_path, {"us_ofac_sdn": 1}, [str(tmp_path / "old.csv.run")])


def test_since_a_run_of_another_book_falls_back_to_the_lists(un_store: Store, tmp_path: Path) -> None:
    book = write_book(tmp_path / "book.csv", names_of(un_store, 4000), 60, seed=3)
    other = write_book(tmp_path / "other.csv", names_of(un_store, 4000), 30, seed=4)
    _full(un_store, other, tmp_path / "other-out.csv", {"un_sc": 1})
    new = _full(un_store, book, tmp_path / "new.csv")
    changes = collect_changes(un_store, {"un_sc": 1}, {"un_sc": 2})
    delta = _delta(un_store, book, tmp_path / "delta.csv", str(tmp_path / "other-out.csv"))
    assert _pairs(delta, status={"new", "changed"}) == _pairs(new, set(changes.added) | changes.changed_ids)


def test_delta_equals_full_run_on_thousands_of_rows(un_store: Store, tmp_path: Path) -> None:
    book = write_book(tmp_path / "book.csv", names_of(un_store, 4000), 2500, seed=23)
    _check(un_store, book, tmp_path, {"un_sc": 1}, [str(tmp_path / "old.csv")])
    # rows whose name an earlier row showed to reach no changed entity were skipped, and the
    # hits are still the full run's
    extra = SUMMARIES[-1].extra
    assert 0 < extra["rows_skipped_by_name"] < extra["rescreened_rows"]
    # the rows hit on fact-changed entities are selected for them, not only because an added
    # entity happens to reach the same rows (row 705 of this book: a fact-changed entity that
    # the old run did not score for it at all is a hit in the new run)
    changes = collect_changes(un_store, {"un_sc": 1}, {"un_sc": 2})
    by_facts = {int(row) for row, _ in _pairs(read_hits(tmp_path / "new.csv"), set(changes.facts))}
    assert 705 in by_facts
    changes.added, changes.names = {}, {}
    spec = BatchSpec(book, tmp_path / "delta.csv", ScreenOptions(0.7), partition_rows=50)
    assert by_facts <= _plan_from_run(RunDir(tmp_path / "old.csv.run"), changes, spec, InlineEngine(), RunDir(tmp_path / "plan")).new_rows


def test_selected_rows_cover_every_changed_hit_and_the_check_can_fail(un_store: Store, tmp_path: Path) -> None:
    """Every row the full run hits on an added or changed entity is selected for re-screening;
    with the coverage bound set beyond what a name can reach, rows are skipped and this fails."""
    book = write_book(tmp_path / "book.csv", names_of(un_store, 4000), 600, seed=29)
    _full(un_store, book, tmp_path / "old.csv", {"un_sc": 1})
    new = _full(un_store, book, tmp_path / "new.csv")
    changes = collect_changes(un_store, {"un_sc": 1}, {"un_sc": 2})
    reachable = {int(row) for row, _ in _pairs(new, set(changes.added) | changes.changed_ids)}
    assert reachable
    spec = BatchSpec(book, tmp_path / "delta.csv", ScreenOptions(0.7), partition_rows=50)
    base = RunDir(tmp_path / "old.csv.run")
    assert reachable <= _plan_from_run(base, changes, spec, InlineEngine(), RunDir(tmp_path / "plan")).new_rows
    probe = KeyProbe([*changes.added.values(), *changes.names.values()])
    by_name = {int(row) for row, _ in _pairs(new, set(changes.added) | set(changes.names))}
    assert by_name

    def selected(coverage: float) -> set[int]:
        return set().union(*(probe.rows(part, coverage) for part in base.results()))

    assert by_name <= selected(_min_coverage())
    assert not by_name <= selected(1.5)  # a bound no name reaches skips reachable rows: caught
