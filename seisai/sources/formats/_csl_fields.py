"""Field readers for the US Consolidated Screening List CSV: ids, addresses, names, gzip ends.

The ``ids`` column holds "; "-separated entries of the form ``country, number, type`` or
``number, type``: the country an ISO alpha-2 code, the type one of OFAC's labels
("Passport", "Tax ID No.", "SWIFT/BIC", "Vessel Registration Identification"). They are
OFAC's ``idList`` entries flattened, so :func:`apply_ids` reads them with OFAC's label table
(:mod:`seisai.sources.ofac_labels`): identifiers get their kind (a Russian "Tax ID No." of
10 or 12 digits is an INN), and the entries that are facts ("Male, Gender", "24 Feb 2022,
Listing Date (EO 14024 Directive 2):") become the gender, properties or notes.
"""

from __future__ import annotations

import zlib

from seisai.geo.countries import is_country_code
from seisai.model import Address, Entity
from seisai.sources.ofac_remarks import Warn, apply_labelled
from seisai.sources.safe import MAX_UNZIPPED_BYTES


def _country_prefix(text: str) -> tuple[str | None, str]:
    if len(text) > 4 and text[2:4] == ", " and text[:2].isupper() and is_country_code(text[:2].lower()):
        return text[:2], text[4:]
    return None, text


def apply_ids(entity: Entity, text: str, warn: Warn) -> None:
    """Read an ``ids`` cell into ``entity`` (see the module docstring)."""
    for entry in (e.strip() for e in text.split("; ")):
        head, _, label = entry.rpartition(", ")
        if not head:
            if entry and entry not in entity.notes:
                entity.notes.append(entry)
            continue
        country, value = _country_prefix(head.strip())
        apply_labelled(entity, label.strip(), value.strip(), country, None, warn)


def parse_address(text: str) -> Address:
    """One address, "street, city, postal code, CC": the country is the trailing ISO code."""
    text = " ".join(text.split()).strip(" ,")
    parts = [p.strip() for p in text.split(",")]
    country = None
    if parts and len(parts[-1]) == 2 and parts[-1].isupper() and is_country_code(parts[-1].lower()):
        country = parts[-1].lower()
    return Address(text, country)


def person_name(text: str) -> tuple[str, str | None, str | None]:
    """OFAC's "LAST, First" as ``("First LAST", family, given)``; other names unchanged."""
    text = " ".join(text.split())
    family, sep, given = text.partition(", ")
    if not sep or "," in given or not family or not given:
        return text, None, None
    return f"{given} {family}", family, given


def lines_before_truncation(data: bytes) -> int:
    """How many whole lines a damaged gzip stream yields before it breaks or ends early."""
    stream = zlib.decompressobj(zlib.MAX_WBITS | 16)
    lines, size = 0, 0
    try:
        for start in range(0, len(data), 1 << 16):
            chunk = stream.decompress(data[start : start + (1 << 16)])
            lines += chunk.count(b"\n")
            size += len(chunk)
            if size > MAX_UNZIPPED_BYTES:
                break
    except zlib.error:
        pass
    return lines
