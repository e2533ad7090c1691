"""Import benchmark: every list in ../shared/data/lists into SQLite, time and memory per source.

Each publication is parsed and stored by a fresh Python process into an empty SQLite file, so
its peak memory is its own; then one ``seisai lists import`` of the whole folder is timed as a
user would run it (target: all lists in under 60 s on the 2-core machine).

Usage: ``python -m bench imports [LISTS_DIR]``
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import table, write_section

DEFAULT_LISTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "lists"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(db: str, paths: list[str]) -> dict[str, object]:
    """In this process: parse and store one publication; return the figures."""
    from seisai.sources.base import SourceFile, group_files
    from seisai.store import Store

    started = time.perf_counter()
    files = [SourceFile.from_path(p) for p in paths]
    [publication] = group_files(files)
    parsed = publication.parse()
    parsed_at = time.perf_counter()
    store = Store.open(db)
    store.import_lists([parsed])
    stored_at = time.perf_counter()
    return {
        "source": parsed.source,
        "files": [Path(p).name for p in paths],
        "entities": len(parsed.entities),
        "parse_s": parsed_at - started,
        "store_s": stored_at - parsed_at,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _publications(lists_dir: Path) -> list[list[str]]:
    from seisai.sources.base import group_files
    from seisai.store.imports import collect_files

    explicit, found = collect_files([lists_dir])
    pubs = group_files(found, on_unknown=lambda f, e: None, on_supplement=lambda f, r: None)
    return [[str(f.path) for f in pub.files] for pub in pubs]


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--one":
        db, paths = argv[1], argv[2:]
        print(json.dumps(measure_one(db, paths)))
        return
    lists_dir = Path(argv[0]) if argv else DEFAULT_LISTS
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, paths in enumerate(_publications(lists_dir)):
            db = f"sqlite:///{tmp}/one{i}.db"
            out = subprocess.run(
                [sys.executable, "-m", "bench", "imports", "--one", db, *paths],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(rows[-1], flush=True)
        db_path = Path(tmp) / "all.db"
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "seisai.cli", "lists", "import", str(lists_dir), "--db", f"sqlite:///{db_path}", "--json"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        total_s = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        versions = json.loads(done.stdout)["results"]
        db_mb = db_path.stat().st_size / 1024 / 1024
    entities = sum(v["version"]["entity_count"] for v in versions)
    body = [
        f"All lists in `{lists_dir.name}/` ({len(versions)} versions, {entities:,} entities) with one "
        f"`seisai lists import` into a new SQLite file: **{total_s:.1f} s** wall time "
        f"(target under 60 s; {'met' if total_s < 60 else 'missed'}), database {db_mb:.0f} MB, "
        f"largest child process peak RSS {usage.ru_maxrss / 1024:.0f} MB.",
        "",
        "Per publication, each in a fresh process (parse = read and parse the files; store = "
        "write the version in one transaction; peak RSS includes the interpreter and libraries):",
        "",
        table(
            ["source", "files", "entities", "parse s", "store s", "peak RSS MB"],
            [
                [r["source"], ", ".join(r["files"]), f"{r['entities']:,}", f"{r['parse_s']:.2f}", f"{r['store_s']:.2f}", f"{r['peak_rss_mb']:.0f}"]  # type: ignore[str-format]
                for r in sorted(rows, key=lambda r: str(r["source"]))
            ],
        ),
    ]
    path = write_section("imports", "List import (issue: foundation)", "\n".join(body))
    print(f"total {total_s:.1f} s for {entities} entities; wrote {path}")
