"""Errors of batch screening: bad input files, named by file, row and problem."""

from __future__ import annotations

from seisai.exc import FileInputError, InputError


class BatchInputError(FileInputError):
    """A customer file that cannot be screened: ``book.csv: line 12: <problem>``.

    ``where`` is the place in the file (``line 12``, ``row 5``, ``header``), or ``None`` when
    the problem concerns the whole file (empty, unknown format, missing column).
    """


class BatchRunError(InputError):
    """A run directory or option that does not fit the run asked for (resume, --since)."""
