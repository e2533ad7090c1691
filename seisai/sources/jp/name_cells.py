"""Whole name cells of Japanese lists: the primary-name pair and alias cells.

An alias cell usually holds a Japanese block and an English block, each a list:

- ``(別称、A、B及びC)`` over ``(a.k.a. X; a.k.a. Y; f.k.a. Z)`` (Russia sheets);
- ``A; B`` over ``X; Y`` (Iran, DPRK), ``A、B`` over ``X, Y`` (Iraq);
- ``(a)A(b)B`` over ``(a.k.a.: (a)X (b)Y)`` (Taliban);
- ``(a)A（X）、(b)B（Y）``: each Japanese name followed by its Latin form (Congo, South Sudan);
- ``(別称)A`` over ``X``, then ``(旧称)B`` over ``Y`` (DPRK).

:mod:`seisai.sources.jp.alias_blocks` cuts a cell into such blocks and names.

When the two blocks have as many names, the names are paired in order: these pairs of a
katakana name and its Latin form are what :attr:`NameCell.pairs` returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from seisai.model import Entity, NameKind
from seisai.sources.jp.alias_blocks import block_items, pair_blocks, split_blocks
from seisai.sources.jp.names import NameForms, NameItem, extract_original, name_forms, name_lang
from seisai.sources.jp.text import (
    has_latin,
    is_japanese,
    is_placeholder,
    norm,
    one_line,
    split_top,
    strip_groups,
)

_TAIL = re.compile(r",?\s+\b(?:born|passport|issued|son of|daughter of)\b.*$", re.I)
_NOT_A_NAME = re.compile(r"^\d{4}\s*年|^\d{1,2}\s*月|出生|にて|発行|している|ために|として|された")
_HALF_MARKER = re.compile(r"(?<=[\s:(])([a-z])\)(?=\s*\d)")  # "(DOB: a)11 Apr. 1960 b)…)"


@dataclass
class NameCell:
    """Names read from cells, in order, with the katakana–Latin pairs and any remarks."""

    names: list[NameItem] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, value: str | None, kind: NameKind) -> None:
        """Add a name unless it is empty or already there with the same kind."""
        if not value or is_placeholder(value):
            return
        item = NameItem(value, kind, name_lang(value, "en"))
        if item not in self.names:
            self.names.append(item)

    def add_forms(self, forms: NameForms, kind: NameKind) -> None:
        """Add what one written name holds: the name, its variants, acronyms, original script."""
        self.add(forms.primary, kind)
        variant_kind = NameKind.WEAK_ALIAS if kind is NameKind.WEAK_ALIAS else NameKind.ALIAS
        if kind is NameKind.FORMER:
            variant_kind = NameKind.FORMER
        for value in [*forms.variants, *forms.extra]:
            self.add(value, variant_kind)
        for value in forms.former:
            self.add(value, NameKind.FORMER)
        for value in forms.original:
            self.add(value, NameKind.ORIGINAL_SCRIPT)
        self.notes.extend(n for n in forms.notes if n not in self.notes)

    def pair(self, japanese: str | None, latin: str | None) -> None:
        """Record a katakana/kanji name and its Latin form."""
        ok = bool(japanese and latin and is_japanese(japanese) and has_latin(latin) and not is_japanese(latin))
        if ok and japanese and latin and (japanese, latin) not in self.pairs:
            self.pairs.append((japanese, latin))

    def extend(self, other: NameCell) -> None:
        for item in other.names:
            if item not in self.names:
                self.names.append(item)
        self.pairs.extend(p for p in other.pairs if p not in self.pairs)
        self.notes.extend(n for n in other.notes if n not in self.notes)


def read_primary(japanese: object, english: object, person: bool) -> NameCell:
    """The 日本語表記 and 英語表記 cells of one row: primary names, variants and their pair.

    A cell naming two bodies ("A（X）、B（Y）") gives two primary names on each side; the
    sides are paired in order when they have as many names.
    """
    cell = NameCell()
    sides: list[list[NameForms]] = []
    for value, seps in ((japanese, "、;"), (english, "、;")):
        text, originals = extract_original(norm(value))
        parts = [] if is_placeholder(text) else split_top(re.sub(r"\s+/\s+", ";", one_line(text)), seps)
        forms = [name_forms(part, person) for part in parts]
        if originals and forms:
            forms[0].original.extend(originals)
        sides.append(forms)
    for side_forms in sides:
        for one in side_forms:
            cell.add_forms(one, NameKind.PRIMARY)
    ja, en = sides
    for a, b in zip(ja, en, strict=False) if len(ja) == len(en) else zip(ja[:1], en[:1], strict=False):
        if a.primary and is_japanese(a.primary):
            cell.pair(a.primary, b.primary)
        else:  # "VEB.RF（ロシア対外経済銀行）" over "VEB.RF（Vnesheconombank）"
            ja_extra = [x for x in a.extra if is_japanese(x)]
            en_extra = [x for x in b.extra if not is_japanese(x)]
            if ja_extra:
                cell.pair(ja_extra[0], en_extra[0] if len(en_extra) == len(ja_extra) else b.primary)
    return cell


def read_aliases(value: object, kind: NameKind, person: bool) -> NameCell:
    """Every name in an alias cell (別名, 別称・旧称, 確定に十分でない別名...), of ``kind``
    unless a marker in the cell says otherwise (f.k.a. and 旧称 make former names)."""
    cell = NameCell()
    text = norm(value)
    if is_placeholder(text):
        return cell
    for ja_block, en_block in pair_blocks(split_blocks(text)):
        ja_items, block_kind = block_items(ja_block, kind) if ja_block else ([], kind)
        en_items = block_items(en_block, block_kind)[0] if en_block else []
        ja_items, en_items = _names_only(ja_items, cell), _names_only(en_items, cell)
        if len(en_items) == 1 < len(ja_items):  # "A、B" over "X, Y"
            pieces = split_top(en_items[0][0], ",")
            if len(pieces) == len(ja_items):
                en_items = [(p, en_items[0][1]) for p in pieces]
        ja_read = [_read_item(item, item_kind, person, cell) for item, item_kind in ja_items]
        en_read = [_read_item(item, item_kind, person, cell) for item, item_kind in en_items]
        if ja_block and en_block and len(ja_read) == len(en_read):
            for a, b in zip(ja_read, en_read, strict=True):
                cell.pair(a.primary, b.primary)
    return cell


def _read_item(item: str, kind: NameKind, person: bool, cell: NameCell) -> NameForms:
    forms = _item_forms(item, person, cell)
    cell.add_forms(forms, kind)
    if forms.primary and is_japanese(forms.primary):  # "オサマ・ミラッド（Osama Milad）"
        latin = [x for x in forms.extra if has_latin(x) and not is_japanese(x)]
        if len(latin) == 1:
            cell.pair(forms.primary, latin[0])
    return forms


def _names_only(items: list[tuple[str, NameKind]], cell: NameCell) -> list[tuple[str, NameKind]]:
    """Drop items that are remarks, not names ("1974年3月21日イラク国バグダッドにて出生")."""
    out: list[tuple[str, NameKind]] = []
    for item, kind in items:
        bare = strip_groups(item)[0]
        if _NOT_A_NAME.search(bare) and not has_latin(bare):
            cell.notes.append(item)
        else:
            out.append((item, kind))
    return out


def _item_forms(item: str, person: bool, cell: NameCell) -> NameForms:
    item = _HALF_MARKER.sub(r"\1.", item)
    tail = _TAIL.search(item)
    if tail and tail.start() > 0:
        cell.notes.append(item[tail.start() :].strip(" ,"))
        item = item[: tail.start()]
    return name_forms(item, person)




def name_pairs(entity: Entity) -> list[tuple[str, str]]:
    """The katakana/kanji–Latin name pairs a Japanese list gives for ``entity``.

    The parsers of Japan's lists (``jp_mof``, ``jp_meti_*``) record in the entity's raw
    record which Japanese name the publisher wrote against which Latin one: the 日本語表記 /
    英語表記 pair, and aliases listed in the same order on both sides. For the name matcher
    these are pairs known to be the same name in two scripts. Entities from other lists
    have none.
    """
    pairs = entity.raw.get("name_pairs") if isinstance(entity.raw, dict) else None
    if not isinstance(pairs, list):
        return []
    return [(str(p[0]), str(p[1])) for p in pairs if isinstance(p, (list, tuple)) and len(p) == 2]
