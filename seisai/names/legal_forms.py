"""Legal forms (株式会社, (株), ㈱, ООО, OOO, ПАО, PJSC, LLC, GmbH...) found anywhere in a name.

The table is ``seisai/data/names/legal_forms.yml``. Latin and Cyrillic forms are matched as
whole words, so "co" is found in "Sberbank Co" but not in "Cobalt"; Japanese and Chinese
forms are matched as substrings, so 株式会社 is found in 株式会社ロスオボロンエクスポルト
as well as in トヨタ自動車 株式会社. Forms of two letters or fewer (AO, AG, SA, CO) count only
at the start or the end of the name, where legal forms stand.
"""

from __future__ import annotations

import re
from functools import cache

from seisai.text.tables import load_table


@cache
def _forms() -> tuple[tuple[str, str, bool], ...]:
    """(form, class, is_substring) sorted longest first, forms case-folded."""
    classes = load_table("names", "legal_forms.yml")["classes"]
    out = []
    for cls, forms in classes.items():
        for form in forms:
            text = str(form).casefold()
            substring = not re.search(r"[a-z0-9а-яёіїєґў]", text)  # Japanese, Chinese, ㈱
            out.append((text, str(cls), substring))
    return tuple(sorted(out, key=lambda f: -len(f[0])))


@cache
def _compatible() -> dict[str, frozenset[str]]:
    groups = load_table("names", "legal_forms.yml")["compatible"]
    result: dict[str, frozenset[str]] = {}
    for group in groups:
        for cls in group:
            result[str(cls)] = frozenset(str(c) for c in group)
    return result


def compatible(a: str, b: str) -> bool:
    """True when two legal-form classes may stand for one another (JSC and PJSC)."""
    return a == b or b in _compatible().get(a, frozenset())


def _word_pattern(form: str) -> re.Pattern[str]:
    """Whole words; an ASCII form may also touch letters of another script (ランバー・マリンSA)."""
    if form.isascii():
        return re.compile(r"(?<![a-z0-9])" + re.escape(form) + r"(?![a-z0-9])")
    return re.compile(r"(?<![\w])" + re.escape(form) + r"(?![\w])")


@cache
def _pattern(form: str) -> re.Pattern[str]:
    return _word_pattern(form)


@cache
def _zengin() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {str(k): str(v) for k, v in load_table("names", "legal_forms.yml")["zengin"].items()}
    alts = "|".join(sorted((re.escape(k) for k in table), key=len, reverse=True))
    pattern = re.compile(rf"^\(?({alts})\)|\(({alts})\)?$|\(({alts})\)")
    return pattern, table


def _strip_zengin(text: str, found: set[str]) -> str:
    pattern, table = _zengin()

    def repl(m: re.Match[str]) -> str:
        found.add(table[next(g for g in m.groups() if g)])
        return " "

    return pattern.sub(repl, text)


def find_legal_forms(text: str) -> tuple[str, frozenset[str]]:
    """``text`` without its legal forms, and the classes found (``"LLC"``, ``"KK"``...).

    The input should already be cleaned (NFKC); matching ignores case. When removing the
    forms would leave nothing, the text is returned unchanged with the classes found.
    """
    found: set[str] = set()
    folded = _strip_zengin(text.strip(), found).casefold()
    for form, cls, substring in _forms():
        if form not in folded:
            continue
        if substring:
            folded = folded.replace(form, " ")
            found.add(cls)
            continue
        pattern = _pattern(form)
        for m in list(pattern.finditer(folded)):
            if len(form) <= 2 and not _at_edge(folded, m.start(), m.end()):
                continue
            folded = folded[: m.start()] + " " * (m.end() - m.start()) + folded[m.end() :]
            found.add(cls)
    rest = " ".join(folded.split())
    if not found:
        return text, frozenset()
    if not re.search(r"\w", rest):
        return text, frozenset(found)
    return rest, frozenset(found)


def _at_edge(text: str, start: int, end: int) -> bool:
    before = text[:start].strip(" ,.()\"'«»“”")
    after = text[end:].strip(" ,.()\"'«»“”")
    return not before or not after
