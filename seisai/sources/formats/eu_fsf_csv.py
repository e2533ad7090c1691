"""A flattened CSV derived from the EU Financial Sanctions Files (not an EU publication).

Columns: ``Name, Alias, Nationality, Designation, Sanction Type, Source``; one row per
sanctioned entity. ``Alias`` repeats the name and then lists every other ``nameAlias`` of
the entity in every EU language, joined by ", "; ``Designation`` is ``person`` or
``enterprise``; ``Sanction Type`` is the type of one regulation (regulation, amendment,
repealing). The file has no EU reference number, no dates of birth and no identifiers.

Source and ids. Without the EU reference number the ids cannot be those of the official
XML (``eu_fsf-EU.27.28``), so this file is its own source, ``eu_fsf_derived``, and its ids
are made from what identifies a row: a hash of the name, the designation and the
nationality (``eu_fsf_derived-3f2a9c1b0d4e5f60``). They are stable across versions as long
as those three do not change; the rare rows that share all three (the same person listed
twice under different regimes) get ``-2``, ``-3`` in file order.

Splitting aliases. The ", " that joins aliases also occurs inside names ("Taeb, Hassan",
"Bizon, s. r. o."). A fragment that is only a legal form is joined back to the name before
it (enterprises); a person's one-word fragment is kept as a weak alias, since it may be half
of a "Last, First" name. The publisher's date is not in the file: it is taken from a
YYYY-MM-DD in the file name.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from seisai.exc import ListFormatError
from seisai.geo.countries import country_code
from seisai.geo.nationalities import nationality_codes
from seisai.model import Entity, NameKind, Sanction, Schema
from seisai.names.legal_forms import find_legal_forms
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.ofac import date_from_name
from seisai.sources.safe import csv_rows, decode_text

HEADER = ("name", "alias", "nationality", "designation", "sanction type", "source")
SCHEMAS = {"person": Schema.PERSON, "enterprise": Schema.ORGANIZATION}
SOURCE = "eu_fsf_derived"
_PARENS = re.compile(r"\([^()]*\)")
_INITIALS = re.compile(r"^(?:\w\.\s?){1,3}\w?\.?$")  # "a. s.", "s. r. o.", "d. d."


def _is_legal_form(fragment: str) -> bool:
    rest, classes = find_legal_forms(fragment)
    return (bool(classes) and rest == fragment) or bool(_INITIALS.match(fragment))


def split_aliases(name: str, aliases: str, schema: Schema) -> list[tuple[str, NameKind]]:
    """The aliases of a row, without its name, each with its kind (see the module docstring)."""
    rest = aliases[len(name) :] if aliases.startswith(name) else aliases
    fragments = [f.strip() for f in rest.split(", ") if f.strip()]
    merged: list[str] = []
    for fragment in fragments:
        if merged and schema is not Schema.PERSON and _is_legal_form(fragment):
            merged[-1] = f"{merged[-1]}, {fragment}"
        else:
            merged.append(fragment)
    result: list[tuple[str, NameKind]] = []
    for value in merged:
        weak = schema is Schema.PERSON and len(value.split()) == 1
        result.append((value, NameKind.WEAK_ALIAS if weak else NameKind.ALIAS))
    return result


def eu_nationalities(text: str) -> tuple[list[str], list[str]]:
    """Codes of the countries in an EU nationality cell, and the parts not understood.

    The cell lists countries joined by ", ", and some EU country names contain one
    themselves ("MOLDOVA, REPUBLIC OF", "CONGO, Democratic Republic of (was Zaire)",
    "PALESTINIAN TERRITORY, Occupied"): a part that is no country on its own qualifies the
    country before it.
    """
    parts = [p.strip() for p in text.split(",") if p.strip()]
    codes: list[str] = []
    unknown: list[str] = []
    i = 0
    while i < len(parts):
        head = _PARENS.sub("", parts[i]).strip()
        tail = _PARENS.sub("", parts[i + 1]).strip() if i + 1 < len(parts) else None
        code = _country(head)
        found: list[str] = []
        pair = country_code(f"{head}, {tail}") or country_code(f"{tail} {head}") if tail else None
        if tail is not None and _country(tail) is None and (pair or code):
            found, i = [pair or code or ""], i + 2
        elif code is not None:
            found, i = [code], i + 1
        else:
            found, rest = nationality_codes(parts[i])
            unknown.extend(rest)
            i += 1
        codes.extend(c for c in found if c not in codes)
    return codes, unknown


def _country(text: str) -> str | None:
    return country_code(text) or country_code(text.replace("HERZEGOWINA", "HERZEGOVINA"))


def _source_id(name: str, schema: Schema, nationality: str, seen: dict[str, int]) -> str:
    key = "|".join((" ".join(name.casefold().split()), schema.value, nationality.casefold().strip()))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    seen[digest] = seen.get(digest, 0) + 1
    return digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"


@register
class EUFlattenedCSV(ListFormat):
    name = "eu_fsf_csv"
    title = "EU Financial Sanctions Files, flattened CSV (derived: names, aliases, nationality)"
    source = SOURCE

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        first = file.head.split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff")
        return tuple(c.strip().casefold() for c in first.split(",")) == HEADER

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        if len(files) != 1:
            raise ListFormatError(", ".join(f.name for f in files), None, "a flattened EU CSV is one file")
        file = files[0]
        rows = csv_rows(file.name, decode_text(file.name, file.content, ("utf-8-sig",)), strict=True)
        header = next(rows, (1, []))[1]
        if tuple(c.strip().casefold() for c in header) != HEADER:
            raise ListFormatError(file.name, "line 1", f"expected the columns {', '.join(HEADER)}")
        entities: list[Entity] = []
        warnings: list[str] = []
        seen: dict[str, int] = {}
        for line, row in rows:
            if not any(c.strip() for c in row):
                continue
            entities.append(self._entity(file, line, row, seen, warnings))
        return ParsedList(self.source, self.name, [file], entities, date_from_name(file.name), warnings)

    def _entity(self, file: SourceFile, line: int, row: list[str], seen: dict[str, int], warnings: list[str]) -> Entity:
        if len(row) != len(HEADER):
            raise ListFormatError(file.name, f"line {line}", f"expected {len(HEADER)} columns, found {len(row)}")
        name, aliases, nationality, designation, regulation_type, _ = (" ".join(c.split()) for c in row)
        if not name:
            raise ListFormatError(file.name, f"line {line}", "empty Name")
        schema = SCHEMAS.get(designation.casefold())
        if schema is None:
            raise ListFormatError(file.name, f"line {line}", f"unknown Designation {designation!r}")
        entity = Entity(self.source, _source_id(name, schema, nationality, seen), schema)
        entity.add_name(name, NameKind.PRIMARY)
        for value, kind in split_aliases(name, aliases, schema):
            if value != name:
                entity.add_name(value, kind)
        codes, unknown = eu_nationalities(nationality)
        entity.nationalities.extend(codes)
        if unknown:
            entity.properties["nationalityText"] = unknown
            warnings.append(f"{file.name}: line {line}: nationality not understood: {', '.join(unknown)}")
        if regulation_type:
            entity.properties["euRegulationType"] = [regulation_type]
        entity.sanctions.append(Sanction(programme="EU", authority="European Union"))
        entity.raw = {"line": line, "row": dict(zip(HEADER, row, strict=True))}
        return entity
