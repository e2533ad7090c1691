"""The parser interface, the registry of list formats, and format detection.

Each official format is one :class:`ListFormat` subclass in its own module, registered with
:func:`register`. A format recognises its files from their content (:meth:`ListFormat.detect`),
says which source (dataset) a file belongs to, groups the files of one publication (OFAC's
``sdn``, ``add``, ``alt`` and ``comments`` files make one version), and parses a publication
into a :class:`ParsedList` of :class:`~seisai.model.Entity`.

Parsers never touch the network or the store: they take bytes and return entities.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import ClassVar, TypeVar

from seisai.exc import ListFormatError, UnknownFormatError
from seisai.model import Entity, Schema
from seisai.sources.safe import check_size, check_zip, gunzip

HEAD_BYTES = 65536


@dataclass(frozen=True)
class SourceFile:
    """A list file's bytes and its name. ``data`` is the file as published (maybe gzipped)."""

    name: str
    data: bytes
    path: Path | None = None

    @classmethod
    def from_path(cls, path: Path | str) -> SourceFile:
        """Read a file, refusing it before reading if it is larger than any list could be."""
        path = Path(path)
        check_size(path.name, path.stat().st_size)
        return cls(path.name, path.read_bytes(), path)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @cached_property
    def content(self) -> bytes:
        """The file's content, decompressed when it is gzipped."""
        if self.data[:2] == b"\x1f\x8b":
            return gunzip(self.name, self.data)
        return self.data

    @cached_property
    def head(self) -> bytes:
        """The first bytes of the (decompressed) content, for format detection."""
        if self.data[:2] == b"\x1f\x8b":
            import gzip
            import io
            import zlib

            try:
                with gzip.GzipFile(fileobj=io.BytesIO(self.data)) as stream:
                    return stream.read(HEAD_BYTES)
            except (OSError, EOFError, zlib.error):
                return b""
        return self.data[:HEAD_BYTES]

    @property
    def stem(self) -> str:
        """The lower-case file name without directory and extensions."""
        return self.name.lower().split(".", 1)[0]


@dataclass
class ParsedList:
    """One publication of one list, parsed.

    ``published`` is the publisher's date for the list (the UN ``dateGenerated``, the OFAC
    publish date, the MOF file date) when the file says it; ``None`` otherwise.
    """

    source: str
    format: str
    files: list[SourceFile]
    entities: list[Entity]
    published: date | None = None
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Entity counts by schema, plus ``total``."""
        result: dict[str, int] = {"total": len(self.entities)}
        for entity in self.entities:
            result[entity.schema.value] = result.get(entity.schema.value, 0) + 1
        return result

    def validate(self) -> None:
        """Refuse a parse that produced no entities, duplicate ids or nameless entities."""
        name = ", ".join(f.name for f in self.files)
        if not self.entities:
            raise ListFormatError(name, None, "no entities found: the file is empty or truncated")
        seen: set[str] = set()
        for entity in self.entities:
            if entity.id in seen:
                raise ListFormatError(name, entity.source_id, f"duplicate entity id {entity.id}")
            seen.add(entity.id)
            if not entity.names:
                raise ListFormatError(name, entity.source_id, "entity has no name")


class ListFormat(ABC):
    """A list format: detection, grouping of a publication's files, and parsing.

    Subclasses set ``name`` (the format id), ``title`` and ``source`` (the dataset its files
    belong to, unless :meth:`source_of` says otherwise per file).
    """

    name: ClassVar[str]
    title: ClassVar[str]
    source: ClassVar[str]

    @classmethod
    @abstractmethod
    def detect(cls, file: SourceFile) -> bool:
        """True when ``file`` is in this format, judged from its content (and name if needed)."""

    @classmethod
    def source_of(cls, file: SourceFile) -> str:
        """The source (dataset) the file belongs to."""
        return cls.source

    @classmethod
    def publication_key(cls, file: SourceFile) -> str:
        """Files of one format and source with equal keys are one publication (one version)."""
        return file.name

    @classmethod
    def supplement_of(cls, file: SourceFile) -> str | None:
        """For a file that only amends a list (a notice of one round's additions), the reason
        it is not a version of the list on its own; ``None`` for a full list file.

        Importing a folder skips supplements (the consolidated file covers them); they can
        still be parsed on their own.
        """
        return None

    @abstractmethod
    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        """Parse the files of one publication. Raises :class:`ListFormatError` on bad input."""


F = TypeVar("F", bound=type[ListFormat])
FORMATS: dict[str, type[ListFormat]] = {}


def register(cls: F) -> F:
    """Class decorator adding a format to the registry."""
    if cls.name in FORMATS:
        raise ValueError(f"format {cls.name!r} registered twice")
    FORMATS[cls.name] = cls
    return cls


def get_format(name: str) -> type[ListFormat]:
    """The format registered under ``name``."""
    _load_all()
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormatError(f"unknown list format {name!r}; known: {', '.join(sorted(FORMATS))}") from None


def detect_format(file: SourceFile) -> type[ListFormat]:
    """The format of ``file``; raises :class:`UnknownFormatError` when none recognises it.

    Zip containers (xlsx) are checked for zip bombs before any format looks inside them.
    """
    _load_all()
    if not file.data.strip():
        raise UnknownFormatError(f"{file.name}: empty file")
    if file.data[:4] == b"PK\x03\x04":
        check_zip(file.name, file.data)
    for fmt in FORMATS.values():
        if fmt.detect(file):
            return fmt
    raise UnknownFormatError(f"{file.name}: not a recognised sanctions list format")


@dataclass
class Publication:
    """The files of one publication of one source, ready to parse together."""

    format: type[ListFormat]
    source: str
    files: list[SourceFile]

    def parse(self) -> ParsedList:
        parsed = self.format().parse(self.files)
        parsed.validate()
        return parsed


def group_files(
    files: Iterable[SourceFile],
    *,
    on_unknown: Callable[[SourceFile, UnknownFormatError], None] | None = None,
    on_supplement: Callable[[SourceFile, str], None] | None = None,
) -> list[Publication]:
    """Detect each file's format and group the files of each publication.

    Unrecognised files raise :class:`UnknownFormatError`, unless ``on_unknown`` is given, in
    which case it is called and the file is skipped (importing a folder skips README files).
    Supplements (see :meth:`ListFormat.supplement_of`) are skipped when ``on_supplement`` is
    given, and kept otherwise.
    """
    groups: dict[tuple[str, str, str], Publication] = {}
    for file in files:
        try:
            fmt = detect_format(file)
        except UnknownFormatError as exc:
            if on_unknown is None:
                raise
            on_unknown(file, exc)
            continue
        reason = fmt.supplement_of(file)
        if reason is not None and on_supplement is not None:
            on_supplement(file, reason)
            continue
        source = fmt.source_of(file)
        key = (fmt.name, source, fmt.publication_key(file))
        groups.setdefault(key, Publication(fmt, source, [])).files.append(file)
    return list(groups.values())


def _load_all() -> None:
    """Import every parser module so that they register themselves."""
    import seisai.sources.formats  # noqa: F401


def schema_for(kind: str) -> Schema:
    """Map a publisher's entity-type word to a schema (``individual`` -> Person...)."""
    key = kind.strip().casefold()
    if key in {"individual", "person", "individuals", "個人", "p", "i"}:
        return Schema.PERSON
    if key in {"vessel", "ship", "船舶"}:
        return Schema.VESSEL
    if key in {"aircraft", "airplane"}:
        return Schema.AIRPLANE
    if key in {"company", "enterprise"}:
        return Schema.COMPANY
    return Schema.ORGANIZATION
