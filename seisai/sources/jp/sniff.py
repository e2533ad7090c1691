"""Cheap looks inside xlsx and PDF files, for format detection.

Detection runs on every file of a folder, so it must not parse whole workbooks or PDFs:
these helpers read only the workbook's sheet list, the first bytes of its shared strings,
or the text of a PDF's first page (cached by content hash), and never raise.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

from seisai.sources.base import SourceFile

HEAD_LIMIT = 262144
_SHEET = re.compile(rb'<sheet\b[^>]*\bname="([^"]*)"')


def xlsx_member_head(file: SourceFile, member: str, limit: int = HEAD_LIMIT) -> bytes:
    """The first ``limit`` bytes of a zip member (decompressed), or ``b""`` if unreadable."""
    if not file.data.startswith(b"PK\x03\x04"):
        return b""
    try:
        with zipfile.ZipFile(io.BytesIO(file.data)) as archive, archive.open(member) as stream:
            return stream.read(limit)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, RuntimeError):
        return b""
    except Exception:  # zlib errors on corrupt members, among others
        return b""


def xlsx_sheet_names(file: SourceFile) -> list[str]:
    """The sheet names of an xlsx workbook, in order; ``[]`` when it is not one."""
    head = xlsx_member_head(file, "xl/workbook.xml")
    return [html.unescape(m.group(1).decode("utf-8", "replace")) for m in _SHEET.finditer(head)]


def xlsx_strings_head(file: SourceFile) -> str:
    """The start of the workbook's text: its shared strings (where header texts usually
    are), or for a workbook written with inline strings, the start of its first sheets."""
    head = xlsx_member_head(file, "xl/sharedStrings.xml")
    if not head:
        head = b"".join(xlsx_member_head(file, f"xl/worksheets/sheet{n}.xml", 65536) for n in (1, 2, 3))
    return html.unescape(head.decode("utf-8", "replace"))


def is_zip_container(file: SourceFile) -> bool:
    """True for data that starts like a zip (xlsx) file, even a truncated one."""
    return file.data.startswith(b"PK\x03\x04")


def pdf_first_page_text(file: SourceFile) -> str:
    """The text of a PDF's first page, or ``""`` when it is not a readable PDF."""
    if not file.data.startswith(b"%PDF"):
        return ""
    if file.sha256 not in _PAGE_CACHE:
        if len(_PAGE_CACHE) >= 64:
            _PAGE_CACHE.clear()
        _PAGE_CACHE[file.sha256] = _first_page_text(file.data)
    return _PAGE_CACHE[file.sha256]


_PAGE_CACHE: dict[str, str] = {}


def _first_page_text(data: bytes) -> str:
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                return ""
            return pdf.pages[0].extract_text() or ""
    except Exception:  # a corrupt PDF is simply not ours; parsing reports the details
        return ""
