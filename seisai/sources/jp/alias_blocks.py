"""Cutting an alias cell into blocks of Japanese and Latin names, and blocks into names.

A block is a run of lines in one script: a cell usually holds a Japanese block over a Latin
one, sometimes several such pairs ("(別称)A\\nX\\n(旧称)B\\nY"). Within a block names are
separated by enumerations "(a)(b)", a.k.a./f.k.a. markers, ";" or (in Japanese) 、 and 及び;
a wrapper "（別称、…）", "（旧称、…）" or a prefix "(別称)", "(別名1)" says what kind they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seisai.model import NameKind
from seisai.sources.jp.names import extract_original
from seisai.sources.jp.text import (
    is_japanese,
    one_line,
    split_enumeration,
    split_top,
    trailing_group,
)

MARKER = re.compile(r"(?<![A-Za-z])([af])\.\s?k\.\s?a\.?(?:\s*,?\s*the following \w+ alias(?:es)?)?\s*[:,]?\s*", re.I)
_JA_WRAPPER = re.compile(r"^(別称|旧称|別名|通称|略称|旧名)\s*[、,::]\s*")
_JA_PREFIX = re.compile(r"^\(\s*(別称|旧称|別名|通称|旧名)\s*\d*\s*\)\s*")
_FORMER_WORDS = frozenset({"旧称", "旧名"})
# "サルマン; ラズハル Salmane; Lazhar": Japanese names, then their Latin forms on one line
_SCRIPT_SWITCH = re.compile(r"^(.*[\u30a0-\u30ff\u3400-\u9fff][^A-Za-z()]*?)\s+([A-Za-z][^()]*)$")
_MARKER_BEFORE = re.compile(r"\(?\s*[af]\.\s?k\.\s?a\.?\s*[:,]?\s*\(?\s*$", re.I)
_GROUP_THEN_AKA = re.compile(r"(?<=\))\s*(?=\(\s*[af]\.\s?k\.\s?a)", re.I)
_KIND_WORD = re.compile(r"^\(?\s*(別称|旧称|別名|通称|旧名)\s*\d*\s*\)?\s*[:：]?\s*")
_INLINE_KIND = re.compile(r"\s*\(\s*(別称|旧称|別名|旧名)\s*\d*\s*\)\s*")  # "A (旧称)B"
_CONTINUES = re.compile(r"^\(\s*[b-z]\s*\)", re.I)


@dataclass
class Block:
    """Lines of one script: ``ja`` (kana/kanji) or ``en`` (Latin and others)."""

    side: str
    text: str


def _balance(text: str) -> int:
    return text.count("(") - text.count(")")


def line_side(line: str) -> str:
    """``ja`` for a line mostly in Japanese (outside brackets when there is text outside)."""
    rest, _ = extract_original(line)
    if MARKER.match(rest.lstrip("( ")):
        return "en"
    outside = re.sub(r"\([^()]*\)", "", rest)
    sample = outside if outside.strip(" ,;、") else rest
    n_ja = sum(1 for c in sample if is_japanese(c))
    n_latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    return "ja" if n_ja and n_ja * 3 >= n_latin else "en"


def _lines(text: str) -> list[str]:
    """The cell's lines, a line also cut where its script switches or its enumeration restarts."""
    out: list[str] = []
    for line in text.split("\n"):
        m = _SCRIPT_SWITCH.match(line)
        parts = [m.group(1), m.group(2)] if m and not is_japanese(m.group(2)) else [line]
        for part in parts:
            for piece in _GROUP_THEN_AKA.split(part):  # "(別称、IAP RAS)(a.k.a. IAP RAS)"
                out.extend(_cut_restarts(piece))
    return out


def _cut_restarts(line: str) -> list[str]:
    """Cut a line where its enumeration starts again: "(e)シューマーン・グループ(a)NABIL…";
    a marker just before the new "(a)" ("(a.k.a.: (a)…") goes with it."""
    starts = [m.start() for m in re.finditer(r"\(\s*a\s*\)", line)][1:]
    cuts: list[int] = []
    for start in starts:
        before = _MARKER_BEFORE.search(line[:start])
        cuts.append(before.start() if before else start)
    pieces = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return [p.strip() for p in pieces if p.strip()]


def split_blocks(text: str) -> list[Block]:
    """Group a cell's lines into blocks by script; a line inside open brackets, or going on
    with an enumeration ("(b)…" after "(a)…"), stays in the block above."""
    blocks: list[Block] = []
    for line in _lines(text):
        side = line_side(line)
        if blocks and (blocks[-1].side == side or _balance(blocks[-1].text) > 0 or _CONTINUES.match(line.strip())):
            blocks[-1].text = f"{blocks[-1].text}\n{line}"
        else:
            blocks.append(Block(side, line))
    return blocks


def pair_blocks(blocks: list[Block]) -> list[tuple[Block | None, Block | None]]:
    """Blocks two by two: a Japanese block and the Latin block right after it."""
    out: list[tuple[Block | None, Block | None]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.side == "ja" and nxt is not None and nxt.side == "en":
            out.append((block, nxt))
            index += 2
        else:
            out.append((block, None) if block.side == "ja" else (None, block))
            index += 1
    return out


def marker_kind(marker: str, default: NameKind) -> NameKind:
    """f.k.a. gives a former name; a.k.a. an alias (a weak one in a weak-alias column)."""
    if marker.lower().startswith("f"):
        return NameKind.FORMER
    return NameKind.WEAK_ALIAS if default is NameKind.WEAK_ALIAS else NameKind.ALIAS


def block_items(block: Block, kind: NameKind) -> tuple[list[tuple[str, NameKind]], NameKind]:
    """The names of a block, each with its kind, and the kind its wrapper gives the block."""
    text = one_line(block.text)
    while (group := trailing_group(text)) and not group[0]:
        text = group[1]
    wrapped = _JA_WRAPPER.match(text) or _JA_PREFIX.match(text)
    if wrapped:
        kind = NameKind.FORMER if wrapped.group(1) in _FORMER_WORDS else kind
        text = text[wrapped.end() :]
    marker = MARKER.search(text)
    if marker:
        head = text[: marker.start()].rstrip()
        rest = text[marker.end() :].strip()
        if head.endswith("(") and rest.endswith(")"):
            head, rest = head[:-1].rstrip(), rest[:-1].rstrip()
        while (group := trailing_group(rest)) and not group[0]:
            rest = group[1]
        if split_enumeration(rest):
            first = marker_kind(marker.group(1), kind)
            items = [(p, kind) for p in split_top(head, ";")] if head else []
            return items + [_strip_marker(i, first) for i in split_enumeration(rest) or []], kind
    enumerated = split_enumeration(text)
    if enumerated:
        return [_strip_marker(i, kind) for i in enumerated if _strip_marker(i, kind)[0]], kind
    if MARKER.search(text):
        return _by_markers(text, kind), kind
    if ";" in text:
        return [(p, kind) for p in split_top(text, ";")], kind
    if block.side == "ja" and (wrapped or "、" in text or _INLINE_KIND.search(text)):
        text = _INLINE_KIND.sub(r"、\1、", re.sub(r"及び(?![^()]*\))", "、", text))
        return _kinded(split_top(text, "、"), kind), kind
    return [(text, kind)], kind


def _kinded(parts: list[str], kind: NameKind) -> list[tuple[str, NameKind]]:
    """Names in a Japanese list where 旧称/別称 switch the kind of the names after them:
    "(旧称、A、別称、B、C)", "A、旧称:B"."""
    out: list[tuple[str, NameKind]] = []
    current = kind
    for part in parts:
        m = _KIND_WORD.match(part)
        if m:
            former = m.group(1) in _FORMER_WORDS
            current = NameKind.FORMER if former else (NameKind.ALIAS if kind is NameKind.FORMER else kind)
            part = part[m.end() :].strip()
        if part:
            out.append((part, current))
    return out


def _by_markers(text: str, kind: NameKind) -> list[tuple[str, NameKind]]:
    items: list[tuple[str, NameKind]] = []
    marks = list(MARKER.finditer(text))
    head = text[: marks[0].start()].strip(" ;,(")
    if head:
        items.extend((p, kind) for p in split_top(head, ";"))
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        body = text[m.end() : nxt.start() if nxt else len(text)].strip(" ;,")
        if body.endswith(")") and _balance(body) < 0:  # "IMU (a.k.a.: IMU)"
            body = body[:-1].rstrip(" ;,")
        items.extend((p, marker_kind(m.group(1), kind)) for p in split_top(body, ";") if p)
    return items


def _strip_marker(item: str, kind: NameKind) -> tuple[str, NameKind]:
    m = MARKER.match(item)
    if m:
        return item[m.end() :].strip(), marker_kind(m.group(1), kind)
    return item.strip(), kind
