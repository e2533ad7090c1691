"""Batch screening of a whole customer book: all cores, a Dask cluster, delta re-screening.

::

    from seisai.batch import BatchSpec, ScreenOptions, run_batch, make_engine
    spec = BatchSpec(Path("book.csv"), Path("hits.csv"), ScreenOptions(threshold=0.7))
    summary = run_batch(store, spec, make_engine("local"))

See docs/batch.md for the run directory, resuming, engines and ``--since``.
"""

from seisai.batch.engine import Engine, InlineEngine, Job, LocalEngine, make_engine
from seisai.batch.errors import BatchInputError, BatchRunError
from seisai.batch.mapping import ColumnMapping
from seisai.batch.readers import Book, InputRow
from seisai.batch.run import BatchSpec, RunSummary, run_batch
from seisai.batch.screen import PartitionResult, ScreenOptions, screen_partition

__all__ = [
    "BatchInputError", "BatchRunError", "BatchSpec", "Book", "ColumnMapping", "Engine", "InlineEngine",
    "InputRow", "Job", "LocalEngine", "PartitionResult", "RunSummary", "ScreenOptions", "make_engine",
    "run_batch", "screen_partition",
]  # fmt: skip
