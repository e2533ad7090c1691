"""Importing list files from disk: find, detect, group, parse, then store atomically.

:func:`import_paths` is what ``seisai lists import`` runs. Everything is parsed before anything
is written; if any file given is malformed, truncated, of an unknown format or hostile, the
whole import is refused with an error naming the file and the place, and the store is left
exactly as it was.

Files given explicitly must be recognised. Inside a folder, files that are not lists (a
README, SOURCES.md) and supplements (a notice of one round's additions, covered by the
consolidated list beside it) are skipped and reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from seisai.exc import InputError, UnknownFormatError
from seisai.sources.base import ParsedList, Publication, SourceFile, group_files
from seisai.store.sql import Store
from seisai.store.types import ImportResult

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass
class ImportReport:
    """What an import did: results per publication, and the files it skipped and why."""

    results: list[ImportResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    parsed: list[ParsedList] = field(default_factory=list)


def collect_files(paths: Iterable[Path | str]) -> tuple[list[SourceFile], list[SourceFile]]:
    """Read the files named and the files inside the folders named.

    Returns (explicit files, files found in folders). Hidden files are ignored.
    """
    explicit: list[SourceFile] = []
    found: list[SourceFile] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not any(part.startswith(".") for part in child.relative_to(path).parts):
                    found.append(SourceFile.from_path(child))
        elif path.is_file():
            explicit.append(SourceFile.from_path(path))
        else:
            raise InputError(f"{path}: no such file or folder")
    return explicit, found


def plan_import(paths: Iterable[Path | str], report: ImportReport) -> list[Publication]:
    """Detect and group the files under ``paths`` into publications (one per list version)."""
    explicit, found = collect_files(paths)

    def skip_unknown(file: SourceFile, exc: UnknownFormatError) -> None:
        report.skipped.append((file.name, "not a recognised list format"))

    def skip_supplement(file: SourceFile, reason: str) -> None:
        report.skipped.append((file.name, reason))

    publications = group_files(explicit)
    publications += group_files(found, on_unknown=skip_unknown, on_supplement=skip_supplement)
    return _merge(publications)


def _merge(publications: Sequence[Publication]) -> list[Publication]:
    """Join publications split between explicit files and folder files (same format and key)."""
    merged: dict[tuple[str, str, str], Publication] = {}
    for pub in publications:
        key = (pub.format.name, pub.source, pub.format.publication_key(pub.files[0]))
        if key in merged:
            merged[key].files.extend(pub.files)
        else:
            merged[key] = Publication(pub.format, pub.source, list(pub.files))
    return list(merged.values())


def parse_publications(publications: Sequence[Publication], progress: Progress | None = None) -> list[ParsedList]:
    """Parse every publication; the first error stops everything (nothing is stored)."""
    parsed: list[ParsedList] = []
    for i, pub in enumerate(publications):
        if progress:
            progress(f"parsing {pub.source} ({', '.join(f.name for f in pub.files)})", i, len(publications))
        parsed.append(pub.parse())
    if progress:
        progress("parsed", len(publications), len(publications))
    return parsed


def import_paths(
    store: Store, paths: Iterable[Path | str], *, progress: Progress | None = None
) -> ImportReport:
    """Import list files and folders into ``store`` as new versions, all or nothing."""
    report = ImportReport()
    paths = list(paths)
    publications = plan_import(paths, report)
    if not publications:
        raise InputError("no list files found in " + ", ".join(str(p) for p in paths))
    report.parsed = parse_publications(publications, progress)
    origin = ", ".join(str(Path(p).resolve()) for p in paths)
    report.results = store.import_lists(report.parsed, origin=origin, progress=progress)
    return report
