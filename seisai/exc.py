"""Exceptions raised by seisai.

Every error a user can cause says what was wrong and where. API-facing errors carry the
HTTP status they map to, resolved at run time from the class (so a subclass that changes
``status`` is honoured).

::

    SeisaiError                      base of everything below (status 500)
    ├── InputError                   bad input from a user (400)
    │   ├── FileInputError           a file that cannot be used: names the file and the place
    │   │   ├── ListFormatError      a list file that cannot be read
    │   │   │   └── HostileFileError a file built to harm the reader (XXE, entity bomb, zip bomb)
    │   │   ├── MeasureFileError     a measures file that cannot be read (seisai.rules.errors)
    │   │   └── BatchInputError      a customer file that cannot be screened (seisai.batch.errors)
    │   ├── UnknownFormatError       no parser recognises the file
    │   ├── QueryError               a screening query that cannot be run
    │   └── TransactionError         a transaction that cannot be checked: names the field
    ├── NotFoundError                an entity, version or source that does not exist (404)
    ├── StoreError                   the store refused an operation (500)
    └── FetchError                   a publisher's file could not be downloaded (502)
"""

from __future__ import annotations


class SeisaiError(Exception):
    """Base class of all seisai errors."""

    status: int = 500

    @property
    def http_status(self) -> int:
        return type(self).status


class InputError(SeisaiError):
    """Bad input from a user."""

    status = 400


class FileInputError(InputError):
    """A file that cannot be used, with the place of the problem in it.

    ``file`` is the file's name and ``where`` the place in it (a line, a sheet and row, an
    XML element), or ``None`` for the whole file, so the message reads ``sdn.csv: line 12: ...``.
    """

    def __init__(self, file: str, where: str | None, problem: str) -> None:
        self.file = file
        self.where = where
        self.problem = problem
        place = f"{file}: {where}" if where else file
        super().__init__(f"{place}: {problem}")


class ListFormatError(FileInputError):
    """A list file that cannot be parsed."""


class HostileFileError(ListFormatError):
    """A file built to harm its reader: XML external entities, entity expansion, zip bombs."""


class UnknownFormatError(InputError):
    """No parser recognises the file."""


class QueryError(InputError):
    """A screening query that cannot be run (no name, unknown dataset, bad option)."""


class TransactionError(InputError):
    """A transaction that cannot be checked; ``field`` names the offending field."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class NotFoundError(SeisaiError):
    """An entity, list version or source that does not exist."""

    status = 404


class StoreError(SeisaiError):
    """The store could not carry out an operation."""


class FetchError(SeisaiError):
    """A publisher's file could not be downloaded or failed its checks."""

    status = 502
