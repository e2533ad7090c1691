"""Screen partitions on a Dask cluster: an existing scheduler, or a LocalCluster started here.

The index's pickle is scattered to every worker once (``broadcast``) and unpickled once per
worker process (:func:`~seisai.batch.engine.worker_matcher`); jobs carry only their rows.
Results come back to the driver, which checkpoints them exactly as with the local engine,
so a run started on one engine can be resumed on the other. Dask is imported only here,
with a helpful error when it is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from seisai.batch.engine import Job, run_job
from seisai.batch.errors import BatchRunError
from seisai.batch.screen import PartitionResult


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise BatchRunError("the Dask engine needs dask.distributed: pip install 'seisai[batch]'") from None
    return distributed


class DaskEngine:
    """Jobs on a Dask cluster at ``scheduler`` (``tcp://host:8786``), or on a LocalCluster."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        distributed = _distributed()
        self._cluster: Any = None
        if scheduler:
            try:
                self._client = distributed.Client(scheduler, timeout="30s")
            except OSError as exc:
                raise BatchRunError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            import os

            n = max(1, workers or os.cpu_count() or 1)
            self._cluster = distributed.LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
            )
            self._client = distributed.Client(self._cluster)
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self._blobs: dict[str, Any] = {}

    def _blob(self, key: str) -> Any:
        if key not in self._blobs:
            data = Path(key).read_bytes()
            self._blobs[key] = self._client.scatter(data, broadcast=True, hash=False)
        return self._blobs[key]

    def map(self, jobs: Iterable[Job]) -> Iterator[PartitionResult]:
        distributed = _distributed()
        queue = distributed.as_completed()
        limit = self.workers * 2
        in_flight = 0
        addresses = sorted(self._client.scheduler_info().get("workers", {}))
        for job in jobs:
            # a job with an affinity prefers one worker (the rows of a name meet the matcher
            # that has scored it), but may run elsewhere if that worker is gone
            where: dict[str, Any] = {}
            if job.affinity is not None and addresses:
                where = {"workers": [addresses[job.affinity % len(addresses)]], "allow_other_workers": True}
            future = self._client.submit(run_job, job, self._blob(job.matcher), pure=False, **where)
            queue.add(future)
            in_flight += 1
            while in_flight >= limit:
                yield next(queue).result()
                in_flight -= 1
        for future in queue:
            yield future.result()

    def close(self) -> None:
        """Close the client (and the LocalCluster when this engine started it)."""
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
