"""The real lists, parsed by the project's parsers, for the matching benchmarks.

Every file under the lists folder is read through :func:`seisai.sources.group_files`; files no
parser recognises yet are reported and skipped. Where a folder holds two versions of one list,
the older is left out (it would only duplicate names).
"""

from __future__ import annotations

import sys
from pathlib import Path

from seisai.model import Entity
from seisai.sources import SourceFile, group_files

LISTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "lists"
# Older versions of lists that are also present in a newer one; and files outside the lists.
SKIP = {"UN_consolidated_2024-11-30.xml", "sdn_2024-05-03.csv", "SOURCES.md"}


def load_lists(folder: Path = LISTS) -> dict[str, list[Entity]]:
    """``{source: entities}`` for every publication the project's parsers can read."""
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in SKIP)
    files = [SourceFile.from_path(p) for p in paths]
    unknown: list[str] = []
    pubs = group_files(files, on_unknown=lambda f, _e: unknown.append(f.name), on_supplement=lambda _f, _r: None)
    result: dict[str, list[Entity]] = {}
    for pub in pubs:
        try:
            parsed = pub.parse()
        except Exception as exc:  # a parser still being written must not stop the benchmark
            print(f"skipped {pub.source}: {exc}", file=sys.stderr)
            continue
        result.setdefault(parsed.source, []).extend(parsed.entities)
    if unknown:
        print(f"no parser yet for: {', '.join(unknown)}", file=sys.stderr)
    return result
