"""freeze_heap: the loaded objects leave the collector's walks, and full collections become rare."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from seisai.matching.heap import FULL_COLLECTION_AFTER, freeze_heap


@pytest.fixture
def restored_gc() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored_gc")
def test_freeze_heap_freezes_and_raises_the_full_collection_threshold() -> None:
    gc.set_threshold(700, 10, 10)
    kept = [[i] for i in range(1000)]
    freeze_heap()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold() == (700, 10, FULL_COLLECTION_AFTER)


@pytest.mark.usefixtures("restored_gc")
def test_a_higher_threshold_set_by_the_application_is_kept() -> None:
    gc.set_threshold(700, 10, 5000)
    freeze_heap()
    assert gc.get_threshold()[2] == 5000
