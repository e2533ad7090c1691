"""Japan METI End User List (外国ユーザーリスト), xlsx.

One sheet, one row per entity: No., Country or Region ("ロシア\\nRussian Federation"),
Company or Organization (the English name, then the name in Chinese or Japanese characters
in brackets on the next line; a few DPRK entities only in Japanese), Also Known As (one
name per line, each marked "・"; a line in brackets or in kanji gives the line above in
those characters), Type of WMD ("生物、化学、ミサイル、核\\nB,C,M,N") and, since 2025,
Conventional Weapons ("通常兵器\\nCW"). Concern types become ``Sanction.concerns``,
normalised to ``B``, ``C``, ``M``, ``N`` and ``conventional``.

**Entity ids.** "No." is the entity's position in this edition (the list is sorted by
country and name and renumbered at every revision), so it is kept as the reference but not
used as the id. The id is ``jp_meti_eul-<country>-<slug of the English name>``, which
survives re-publication as long as METI keeps the name; the parse checks uniqueness and
adds the row's number only where two entries would collide.

**The PDF.** METI publishes, next to the xlsx, a PDF covering notice (通達 "「外国ユーザー
リスト」について", with the notice number and the date the list applies from). It lists no
entity: it is recognised so that importing a folder skips it with that reason
(:meth:`JapanEndUserList.supplement_of`), and parsing it alone is refused with the same.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from seisai.exc import ListFormatError
from seisai.model import Entity, NameKind, Sanction, Schema
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.jp.names import name_forms
from seisai.sources.jp.places import country_in
from seisai.sources.jp.sniff import is_zip_container, pdf_first_page_text, xlsx_strings_head
from seisai.sources.jp.text import is_japanese, is_placeholder, norm
from seisai.sources.safe import Cell, read_workbook

AUTHORITY = "Japan Ministry of Economy, Trade and Industry (経済産業省)"
PROGRAMME = "End User List (外国ユーザーリスト)"
CONCERN_ORDER = ("B", "C", "M", "N", "conventional")
_CONCERN_WORDS = {"生物": "B", "化学": "C", "ミサイル": "M", "核": "N", "通常兵器": "conventional", "CW": "conventional"}
_HEADERS = {
    "no": re.compile(r"^no\.?$", re.I),
    "country": re.compile(r"country|国名", re.I),
    "name": re.compile(r"company|organi[sz]ation|企業名", re.I),
    "aliases": re.compile(r"also known|別名", re.I),
    "wmd": re.compile(r"type of wmd|懸念区分", re.I),
    "conventional": re.compile(r"conventional|通常兵器", re.I),
}
_FILE_DATE = re.compile(r"(20\d{2})(\d{2})(\d{2})")
_CHINESE_COUNTRIES = frozenset({"cn", "hk", "tw", "mo"})


def _is_cover_notice(text: str) -> bool:
    squeezed = "".join(text.split())
    return "「外国ユーザーリスト」について" in squeezed and "貿局" in squeezed


@register
class JapanEndUserList(ListFormat):
    name = "jp_meti_eul_xlsx"
    title = "Japan METI End User List (外国ユーザーリスト, xlsx)"
    source = "jp_meti_eul"

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        """The xlsx (headers "Also Known As" and "Type of WMD"), or the PDF covering notice."""
        if file.data.startswith(b"%PDF"):
            return _is_cover_notice(pdf_first_page_text(file))
        head = xlsx_strings_head(file)
        if not head:
            return is_zip_container(file) and "eul" in file.name.lower()
        return ("Type of WMD" in head or "懸念区分" in head) and ("Also Known As" in head or "別名" in head)

    @classmethod
    def publication_key(cls, file: SourceFile) -> str:
        m = _FILE_DATE.search(file.name)
        return m.group(0) if m else file.name

    @classmethod
    def supplement_of(cls, file: SourceFile) -> str | None:
        if file.data.startswith(b"%PDF"):
            return "the covering notice (通達) of the End User List: it lists no entity; the list is the xlsx"
        return None

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        books = [f for f in files if not f.data.startswith(b"%PDF")]
        if not books:
            raise ListFormatError(files[0].name, "page 1", str(self.supplement_of(files[0])))
        file = books[0]
        book = read_workbook(file.name, file.content)
        sheet, rows = next(iter(book.items()), ("", []))
        header_index, columns = _find_header(file, sheet, rows)
        entities: list[Entity] = []
        warnings: list[str] = []
        seen: set[str] = set()
        for index in range(header_index + 1, len(rows)):
            entity = _entity(self.source, sheet, index + 1, rows[index], columns, warnings)
            if entity is None:
                continue
            if entity.id in seen:
                entity.source_id = f"{entity.source_id}-{entity.raw['no']}"
                warnings.append(f"{sheet} row {index + 1}: name already listed for this country; id {entity.id}")
            seen.add(entity.id)
            entities.append(entity)
        m = _FILE_DATE.search(file.name)
        published = date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
        return ParsedList(self.source, self.name, list(files), entities, published, warnings)


def _find_header(file: SourceFile, sheet: str, rows: list[list[Cell]]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows[:10]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(row):
            text = norm(cell).replace("\n", " ")
            for key, pattern in _HEADERS.items():
                if key not in columns and pattern.search(text):
                    columns[key] = col
                    break
        if {"name", "wmd"} <= columns.keys():
            return index, columns
    raise ListFormatError(file.name, f"sheet {sheet!r}", "no header row with Company or Organization and Type of WMD")


def concerns_of(*cells: Cell) -> tuple[str, ...]:
    """Concern types from the WMD and conventional-weapons cells, in B, C, M, N order."""
    found: set[str] = set()
    for cell in cells:
        text = unicodedata.normalize("NFKC", str(cell or ""))
        for word, code in _CONCERN_WORDS.items():
            if word in text:
                found.add(code)
        for letter in re.findall(r"(?<![A-Za-z])([BCMN])(?![A-Za-z])", text):
            found.add(letter)
    return tuple(c for c in CONCERN_ORDER if c in found)


def _entity(source: str, sheet: str, number: int, row: list[Cell], columns: dict[str, int], warnings: list[str]) -> Entity | None:
    def cell(key: str) -> Cell:
        col = columns.get(key)
        return row[col] if col is not None and col < len(row) else None

    name_text = norm(cell("name"))
    if not name_text:
        if any(norm(c) for c in row):
            warnings.append(f"{sheet} row {number}: no company or organisation name; skipped")
        return None
    country = _country(norm(cell("country")))
    names = _names(name_text, NameKind.PRIMARY, country) + _aliases(norm(cell("aliases")), country)
    latin = next((v for v, k, _ in names if k is NameKind.PRIMARY and not is_japanese(v)), names[0][0])
    entity = Entity(source, _slug_id(country, latin), Schema.ORGANIZATION)
    for value, kind, lang in names:
        entity.add_name(value, kind, lang=lang)
    if country:
        entity.countries.append(country)
    no = norm(cell("no"))
    concerns = concerns_of(cell("wmd"), cell("conventional"))
    entity.sanctions.append(Sanction(PROGRAMME, AUTHORITY, reference=f"No. {no}" if no else None, concerns=concerns))
    entity.properties["countryText"] = [norm(cell("country")).replace("\n", " / ")]
    entity.raw = {"sheet": sheet, "row": number, "no": no or str(number), "cells": [norm(c) for c in row]}
    return entity


def _country(text: str) -> str | None:
    for line in reversed(text.split("\n")):
        if code := country_in(line):
            return code
    return None


def _slug_id(country: str | None, name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:80]
    if not slug:  # a name in kanji or kana only
        slug = "n" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
    return f"{country or 'xx'}-{slug}"


def _lang(value: str, country: str | None) -> str | None:
    if not is_japanese(value):
        return "en"
    return "zh" if country in _CHINESE_COUNTRIES else "ja"


def _names(text: str, kind: NameKind, country: str | None) -> list[tuple[str, NameKind, str | None]]:
    """The names in a name cell: wrapped lines joined, a bracketed or kanji line its own name."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        bare = line.strip("()")
        if lines and not line.startswith("(") and not is_japanese(bare) and not is_japanese(lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"  # a long English name wrapped onto the next line
        else:
            lines.append(line)
    out: list[tuple[str, NameKind, str | None]] = []
    for index, line in enumerate(lines):
        forms = name_forms(line, person=False)
        for value in [forms.primary, *forms.variants, *forms.extra]:
            if value and not is_placeholder(value):
                listed = (index == 0 and value == forms.primary) or is_japanese(value)
                out.append((value, kind if listed else NameKind.ALIAS, _lang(value, country)))
    return out


def _aliases(text: str, country: str | None) -> list[tuple[str, NameKind, str | None]]:
    items: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("・"):
            items.append(line.lstrip("・ "))
        elif items and (line.startswith("(") or is_japanese(line)):
            items.append(line)  # the line above, in Chinese or Japanese characters
        elif items:
            items[-1] = f"{items[-1]} {line}"  # an alias wrapped onto the next line
        else:
            items.append(line)
    out: list[tuple[str, NameKind, str | None]] = []
    for item in items:
        out.extend(_names(item, NameKind.ALIAS, country))
    return out
