"""Loading measures files into a :class:`MeasureBook`.

The book is all measures of all jurisdictions, indexed by id and by jurisdiction. Files are
read from ``seisai/data/measures/<jurisdiction>/<regime>.yml`` (the shipped set) or from
paths given by the caller (a draft package, a test file). Validation errors name the file,
the measure id and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from seisai.rules.errors import MeasureFileError, first_error
from seisai.rules.spec import Measure, MeasureFile, SourceRef


@dataclass(frozen=True)
class LoadedFile:
    """A parsed measures file and the name it was read from."""

    name: str
    spec: MeasureFile


@dataclass
class MeasureBook:
    """Every loaded measure, by id and by jurisdiction, with the sources they cite."""

    files: list[LoadedFile] = field(default_factory=list)
    by_id: dict[str, Measure] = field(default_factory=dict)
    file_of: dict[str, LoadedFile] = field(default_factory=dict)

    def add(self, loaded: LoadedFile) -> None:
        """Add a file's measures; a measure id seen before is an error."""
        for measure in loaded.spec.measures:
            if measure.id in self.by_id:
                other = self.file_of[measure.id].name
                raise MeasureFileError(loaded.name, measure.id, f"duplicate measure id (also in {other})")
        self.files.append(loaded)
        for measure in loaded.spec.measures:
            self.by_id[measure.id] = measure
            self.file_of[measure.id] = loaded

    def measures(self, jurisdictions: Iterable[str] | None = None) -> list[Measure]:
        """The measures of the given jurisdictions (all when ``None``), in file order."""
        wanted = None if jurisdictions is None else set(jurisdictions)
        return [
            m
            for f in self.files
            if wanted is None or f.spec.jurisdiction in wanted
            for m in f.spec.measures
        ]

    def jurisdiction_of(self, measure_id: str) -> str:
        return self.file_of[measure_id].spec.jurisdiction

    def sources_of(self, measure: Measure) -> list[SourceRef]:
        """The source entries a measure cites, in the order it cites them."""
        table = self.file_of[measure.id].spec.sources
        return [table[key] for key in measure.sources if key in table]

    @property
    def jurisdictions(self) -> list[str]:
        return sorted({f.spec.jurisdiction for f in self.files})

    def version(self) -> str:
        """A short fingerprint of the loaded measures, to record with each decision."""
        import hashlib

        digest = hashlib.sha256()
        for loaded in self.files:
            digest.update(loaded.spec.model_dump_json().encode())
        return digest.hexdigest()[:12]


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates stay text so that pydantic checks them and
    names the field of an impossible date (2022-13-01) instead of the YAML library failing."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_measure_file(name: str, text: str) -> MeasureFile:
    """Parse and validate one measures file; raises :class:`MeasureFileError`."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        raise MeasureFileError(name, where, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise MeasureFileError(name, None, "expected a mapping with 'jurisdiction' and 'measures'")
    try:
        return MeasureFile.model_validate(data)
    except ValidationError as exc:
        path, message = first_error(exc)
        raise MeasureFileError(name, _where(data, path), message) from None


def _where(data: dict[str, Any], path: str) -> str:
    """Name the measure a field path points into: ``measure JP-2022-013: when.goods[0].hs``."""
    if path.startswith("measures["):
        index_text, _, rest = path[len("measures[") :].partition("]")
        measures = data.get("measures")
        if index_text.isdigit() and isinstance(measures, list) and int(index_text) < len(measures):
            item = measures[int(index_text)]
            ident = item.get("id") if isinstance(item, dict) else None
            label = f"measure {ident}" if ident else f"measures[{index_text}]"
            return f"{label}: {rest.lstrip('.') or '(measure)'}"
    return path


def load_file(path: Path | str) -> LoadedFile:
    """Read one measures file from disk."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise MeasureFileError(str(path), None, f"cannot read: {exc.strerror}") from None
    return LoadedFile(str(path), parse_measure_file(str(path), text))


def shipped_files() -> Iterator[tuple[str, str]]:
    """``(name, text)`` of every measures file shipped in ``seisai/data/measures``."""
    root = resources.files("seisai.data").joinpath("measures")
    for folder in sorted(_children(root), key=lambda t: t.name):
        if not folder.is_dir():
            continue
        for item in sorted(_children(folder), key=lambda t: t.name):
            if item.name.endswith((".yml", ".yaml")):
                yield f"measures/{folder.name}/{item.name}", item.read_text("utf-8")


def _children(node: Traversable) -> list[Traversable]:
    return list(node.iterdir()) if node.is_dir() else []


def load_book(paths: Sequence[Path | str] | None = None, *, shipped: bool = True) -> MeasureBook:
    """A book of the shipped measures (unless ``shipped=False``) plus the files in ``paths``."""
    book = MeasureBook()
    if shipped:
        for name, text in shipped_files():
            book.add(LoadedFile(name, parse_measure_file(name, text)))
    for path in paths or ():
        book.add(load_file(path))
    return book


@cache
def default_book() -> MeasureBook:
    """The shipped measures, loaded once per process."""
    return load_book()
