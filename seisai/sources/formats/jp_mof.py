"""Japan MOF 経済制裁措置及び対象者リスト (asset-freeze targets), xlsx workbook.

One sheet per programme after an index sheet (一覧). Row 1 of a sheet is its title, notes
may follow, then the header row beginning with 告示日付; every later row is a designation,
a deleted designation ("2018.6.29削除", no name), or the continuation of the row above (a
long remark spilling into the next row, whose text is added to that entity's notes).
Column names vary by sheet; ``seisai/data/sources/jp_mof.yml`` maps them to fields and
names each programme sheet. Cells are read by the helpers in :mod:`seisai.sources.jp`.

**Entity ids.** The rows carry no publisher id. An id is ``jp_mof-<programme key>-<n>``
where the programme key comes from ``jp_mof.yml`` (chosen once per programme, so it
survives MOF renumbering its sheets) and ``n`` is the number of the 告示番号 cell (its marks
"*", "#" and cross-references "(*186)" removed): MOFA notices number designations per
programme and never reuse a number (deleted rows keep theirs). The parse checks that the
ids are unique and warns when it has to fall back on a row number.

**Lifted programmes.** Sheets marked 【解除】 hold only the date the programme was lifted
("【2016年1月22日告示廃止】"): they list no one and are skipped. Should such a sheet ever
hold rows, they are skipped too (the programme no longer applies) and a warning says so.

**Publication date.** A "YYYY年M月D日現在" line in the index sheet when there is one,
else the date in the file name (``mof_shisantouketsu20260305.xlsx``), else unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from seisai.exc import ListFormatError
from seisai.model import Entity
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.jp.mof_rows import Row, build_entity
from seisai.sources.jp.mof_sheets import (
    SheetLayout,
    find_layout,
    is_delisted,
    programme_for,
    squeeze,
)
from seisai.sources.jp.sniff import is_zip_container, xlsx_sheet_names, xlsx_strings_head
from seisai.sources.jp.text import norm
from seisai.sources.safe import Cell, read_workbook

INDEX_SHEET = "一覧"
_NAME_HINT = re.compile(r"shisantouketsu|jp_mof|mof_", re.I)
_FILE_DATE = re.compile(r"(20\d{2})(\d{2})(\d{2})")
_AS_OF = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*現在")


def _is_index(sheet: str) -> bool:
    return squeeze(sheet) == INDEX_SHEET


@register
class JapanMOF(ListFormat):
    name = "jp_mof_xlsx"
    title = "Japan MOF 経済制裁措置及び対象者リスト (xlsx)"
    source = "jp_mof"

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        """An xlsx with an index sheet 一覧, numbered programme sheets and 告示日付 headers.

        A zip that cannot be opened (a truncated download) is claimed when its name is
        MOF's, so that parsing reports what is wrong with it.
        """
        names = xlsx_sheet_names(file)
        if not names:
            return is_zip_container(file) and bool(_NAME_HINT.search(file.name))
        numbered = sum(1 for n in names if re.match(r"^\s*\d+\s*[.．]", n))
        if not any(_is_index(n) for n in names) or numbered < 2:
            return False
        head = xlsx_strings_head(file)
        return "告示日付" in head or "告示番号" in head

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        file = files[0]
        book = read_workbook(file.name, file.content)
        warnings: list[str] = []
        entities: list[Entity] = []
        seen: dict[str, str] = {}
        sheets = [s for s in book if not _is_index(s)]
        if not sheets:
            raise ListFormatError(file.name, None, "no programme sheets (only an index, or no sheets at all)")
        for sheet in sheets:
            for entity in self._sheet(file, sheet, book[sheet], warnings):
                where = f"{sheet} row {entity.raw['row']}"
                if entity.id in seen:
                    raise ListFormatError(file.name, where, f"entity id {entity.id} already used at {seen[entity.id]}")
                seen[entity.id] = where
                entities.append(entity)
        published = _published(file, book.get(INDEX_SHEET) or next((v for k, v in book.items() if _is_index(k)), []))
        return ParsedList(self.source, self.name, list(files), entities, published, warnings)

    def _sheet(self, file: SourceFile, sheet: str, rows: list[list[Cell]], warnings: list[str]) -> list[Entity]:
        layout = find_layout(rows)
        if is_delisted(sheet):
            if layout is not None and any(any(str(c).strip() for c in r) for r in rows[layout.header_row + 1 :]):
                warnings.append(f"{sheet}: programme lifted (【解除】); its rows are not read")
            return []
        if layout is None:
            raise ListFormatError(file.name, f"sheet {sheet!r}", "no header row beginning with 告示日付 in the first rows")
        programme, known = programme_for(sheet)
        if not known:
            warnings.append(f"{sheet}: sheet not in jp_mof.yml; ids use the derived key {programme.key!r}")
        for header in layout.unknown:
            warnings.append(f"{sheet}: column {header!r} is not in jp_mof.yml; its cells are kept as notes")
        out: list[Entity] = []
        for index in range(layout.header_row + 1, len(rows)):
            row = _row(sheet, index, rows[index], layout)
            if row is None:
                continue
            if _is_continuation(row) and out:
                _continue(out[-1], row)
                continue
            entity = build_entity(self.source, programme, row)
            warnings.extend(row.warnings)
            if entity is not None:
                out.append(entity)
        return out


def _row(sheet: str, index: int, cells: list[Cell], layout: SheetLayout) -> Row | None:
    if not any(norm(c) for c in cells):
        return None
    by_field: dict[str, list[Cell]] = {}
    headers: dict[str, str] = {}
    for col, value in enumerate(cells):
        text = norm(value)
        if not text:
            continue
        header = layout.headers.get(col, f"column {col + 1}")
        headers[header] = text
        by_field.setdefault(layout.columns.get(col, "notes"), []).append(value)
    return Row(sheet, index + 1, by_field, headers)


def _is_continuation(row: Row) -> bool:
    """A row with no notice date, number or name: a remark spilling over from the row above."""
    return not any(row.texts(f) for f in ("notice_date", "notice_number", "name_ja", "name_en"))


def _continue(entity: Entity, row: Row) -> None:
    for header, text in row.headers.items():
        entity.notes.append(text)
        cells = entity.raw.setdefault("cells", {})
        cells[header] = f"{cells[header]}\n{text}" if header in cells else text


def _published(file: SourceFile, index_rows: list[list[Cell]]) -> date | None:
    for row in index_rows[:10]:
        for cell in row:
            if m := _AS_OF.search(norm(cell)):
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _FILE_DATE.search(file.name):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None
