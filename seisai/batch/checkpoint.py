"""The run directory: a manifest and one checkpoint file per finished partition.

::

    RUN/manifest.json        what is screened: book (path, SHA-256), mapping, options,
                             list versions (pins), partition size; ``finished`` when done
    RUN/matcher.pickle       the index the run screens against (built once, read by workers)
    RUN/parts/000042.pkl     the result of partition 42 (hits, rejects, delta caches)

A partition's file is written under a temporary name and renamed, so it is either complete or
absent. A run started again with the same manifest skips the partitions whose file exists and
screens the others: however it was killed, every row ends up in the output exactly once. A
different book, mapping, options or list versions in the same directory is refused.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seisai.batch.errors import BatchRunError
from seisai.batch.screen import PartitionResult

MANIFEST = "manifest.json"
MATCHER = "matcher.pickle"
IDENTITY = ("kind", "input_sha256", "mapping", "options", "pins", "partition_rows", "since")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class RunDir:
    """A run directory (see the module docstring)."""

    path: Path

    @property
    def parts(self) -> Path:
        return self.path / "parts"

    @property
    def matcher_file(self) -> Path:
        return self.path / MATCHER

    def manifest(self) -> dict[str, Any] | None:
        """The manifest, or ``None`` when the directory holds no run."""
        file = self.path / MANIFEST
        if not file.exists():
            return None
        try:
            data = json.loads(file.read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise BatchRunError(f"{file}: unreadable run manifest ({exc}); remove the folder or use --fresh") from None
        return dict(data)

    def start(self, manifest: dict[str, Any], *, fresh: bool = False) -> bool:
        """Open the run: True when resuming a run of the same identity, False when new.

        Raises :class:`BatchRunError` when the directory holds another run (unless ``fresh``,
        which clears it).
        """
        old = self.manifest()
        if old is not None and fresh:
            shutil.rmtree(self.path)
            old = None
        if old is not None:
            diff = [k for k in IDENTITY if old.get(k) != manifest.get(k)]
            if diff:
                raise BatchRunError(
                    f"{self.path} holds a run with another {', '.join(diff)}; "
                    "use another --run-dir, or --fresh to start over"
                )
            return True
        self.parts.mkdir(parents=True, exist_ok=True)
        self.write_manifest(manifest)
        return False

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        """Replace the manifest atomically."""
        text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True)
        atomic_write(self.path / MANIFEST, text.encode("utf-8"))

    def _part(self, index: int) -> Path:
        return self.parts / f"{index:06d}.pkl"

    def done(self) -> set[int]:
        """Indexes of the partitions already checkpointed."""
        if not self.parts.exists():
            return set()
        return {int(p.stem) for p in self.parts.glob("*.pkl") if p.stem.isdigit()}

    def save(self, result: PartitionResult) -> None:
        """Checkpoint one partition's result."""
        atomic_write(self._part(result.index), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def load(self, index: int) -> PartitionResult:
        """The checkpointed result of partition ``index``."""
        with self._part(index).open("rb") as f:
            result = pickle.load(f)
        if not isinstance(result, PartitionResult):
            raise BatchRunError(f"{self._part(index)}: not a partition result")
        return result

    def raw(self, index: int) -> bytes:
        """The checkpoint of partition ``index`` as stored (pickled), for a worker to read."""
        return self._part(index).read_bytes()

    def results(self) -> Iterator[PartitionResult]:
        """Every checkpointed result, in partition order."""
        for index in sorted(self.done()):
            yield self.load(index)
