"""``--since``: name what the book was screened against last time.

Three spellings, from the simplest for a compliance officer:

- a previous run: its run directory, or the output file it wrote (``hits.csv`` means
  ``hits.csv.run``). The run recorded the exact list versions it used, and its caches make
  the delta fast (see :mod:`seisai.batch.delta`).
- a date, ``2026-03-01``: the versions that were current on that day (the newest version of
  each list published on or before it).
- pins, ``un_sc:12,us_ofac_sdn:2024-05-03``: a version of each named list, by id, publication
  date, ``previous`` or ``latest``; lists not named are taken as unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from seisai.batch.checkpoint import RunDir
from seisai.batch.errors import BatchRunError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Since:
    """The resolved baseline: old pins, and the previous run when one was named."""

    text: str
    pins: dict[str, int]
    run: RunDir | None = None
    manifest: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, for the manifest."""
        return {"text": self.text, "pins": self.pins, "run": str(self.run.path) if self.run else None}


def _run_dir(text: str) -> RunDir | None:
    path = Path(text)
    for candidate in (path, path.with_name(path.name + ".run")):
        if (candidate / "manifest.json").is_file():
            return RunDir(candidate)
    return None


def resolve_since(store: Any, text: str, current: dict[str, int]) -> Since:
    """Resolve ``--since`` (see the module docstring) against the store's versions."""
    run = _run_dir(text)
    if run is not None:
        manifest = run.manifest() or {}
        if not manifest.get("finished"):
            raise BatchRunError(f"{run.path}: that run has not finished; finish it first (run it again)")
        pins = {str(k): int(v) for k, v in manifest["pins"].items()}
        return Since(text, pins, run, manifest)
    if _DATE.match(text.strip()):
        return Since(text, _pins_on(store, date.fromisoformat(text.strip()), current))
    if ":" in text:
        pins = dict(current)
        for item in text.split(","):
            source, _, ref = item.strip().partition(":")
            if not source or not ref:
                raise BatchRunError(f"--since: expected SOURCE:VERSION, got {item!r}")
            pins[source] = store.resolve_version(source, ref).id
        return Since(text, pins)
    raise BatchRunError(
        f"--since {text!r}: not a run directory, an output with a run directory, a date (YYYY-MM-DD) "
        "or SOURCE:VERSION pins"
    )


def _pins_on(store: Any, day: date, current: dict[str, int]) -> dict[str, int]:
    pins: dict[str, int] = {}
    for source in current:
        older = [v for v in store.versions(source) if v.published is not None and v.published <= day]
        if older:
            pins[source] = older[-1].id
    return pins
