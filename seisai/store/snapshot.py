"""A matcher over a set of list versions, built once and cached on disk.

Building the name index over every list takes seconds; the CLI, the HTTP server and batch
workers all need it. :func:`load_matcher` builds it over the current versions (or over pinned
versions, to replay a past screening exactly), and keeps a pickled copy in
``$SEISAI_HOME/cache``, keyed by the versions it covers and by the code and data that shape
the index, so a changed list or a changed table always gives a fresh build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from seisai import __version__
from seisai.exc import NotFoundError
from seisai.matching import Matcher
from seisai.settings import home
from seisai.store.sql import Store
from seisai.store.types import VersionInfo

CACHE_KEEP = 4  # cached indexes kept; older ones are removed


@dataclass
class Snapshot:
    """A matcher and the list versions it was built from (``{source: version}``)."""

    matcher: Matcher
    versions: dict[str, VersionInfo]

    @property
    def pins(self) -> dict[str, int]:
        """``{source: version id}``: what a decision records to be replayable."""
        return {source: v.id for source, v in sorted(self.versions.items())}


def _code_fingerprint() -> str:
    """A hash of the package's data tables and matching code: changes invalidate caches."""
    digest = hashlib.sha256(__version__.encode())
    roots = [resources.files("seisai.data"), resources.files("seisai.matching"), resources.files("seisai.names"), resources.files("seisai.text")]
    for root in roots:
        for path in sorted(Path(str(root)).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yml", ".yaml", ".json", ".tsv", ".txt"}:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# Computed when the matching code is imported, so that a process never stores an index built by
# the code it loaded under the fingerprint of files edited afterwards.
_FINGERPRINT_AT_IMPORT = _code_fingerprint()


def _cache_file(versions: dict[str, VersionInfo]) -> Path:
    key = hashlib.sha256(_FINGERPRINT_AT_IMPORT.encode())
    for source, version in sorted(versions.items()):
        key.update(f"{source}:{version.id}:{version.sha256}\n".encode())
    folder = home() / "cache"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"matcher-{key.hexdigest()[:24]}.pickle"


def _load_cached(path: Path) -> Matcher | None:
    if path.exists():
        try:
            with path.open("rb") as f:
                matcher = pickle.load(f)
            if isinstance(matcher, Matcher):
                return matcher
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            path.unlink(missing_ok=True)  # a stale or broken cache is rebuilt
    return None


def _build(
    store: Store, versions: dict[str, VersionInfo], use_cache: bool, reuse: dict[str, VersionInfo] | None = None
) -> Matcher:
    path = _cache_file(versions)
    if use_cache and (cached := _load_cached(path)) is not None:
        return cached
    # the cache file's key holds the code's fingerprint: an index found there was built by this code
    previous = _load_cached(_cache_file(reuse)) if reuse else None
    matcher = Matcher(store.entities_in({s: v.id for s, v in versions.items()}), reuse=previous)
    if use_cache:
        _write_cache(path, matcher)
    return matcher


def _write_cache(path: Path, matcher: Matcher) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        pickle.dump(matcher, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)  # atomic: readers never see half a file
    old = sorted(path.parent.glob("matcher-*.pickle"), key=lambda p: p.stat().st_mtime)
    for stale in old[:-CACHE_KEEP]:
        stale.unlink(missing_ok=True)


def load_matcher(store: Store, sources: set[str] | None = None, *, use_cache: bool = True) -> Snapshot:
    """A matcher over the current version of every source (or of ``sources``)."""
    current = store.current_versions()
    if sources is not None:
        unknown = sources - current.keys()
        if unknown:
            raise NotFoundError(f"no list in the store for {', '.join(sorted(unknown))}; stored: {', '.join(sorted(current))}")
        current = {s: v for s, v in current.items() if s in sources}
    if not current:
        raise NotFoundError("the store holds no lists yet: run `seisai lists import` or `seisai lists update`")
    return Snapshot(_build(store, current, use_cache), current)


def matcher_at(store: Store, pins: dict[str, int], *, use_cache: bool = True) -> Snapshot:
    """A matcher over exactly the given versions (``{source: version id}``), for replays."""
    versions = {source: store.version(vid) for source, vid in pins.items()}
    return Snapshot(_build(store, versions, use_cache), versions)


def matcher_file_at(store: Store, pins: dict[str, int], *, reuse: dict[str, int] | None = None) -> Path:
    """The cached pickle of the matcher over the given versions, built if it is not there yet.

    ``reuse``: the versions of an index cached earlier (a batch run's), whose name analyses a
    build takes for the names the two share; a delta after a small update then builds the new
    index in a fraction of the time. Batch workers load the file itself (a cached file is
    loaded here once, to check it, but not pickled again)."""
    versions = {source: store.version(vid) for source, vid in pins.items()}
    path = _cache_file(versions)
    if _load_cached(path) is None:
        previous = {source: store.version(vid) for source, vid in reuse.items()} if reuse else None
        _build(store, versions, True, previous)
    return path
