"""Reading untrusted list files without being harmed by them.

Official lists are downloaded from the internet and may arrive truncated, corrupted or
(through a compromised mirror) built to attack the reader. Every parser reads its input
through these functions, which refuse, with a :class:`~seisai.exc.ListFormatError` that
names the file and the place:

- files larger than :data:`MAX_FILE_BYTES` (2 GB of junk is refused before it is read);
- XML with a DOCTYPE that declares entities (external entities, "billion laughs"), and
  XML that is not well-formed;
- zip containers (xlsx) whose members would expand past :data:`MAX_UNZIPPED_BYTES` or by a
  ratio above :data:`MAX_ZIP_RATIO` (zip bombs), and gzip streams likewise;
- text that is not valid in any of the encodings the publishers use;
- PDFs with more than :data:`MAX_PDF_PAGES` pages.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from lxml import etree

from seisai.exc import HostileFileError, ListFormatError

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
MAX_ZIP_RATIO = 200
MAX_PDF_PAGES = 2000

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)

Cell = str | int | float | bool | date | datetime | time | timedelta | None


def check_size(name: str, size: int, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse a file that is larger than any real list could be."""
    if size > limit:
        raise HostileFileError(
            name, None, f"file is {size:,} bytes, over the {limit:,}-byte limit for a list file"
        )


def gunzip(name: str, data: bytes) -> bytes:
    """Decompress gzip data, refusing output past :data:`MAX_UNZIPPED_BYTES` (gzip bombs)."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(1 << 20):
                out.write(chunk)
                if out.tell() > MAX_UNZIPPED_BYTES:
                    raise HostileFileError(
                        name, None, f"gzip data expands past {MAX_UNZIPPED_BYTES:,} bytes"
                    )
    except (OSError, EOFError) as exc:
        raise ListFormatError(name, None, f"corrupt gzip data: {exc}") from None
    return out.getvalue()


def parse_xml(name: str, data: bytes) -> etree._Element:
    """Parse XML safely and return its root element.

    A DOCTYPE that declares entities is refused outright: no official list uses one, and it
    is how external-entity and entity-expansion attacks work. The parser itself also resolves
    no entities, loads no DTD and makes no network access.
    """
    head = data[:65536]
    doctype = _DOCTYPE.search(head)
    if doctype and _ENTITY_DECL.search(data, doctype.start()):
        line = data.count(b"\n", 0, doctype.start()) + 1
        raise HostileFileError(
            name, f"line {line}", "XML declares entities in a DOCTYPE (external entity or entity-expansion attack)"
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        where = f"line {exc.position[0]}, column {exc.position[1]}" if exc.position else None
        raise ListFormatError(name, where, f"malformed XML: {exc.msg}") from None
    if root is None:
        raise ListFormatError(name, None, "empty XML document")
    return root


def local(tag: object) -> str:
    """An element's tag without its namespace: ``{http://...}sanctionEntity`` -> ``sanctionEntity``."""
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def check_zip(name: str, data: bytes) -> None:
    """Refuse a zip container (xlsx) that is corrupt or would expand like a zip bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ListFormatError(name, None, f"not a valid xlsx/zip container: {exc}") from None
    total = 0
    with archive:
        for info in archive.infolist():
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO:
                raise HostileFileError(
                    name, info.filename, f"member expands {ratio:,.0f}-fold (zip bomb)"
                )
            if total > MAX_UNZIPPED_BYTES:
                raise HostileFileError(
                    name, info.filename, f"members expand past {MAX_UNZIPPED_BYTES:,} bytes (zip bomb)"
                )
        bad = archive.testzip() if total < 64 * 1024 * 1024 else None
        if bad is not None:
            raise ListFormatError(name, bad, "corrupt zip member (CRC mismatch)")


def read_workbook(name: str, data: bytes) -> dict[str, list[list[Cell]]]:
    """Every sheet of an xlsx/xls workbook as rows of cells, after the zip-bomb checks.

    Cells are ``str``, numbers, ``date``/``datetime`` or ``""`` for blanks (calamine's
    convention).
    """
    from python_calamine import CalamineError, CalamineWorkbook

    if data[:4] == b"PK\x03\x04":
        check_zip(name, data)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets: dict[str, list[list[Cell]]] = {
            sheet: [list(row) for row in book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)]
            for sheet in book.sheet_names
        }
        return sheets
    except (CalamineError, ValueError, OSError) as exc:
        raise ListFormatError(name, None, f"unreadable workbook: {exc}") from None


ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def decode_text(name: str, data: bytes, encodings: tuple[str, ...] = ENCODINGS) -> str:
    """Decode text in the first of ``encodings`` that fits; strip a trailing DOS EOF (0x1A).

    Refuses binary junk (NUL bytes), which no list in a text format contains.
    """
    nul = data.find(b"\x00", 0, 1 << 20)
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise ListFormatError(name, f"line {line}", "binary data (NUL byte) in a text file")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.rstrip("\x1a\r\n ") + "\n" if text.strip("\x1a\r\n ") else ""
    raise ListFormatError(name, None, f"text is not in any of the encodings {', '.join(encodings)}")


def decode_utf8(name: str, data: bytes) -> str:
    """Decode strict UTF-8, naming the line of the first invalid byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ListFormatError(name, f"line {line}", f"invalid UTF-8: {exc.reason}") from None


def csv_rows(name: str, text: str, **kwargs: Any) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with their 1-based line numbers; a malformed row raises with its line."""
    reader = csv.reader(io.StringIO(text), **kwargs)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise ListFormatError(name, f"line {reader.line_num}", f"malformed CSV: {exc}") from None


def open_pdf(name: str, data: bytes) -> Any:
    """Open a PDF with pdfplumber after basic checks; the caller closes it."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    if not data.startswith(b"%PDF"):
        raise ListFormatError(name, "byte 0", "not a PDF file (no %PDF header)")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = len(pdf.pages)
    except (PDFSyntaxError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ListFormatError(name, None, f"unreadable PDF: {exc}") from None
    except Exception as exc:  # pdfminer raises many private error types on corrupt input
        raise ListFormatError(name, None, f"unreadable PDF: {type(exc).__name__}: {exc}") from None
    if pages > MAX_PDF_PAGES:
        pdf.close()
        raise HostileFileError(name, None, f"{pages} pages, over the limit of {MAX_PDF_PAGES}")
    return pdf
