"""``seisai lists update``: fetch each list from its publisher (or a mirror folder) and import it.

Each source is updated on its own: a source whose download or parse fails keeps its current
version, and the outcome says so ("failed: ... kept un_sc v2 (2026-02-27)"), while the other
sources go ahead. The downloaded files must be recognised as the format the publisher spec
names (an HTML error page served with status 200 is refused).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from seisai.exc import FetchError, InputError, SeisaiError
from seisai.sources.base import ParsedList, Publication, SourceFile, group_files
from seisai.sources.fetch import FetchOptions, fetch_publication, make_client
from seisai.sources.publishers import Publisher, load_publishers
from seisai.store.imports import collect_files
from seisai.store.sql import Store
from seisai.store.types import VersionInfo

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class UpdateOutcome:
    """What happened to one source: ``updated``, ``unchanged`` or ``failed``."""

    source: str
    status: str
    message: str
    version: VersionInfo | None  # the new version, or the one kept

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "status": self.status,
            "message": self.message,
            "version": self.version.to_dict() if self.version else None,
        }


def _one_publication(files: list[SourceFile], publisher: Publisher) -> Publication:
    unknown: list[str] = []
    publications = group_files(
        files, on_unknown=lambda f, e: unknown.append(f.name), on_supplement=lambda f, r: None
    )
    matching = [p for p in publications if p.source == publisher.id]
    if len(matching) != 1 or matching[0].format.name != publisher.format or unknown:
        found = [f"{p.format.name} for {p.source}" for p in publications]
        found += [f"unrecognised {name}" for name in unknown]
        raise FetchError(f"downloaded files are not one {publisher.format} list for {publisher.id} (found {', '.join(found)})")
    return matching[0]


def _store(store: Store, parsed: ParsedList, origin: str) -> tuple[str, str, VersionInfo]:
    [result] = store.import_lists([parsed], origin=origin)
    if result.created and result.previous_id is None:
        return "updated", f"first version {result.version.label}: {result.version.entity_count} entities", result.version
    if result.created:
        detail = f"{result.added} added, {result.removed} removed, {result.changed} changed"
        return "updated", f"new version {result.version.label}: {detail}", result.version
    return "unchanged", f"identical to {result.version.label}", result.version


def _failed(store: Store, source: str, exc: Exception) -> UpdateOutcome:
    kept = store.current_versions().get(source)
    keeping = f"kept {kept.label}" if kept else "no version stored yet"
    return UpdateOutcome(source, "failed", f"{exc}; {keeping}", kept)


def update_from_publishers(
    store: Store,
    publishers: Iterable[Publisher],
    *,
    client: httpx.Client | None = None,
    options: FetchOptions | None = None,
    progress: Progress | None = None,
) -> list[UpdateOutcome]:
    """Download, check, parse and import each publisher's current files."""
    publishers = [p for p in publishers if p.enabled]
    own_client = client is None
    client = client or make_client()
    outcomes = []
    try:
        for i, publisher in enumerate(publishers):
            if progress:
                progress(f"updating {publisher.id}", i, len(publishers))
            try:
                files, urls = fetch_publication(client, publisher, options)
                parsed = _one_publication(files, publisher).parse()
                status, message, version = _store(store, parsed, " ".join(urls))
                outcomes.append(UpdateOutcome(publisher.id, status, message, version))
            except SeisaiError as exc:
                outcomes.append(_failed(store, publisher.id, exc))
    finally:
        if own_client:
            client.close()
    return outcomes


def update_from_mirror(
    store: Store, publishers: Iterable[Publisher], folder: Path, *, progress: Progress | None = None
) -> list[UpdateOutcome]:
    """Import, for each source, the newest publication found in an offline mirror folder."""
    explicit, found = collect_files([folder])
    by_source: dict[str, list[Publication]] = {}
    for pub in group_files(explicit + found, on_unknown=lambda f, e: None, on_supplement=lambda f, r: None):
        by_source.setdefault(pub.source, []).append(pub)
    outcomes = []
    publishers = [p for p in publishers if p.enabled]
    for i, publisher in enumerate(publishers):
        if progress:
            progress(f"updating {publisher.id} from {folder}", i, len(publishers))
        candidates = by_source.get(publisher.id, [])
        if not candidates:
            outcomes.append(_failed(store, publisher.id, FetchError(f"no {publisher.format} file for {publisher.id} in {folder}")))
            continue
        try:
            parsed = max((p.parse() for p in candidates), key=_newness)
            origin = ", ".join(str(f.path or f.name) for f in parsed.files)
            status, message, version = _store(store, parsed, origin)
            outcomes.append(UpdateOutcome(publisher.id, status, message, version))
        except SeisaiError as exc:
            outcomes.append(_failed(store, publisher.id, exc))
    return outcomes


def _newness(parsed: ParsedList) -> tuple[str, float]:
    mtime = max((f.path.stat().st_mtime for f in parsed.files if f.path), default=0.0)
    return (parsed.published.isoformat() if parsed.published else "", mtime)


def update(
    store: Store,
    *,
    sources: Iterable[str] | None = None,
    mirror: Path | None = None,
    specs_folder: Path | None = None,
    client: httpx.Client | None = None,
    options: FetchOptions | None = None,
    progress: Progress | None = None,
) -> list[UpdateOutcome]:
    """Update the given sources (default: all enabled) from their publishers or a mirror."""
    publishers = load_publishers(specs_folder)
    if sources is not None:
        wanted = list(sources)
        unknown = [s for s in wanted if s not in publishers]
        if unknown:
            raise InputError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(sorted(publishers))}")
        chosen = [publishers[s] for s in wanted]
    else:
        chosen = list(publishers.values())
    if mirror is not None:
        return update_from_mirror(store, chosen, mirror, progress=progress)
    return update_from_publishers(store, chosen, client=client, options=options, progress=progress)
