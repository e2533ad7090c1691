"""Text helpers for Japanese list cells: normalisation, placeholders, enumerations, brackets.

Every cell is first put through :func:`norm` (NFKC: full-width letters, digits and brackets
become ASCII, the ideographic space a plain space), so the other helpers only deal with
ASCII brackets and separators.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from seisai.text.scripts import Script, char_script

# Cells that say "nothing known" rather than give a value.
PLACEHOLDERS = frozenset(
    {"不明", "なし", "無し", "該当なし", "不詳", "unknown", "n/a", "na", "none", "-", "ー", "―", "–", "—"}
)
JAPANESE_SCRIPTS = frozenset({Script.KATAKANA, Script.HIRAGANA, Script.HAN})

_ENUM = re.compile(r"\(\s*([a-z]{1,2}|[ivx]{1,5}|[A-Z])\s*\)")  # "(C)" for "(c)" happens
_FORMAT_CHARS = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")  # bidi marks, zero widths
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_ROMAN.update({"xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15})
_CJK_EDGE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆〇]")


def norm(value: object) -> str:
    """A cell as clean text: NFKC, ``©`` read as ``(c)``, spaces collapsed within each line.

    Newlines are kept (they separate stacked values); blank lines are dropped. Dates and
    numbers from the workbook are written the way the publisher writes them
    (``2022.3.1``, ``12``).
    """
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.year}.{value.month}.{value.day}"
    if isinstance(value, float):
        value = int(value) if value.is_integer() else value
    text = unicodedata.normalize("NFKC", str(value)).replace("©", "(c)").replace("\r", "\n")
    text = _FORMAT_CHARS.sub("", text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """Join the lines of a cell: no space between two Japanese characters, one otherwise."""
    out = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if out and not (_CJK_EDGE.match(out[-1]) and _CJK_EDGE.match(line[0])):
            out += " "
        out += line
    return out


def is_placeholder(text: str) -> bool:
    """True for a cell that holds only a "not known" marker (不明, なし, unknown, -)."""
    return text.strip(" .。()").casefold() in PLACEHOLDERS or not text.strip()


def is_japanese(text: str) -> bool:
    """True when ``text`` has kana or kanji."""
    return any(char_script(c) in JAPANESE_SCRIPTS for c in text)


def has_latin(text: str) -> bool:
    """True when ``text`` has at least one Latin letter."""
    return any(char_script(c) is Script.LATIN for c in text)


def _enum_index(label: str, roman: bool) -> int:
    if roman:
        return _ROMAN.get(label, 0)
    if len(label) == 1:
        return ord(label) - ord("a") + 1
    return 0


def split_enumeration(text: str) -> list[str] | None:
    """Split "(a) X (b) Y" (or "(i) X (ii) Y") into its items; ``None`` when not enumerated.

    Only markers that continue the sequence split the text, so "(c)" inside an item that
    follows "(e)" stays, and a lone "(x)" in a name is not taken for a marker. Text before
    the first marker is kept as its own item when it is not blank.
    """
    found = list(_ENUM.finditer(text))
    if not found:
        return None
    first = found[0].group(1).lower()
    if first not in {"a", "i"}:
        return None
    roman = first == "i" and not any(m.group(1).lower() == "b" for m in found)
    cuts: list[re.Match[str]] = []
    expected = 1
    for m in found:
        if _enum_index(m.group(1).lower(), roman) == expected:
            cuts.append(m)
            expected += 1
    if not cuts or (len(cuts) < 2 and text[: cuts[0].start()].strip()):
        return None
    items = [text[: cuts[0].start()]]
    for m, nxt in zip(cuts, [*cuts[1:], None], strict=True):
        items.append(text[m.end() : nxt.start() if nxt else len(text)])
    return [i.strip(" \n,、;") for i in items if i.strip(" \n,、;")]


def split_top(text: str, seps: str) -> list[str]:
    """Split ``text`` on any character of ``seps`` that is outside brackets and quotes."""
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "([「『“":
            depth += 1
        elif char in ")]」』”" and depth:
            depth -= 1
        if char in seps and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def trailing_group(text: str) -> tuple[str, str] | None:
    """``("base", "content")`` when ``text`` ends with a bracketed group "base (content)"."""
    text = text.rstrip()
    if not text.endswith(")"):
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return text[:i].rstrip(), text[i + 1 : -1].strip()
    return None


def strip_groups(text: str) -> tuple[str, list[str]]:
    """Remove every top-level bracketed group; returns the rest and the groups' contents."""
    rest = ""
    groups: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char == "(":
            if depth:
                current += char
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth:
                current += char
            else:
                groups.append(current.strip())
                current = ""
        elif depth:
            current += char
        else:
            rest += char
    if depth:  # an unclosed bracket: keep its text as it is
        rest += "(" + current
    return " ".join(rest.split()), groups
