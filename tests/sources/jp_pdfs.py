"""Build small PDFs in the layout of METI's export-ban lists from hand-written text.

The text is drawn in the standard Japanese CID font (HeiseiMin-W3, UniJIS-UCS2-H encoding,
not embedded), which pdfminer reads back without any font file. A fixture text file holds
one line per line of the PDF and "=== page" lines between pages.
"""

from __future__ import annotations

import io
from pathlib import Path


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A minimal PDF with one page per list of lines."""
    objects: list[bytes] = [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H "
        b"/DescendantFonts [3 0 R] >>",
        b"",  # the page tree, written once the pages are known
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> "
        b"/FontDescriptor 4 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 4 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    kids: list[int] = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 12 TL 40 800 Td"]
        ops.extend(b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*" for line in lines)
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 1 0 R >> >> /Contents %d 0 R >>" % (len(objects))
        )
        kids.append(len(objects))
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[1] = b"<< /Type /Pages /Kids [" + refs + b"] /Count %d >>" % len(kids)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, len(objects)))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def text_pages(text: str) -> list[list[str]]:
    """Pages of lines from fixture text ("=== page" separates pages; "#" lines are comments)."""
    pages: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("=== page"):
            pages.append([])
        elif line.strip():
            pages[-1].append(line)
    return [p for p in pages if p]


def fixture_pdf(path: Path) -> bytes:
    """The PDF a fixture text file describes."""
    return pdf_bytes(text_pages(path.read_text("utf-8")))
