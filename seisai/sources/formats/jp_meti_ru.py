"""Japan METI/MOFA export-ban entity lists (輸出等に係る禁止措置の対象となる特定団体), PDF.

Three consolidated lists, told apart by their title, not their file name:
ロシア連邦の団体 (source ``jp_meti_ru``), ベラルーシ共和国の団体 (``jp_meti_by``) and
ロシア連邦及びベラルーシ共和国以外の国の団体 (``jp_meti_third``). Each entry has a
Japanese name (aliases in "（別称、A、B及びC）"), an English name (aliases in "a.k.a., the
following N aliases: -X; -Y"), newer entries an "別称：" block instead, and 所在地 lines
(several addresses joined by "; and"). The list's 最終更新日 is the publication date.
See :mod:`seisai.sources.jp.meti_pdf` for how the text is cut into entries.

**Entity ids** are ``<source>-<entry number>``: the numbers are those of the notice's
appended table, kept when entries are added (a round's new entries continue the numbering),
so they are stable across versions and equal in the round notices and the consolidated list.

**Round notices** (``meti_ru_20250912list_*.pdf``: the entries added on one date, with no
指定日/最終更新日 header) are read by the same code; :meth:`JapanMETIExportBan.supplement_of`
reports them so that importing a folder skips them in favour of the consolidated list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from seisai.exc import ListFormatError
from seisai.model import Address, Entity, NameKind, Sanction, Schema
from seisai.sources.base import ListFormat, ParsedList, SourceFile, register
from seisai.sources.jp.meti_pdf import (
    Line,
    RawEntry,
    clean_line,
    join_ja,
    read_header,
    split_entries,
)
from seisai.sources.jp.name_cells import NameCell
from seisai.sources.jp.names import NameItem, clean_name, name_forms
from seisai.sources.jp.places import country_in
from seisai.sources.jp.sniff import pdf_first_page_text
from seisai.sources.jp.text import is_japanese, split_top, trailing_group
from seisai.sources.safe import open_pdf

AUTHORITY = "Japan Ministry of Economy, Trade and Industry (経済産業省) / MOFA notice"
TITLE_MARK = "輸出等に係る禁止措置"
SOURCES = (  # checked in this order: the third-country title also names Russia and Belarus
    ("以外の国", "jp_meti_third", "Export ban: third-country entities (ロシア連邦及びベラルーシ共和国以外の国の特定団体)"),
    ("ベラルーシ共和国の", "jp_meti_by", "Export ban: Belarusian entities (ベラルーシ共和国の特定団体)"),
    ("ロシア連邦の", "jp_meti_ru", "Export ban: Russian entities (ロシア連邦の特定団体)"),
)
_AKA = re.compile(r",?\s*(?:\ba\.\s?k\.\s?a\.?,?|(?:the\s+)?following\s+\w+\s+alias(?:es)?\s*:?)", re.I)
_BULLET = re.compile(r"^[-–—−‐]\s*")
_JA_WRAPPER = re.compile(r"^別称\s*[、,:：]\s*")
_FILE_DATE = re.compile(r"(20\d{2})(\d{2})(\d{2})")


def _source_for(title: str) -> tuple[str, str] | None:
    squeezed = "".join(title.split())
    if TITLE_MARK not in squeezed:
        return None
    for mark, source, programme in SOURCES:
        if mark in squeezed:
            return source, programme
    return None


def _is_round_notice(first_page: str) -> bool:
    return "最終更新日" not in first_page and "指定日" not in first_page


@register
class JapanMETIExportBan(ListFormat):
    name = "jp_meti_ru_pdf"
    title = "Japan METI/MOFA export-ban entity lists (特定団体, PDF)"
    source = "jp_meti_ru"

    @classmethod
    def detect(cls, file: SourceFile) -> bool:
        """A PDF whose first page's title is an export-ban list of Russian, Belarusian or
        third-country entities, followed by numbered entries."""
        text = pdf_first_page_text(file)
        return bool(text) and _source_for(text[:400]) is not None and bool(re.search(r"^\s*\S{1,4}\s+\S", text, re.M))

    @classmethod
    def source_of(cls, file: SourceFile) -> str:
        found = _source_for(pdf_first_page_text(file)[:400])
        return found[0] if found else cls.source

    @classmethod
    def supplement_of(cls, file: SourceFile) -> str | None:
        if _is_round_notice(pdf_first_page_text(file)):
            return "a notice of one round's additions (no 最終更新日): the consolidated list includes them"
        return None

    def parse(self, files: Sequence[SourceFile]) -> ParsedList:
        file = files[0]
        lines = _lines(file)
        header, start = read_header(lines)
        found = _source_for(header.title)
        if found is None:
            raise ListFormatError(file.name, "page 1", f"not a METI/MOFA export-ban list (title {header.title[:60]!r})")
        source, programme = found
        entries, _ = split_entries(lines, start)
        if not entries:
            page = lines[start].page if start < len(lines) else 1
            raise ListFormatError(file.name, f"page {page}", "no numbered entries after the header")
        warnings: list[str] = []
        entities = [_entity(source, programme, header.notice, e, warnings) for e in entries]
        published = header.updated or header.designated or _file_date(file.name)
        return ParsedList(source, self.name, list(files), entities, published, warnings)


def _lines(file: SourceFile) -> list[Line]:
    pdf = open_pdf(file.name, file.content)
    lines: list[Line] = []
    try:
        for number, page in enumerate(pdf.pages, start=1):
            try:
                text = page.extract_text() or ""
            except Exception as exc:  # pdfminer raises many private error types on corrupt pages
                raise ListFormatError(file.name, f"page {number}", f"unreadable page: {type(exc).__name__}") from None
            lines.extend(Line(clean_line(t), number) for t in text.split("\n") if t.strip())
    finally:
        pdf.close()
    if not lines:
        raise ListFormatError(file.name, "page 1", "no text in the PDF (a scan, or empty)")
    return lines


def _file_date(name: str) -> date | None:
    m = _FILE_DATE.search(name)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _entity(source: str, programme: str, notice: str | None, raw: RawEntry, warnings: list[str]) -> Entity:
    entity = Entity(source, str(raw.number), Schema.ORGANIZATION)
    cell = _names(raw)
    for item in cell.names:
        entity.add_name(item.value, item.kind, lang=item.lang)
    if not entity.names:
        warnings.append(f"page {raw.page}: entry {raw.number} has no name")
    for text in raw.addresses:
        for part in split_top(re.sub(r";\s*and\s+", "; ", text), ";"):
            part = part.strip(" .;")
            if part:
                address = Address(part, country_in(part))
                entity.addresses.append(address)
                if address.country and address.country not in entity.countries:
                    entity.countries.append(address.country)
    entity.sanctions.append(Sanction(programme, AUTHORITY, listed_on=raw.dated, reference=str(raw.number), notice=notice))
    entity.raw = {
        "page": raw.page,
        "japanese": raw.japanese,
        "english": raw.english,
        "aliases": [raw.alias_japanese, *raw.alias_english] if raw.alias_japanese or raw.alias_english else [],
        "addresses": raw.addresses,
        "name_pairs": [list(p) for p in cell.pairs],
    }
    return entity


def _english(lines: list[str]) -> tuple[str, list[str]]:
    """The English name and the bulleted a.k.a. names below it."""
    head: list[str] = []
    bullets: list[str] = []
    for line in lines:
        if _BULLET.match(line):
            bullets.append(_BULLET.sub("", line))
        elif bullets:
            bullets[-1] = join_ja(bullets[-1], line)
        else:
            head.append(line)
    text = ""
    for line in head:
        text = join_ja(text, line)  # a space between wrapped words, none inside Chinese names
    m = _AKA.search(text)
    inline: list[str] = []
    if m:
        rest = re.sub(r"^\s*(?:the\s+)?following\s+\w+\s+alias(?:es)?\s*:?", "", text[m.end() :], flags=re.I)
        inline = [p for p in split_top(rest, ";") if p.strip()]
        text = text[: m.start()]
    items = [re.sub(r"(?:;?\s*and)?[;.]?$", "", b.strip()).strip() for b in bullets + inline]
    return text.strip(" ,"), [i for i in items if i]


def _japanese(text: str) -> tuple[str, list[str]]:
    """The Japanese name and the names in its "（別称、A、B及びC）"."""
    group = trailing_group(text)
    if group and _JA_WRAPPER.match(group[1]):
        base, content = group
        return base, _split_ja_list(_JA_WRAPPER.sub("", content))
    return text, []


def _split_ja_list(text: str) -> list[str]:
    text = re.sub(r"及び(?![^()]*\))", "、", text)
    return [p for p in split_top(text, "、;") if p]


def _names(raw: RawEntry) -> NameCell:
    cell = NameCell()
    ja_name, ja_aliases = _japanese(raw.japanese)
    en_name, en_aliases = _english(raw.english)
    if raw.alias_japanese:
        ja_aliases += _split_ja_list(raw.alias_japanese)
    if raw.alias_english:
        joined = ""
        for line in raw.alias_english:
            joined = join_ja(joined, line)
        en_aliases += [p for p in split_top(joined, ";") if p.strip()]
    ja_forms, en_forms = name_forms(ja_name, person=False), name_forms(en_name, person=False)
    cell.add_forms(ja_forms, NameKind.PRIMARY)
    cell.add_forms(en_forms, NameKind.PRIMARY)
    for value in en_forms.extra:  # "Ele Technology Co LTD（深圳市易络电子有限公司）"
        if is_japanese(value):
            cell.names = [n for n in cell.names if n.value != value]
            cell.names.append(NameItem(value, NameKind.ORIGINAL_SCRIPT, None))
    cell.pair(ja_forms.primary, en_forms.primary)
    ja_read = [name_forms(clean_name(a), person=False) for a in ja_aliases]
    en_read = [name_forms(clean_name(a), person=False) for a in en_aliases]
    for forms in [*ja_read, *en_read]:
        cell.add_forms(forms, NameKind.ALIAS)
    if len(ja_read) == len(en_read):
        for a, b in zip(ja_read, en_read, strict=True):
            cell.pair(a.primary, b.primary)
    return cell
