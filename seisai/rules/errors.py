"""Errors of the rules engine that a user can cause (all are :class:`seisai.exc.InputError`)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from seisai.exc import FileInputError


class MeasureFileError(FileInputError):
    """A measures file (or a draft package) that cannot be read: names the file and place."""


def loc_path(loc: Sequence[int | str]) -> str:
    """A pydantic error location as a field path: ``("goods", 0, "hs_code")`` -> ``goods[0].hs_code``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def first_error(exc: ValidationError) -> tuple[str, str]:
    """The field path and message of the first error of a pydantic validation error."""
    err = exc.errors(include_url=False)[0]
    loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
    message = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        message = "unknown field"
    elif err["type"] == "missing":
        message = "required field is missing"
    return loc_path(loc), message
