"""Engines: where partitions are screened. One interface, three engines.

- :class:`InlineEngine`: in this process (one core; tests, small books, delta re-checks).
- :class:`LocalEngine`: a pool of worker processes on all cores of this machine.
- :class:`~seisai.batch.dask_engine.DaskEngine`: the workers of a Dask cluster.

The driver hands an engine :class:`Job` s (a partition's rows and the options) and gets
:class:`~seisai.batch.screen.PartitionResult` s back as they finish, with a bounded number
in flight so a big book is never read into memory whole. Each worker process loads the index
once (the first job it runs) and keeps it for every later job: the index is never rebuilt or
re-sent per row or per partition.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import resource
import socket
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from seisai.batch.mapping import ColumnMapping
from seisai.batch.plan import context, plan_partition
from seisai.batch.readers import InputRow
from seisai.batch.screen import PartitionResult, ScreenOptions, key_partition, screen_partition
from seisai.matching import Matcher
from seisai.matching.heap import freeze_heap

_MATCHERS: dict[str, Matcher] = {}
_UNREACHED: dict[tuple[object, ...], tuple[Matcher, set[str]]] = {}  # see worker_unreached
STAGE_CACHE = 100_000  # distinct names a worker's matcher keeps (about 0.7 GB when full)


@dataclass
class Job:
    """One partition to screen. ``matcher`` names the index: its pickle file's path."""

    index: int
    rows: list[InputRow]
    matcher: str
    mapping: ColumnMapping
    options: ScreenOptions
    keep: frozenset[str] | None = None
    caches: bool = True
    keys_only: bool = False
    affinity: int | None = None  # jobs with the same affinity go to the same worker (see grouping.py)
    plan_part: bytes | None = None  # a delta plan job: a previous run's checkpoint; ``matcher`` names the context


def worker_matcher(key: str, blob: bytes | None = None) -> Matcher:
    """The index named ``key``, loaded once per process (from ``blob`` or the file ``key``)."""
    matcher = _MATCHERS.get(key)
    if matcher is None:
        data = blob if blob is not None else Path(key).read_bytes()
        loaded = pickle.loads(data)
        if not isinstance(loaded, Matcher):
            raise TypeError(f"{key} does not hold a matcher")
        _MATCHERS.clear()  # one index per worker at a time: memory stays flat
        loaded.stage_cache_size = STAGE_CACHE  # a book's names repeat across its partitions
        matcher = _MATCHERS[key] = loaded
        freeze_heap()  # the index lives as long as the process: keep it out of every later collection
    return matcher


def worker_unreached(job: Job, matcher: Matcher) -> set[str]:
    """The names that reach none of the job's kept entities in ``matcher``, as this process's
    delta jobs find them (see :func:`screen_partition`): one set per index, kept entities,
    result limit and datasets."""
    assert job.keep is not None
    datasets = job.options.datasets
    key = (job.matcher, id(matcher), job.keep, job.options.limit, datasets)
    found = _UNREACHED.get(key)
    if found is None:
        _UNREACHED.clear()
        found = _UNREACHED[key] = (matcher, set())  # holding the matcher keeps its id its own
    return found[1]


def run_job(job: Job, blob: bytes | None = None) -> PartitionResult:
    """Screen one job in this process (what every engine's workers call)."""
    if job.plan_part is not None:
        return _plan_job(job, blob)
    matcher = worker_matcher(job.matcher, blob)
    # what earlier partitions grew in the matcher's caches joins the frozen index: a full
    # collection over those objects would stall the worker for a quarter of a second
    gc.freeze()
    if job.keys_only:
        return key_partition(job.index, job.rows, matcher, job.mapping)
    unreached = worker_unreached(job, matcher) if job.keep is not None and not job.caches else None
    result = screen_partition(
        job.index, job.rows, matcher, job.mapping, job.options, keep=job.keep, caches=job.caches, unreached=unreached
    )
    result.worker = f"{socket.gethostname()}:{os.getpid()}"
    result.rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _plan_job(job: Job, blob: bytes | None) -> PartitionResult:
    """A delta plan for one partition of a previous run (see :mod:`seisai.batch.plan`)."""
    assert job.plan_part is not None
    ctx = context(job.matcher, blob if blob is not None else Path(job.matcher).read_bytes())
    part = pickle.loads(job.plan_part)
    if not isinstance(part, PartitionResult):
        raise TypeError(f"partition {job.index} of the previous run is not a partition result")
    return plan_partition(part, ctx)


class Engine(Protocol):
    """Screens jobs and yields their results as they finish (in any order)."""

    workers: int
    name: str

    def map(self, jobs: Iterable[Job]) -> Iterator[PartitionResult]: ...

    def close(self) -> None: ...


class InlineEngine:
    """Screens in the calling process, one job after another."""

    name = "inline"

    def __init__(self) -> None:
        self.workers = 1

    def map(self, jobs: Iterable[Job]) -> Iterator[PartitionResult]:
        for job in jobs:
            yield run_job(job)

    def close(self) -> None:
        """Nothing to release."""


class LocalEngine:
    """``workers`` processes (default: every core), each holding the index once.

    Each process has its own single-process pool, so that a job with an ``affinity`` always
    runs in the same process (``affinity % workers``): the rows of a name then meet the
    matcher that has already scored it. Jobs without one go to the process with the fewest
    jobs in flight.
    """

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        context = multiprocessing.get_context("spawn")
        self._pools = [ProcessPoolExecutor(max_workers=1, mp_context=context) for _ in range(self.workers)]

    def map(self, jobs: Iterable[Job]) -> Iterator[PartitionResult]:
        pending: dict[Future[PartitionResult], int] = {}
        load = [0] * self.workers
        limit = self.workers * 2
        for job in jobs:
            slot = job.affinity % self.workers if job.affinity is not None else load.index(min(load))
            pending[self._pools[slot].submit(run_job, job)] = slot
            load[slot] += 1
            while len(pending) >= limit:
                yield from self._finished(pending, load)
        while pending:
            yield from self._finished(pending, load)

    @staticmethod
    def _finished(pending: dict[Future[PartitionResult], int], load: list[int]) -> Iterator[PartitionResult]:
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in finished:
            load[pending.pop(future)] -= 1
            yield future.result()

    def close(self) -> None:
        """Stop the worker processes."""
        for pool in self._pools:
            pool.shutdown(wait=True, cancel_futures=True)


def make_engine(name: str, *, workers: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine called ``name`` (``local``, ``inline`` or ``dask``)."""
    if name == "inline" or (name == "local" and workers == 1):
        return InlineEngine()
    if name == "local":
        return LocalEngine(workers)
    if name == "dask":
        from seisai.batch.dask_engine import DaskEngine

        return DaskEngine(scheduler=scheduler, workers=workers)
    from seisai.batch.errors import BatchRunError

    raise BatchRunError(f"unknown engine {name!r}; known: local, dask, inline")
