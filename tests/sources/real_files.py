"""Helpers for the detection tests: which real list files a format claims."""

from __future__ import annotations

from pathlib import Path

from seisai.sources import ListFormat, SourceFile


def claimed_files(fmt: type[ListFormat], lists_dir: Path) -> set[str]:
    """The paths (relative to ``lists_dir``) of every real list file that ``fmt`` detects."""
    claimed: set[str] = set()
    for path in sorted(lists_dir.rglob("*")):
        if path.is_file() and path.suffix != ".md" and fmt.detect(SourceFile.from_path(path)):
            claimed.add(path.relative_to(lists_dir).as_posix())
    return claimed
