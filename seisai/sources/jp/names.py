"""Names in Japanese list cells: variants, acronyms, annotations and original-script names.

One name as MOF writes it can carry several:

- token alternatives: "Sergei(Sergey) NARYSHKIN", "アンドリー(アンドレイ)・プルギン(プルヒン)",
  "Vasyl(Vasily/Vasiliy) NIKITIN" (Ukrainian and Russian spellings of one person). The
  first spelling of every token is the listed name; the other combinations are aliases;
- a trailing acronym or other name: "Abu Nidal Organisation (ANO)",
  "Shining Path (SL) (Sendero Luminoso)", "Mahrukat Company (The Syrian Company for ...)";
- annotations, which are not names: "(自称)", "(birth name)", "(コールサイン)", "(NGO)",
  "(ティグリニャ語)", "Self-proclaimed", and prose in hiragana;
- the name in the subject's own script: "(original script: محمد لكحل)".

:func:`name_forms` reads one such name; :mod:`seisai.sources.jp.aliases` reads whole cells.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from seisai.model import NameKind
from seisai.sources.jp.text import has_latin, is_japanese, is_placeholder, split_top, trailing_group
from seisai.text.scripts import Script, char_script

MAX_VARIANTS = 16

_ORIGINAL = re.compile(r"\(\s*original\s*sc\w*\s*[::]\s*([^()]*?)\s*\)", re.I)
_TOKEN_ALT = re.compile(r"(?P<word>[^\s()・/、,;「」“”\"]+)(?P<gap>\s?)\((?P<alts>[^()]+)\)")
_ANNOTATION = re.compile(
    r"^(?:自称|誕生名|通称|旧姓|コールサイン|call\s*sign|birth\s*name|maiden\s*name|nickname|"
    r"ngo|非政府組織|formerly|previously|リスト掲載時点|.*語|【.*】|.*支店|.*branch|.*時|"
    r"(?:dob|pob|生年月日|出生地)\b.*)$",
    re.I,
)
_INCLUDING = re.compile(r"^including\s+(.+)$|^(.+?)を含む$", re.I)
_KIND_PREFIX = re.compile(r"^(?:(旧称|旧姓|旧名|別称|別名)\s*[:：、]|([af])\.\s?k\.\s?a\s?\.?\s*:?)\s*", re.I)
_SELF_PROCLAIMED = re.compile(r"^self[- ]proclaimed\s+", re.I)
_LENTICULAR = re.compile(r"【[^】]*】")  # 【アラビア語】: a remark on the name
_QUOTES = "「」『』“”\"'‘’"
_LEGAL_FORM = re.compile(r"\b(?:ltd|llc|inc|co|corp|limited|company|jsc|ojsc|pjsc|ooo|zao|oao|gmbh|sa|fze|fzc|llp)\b\.?", re.I)


@dataclass(frozen=True)
class NameItem:
    """One name read from a cell, with its kind and the language the list gives it in."""

    value: str
    kind: NameKind
    lang: str | None = None


@dataclass
class NameForms:
    """What one written name holds: the listed form, its variants and any annotations."""

    primary: str | None = None
    variants: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # acronyms and other names in brackets
    former: list[str] = field(default_factory=list)  # "(旧称:ノセンコ)", "(f.k.a. Nosenko)"
    original: list[str] = field(default_factory=list)  # original-script names
    notes: list[str] = field(default_factory=list)


def is_hiragana_prose(text: str) -> bool:
    """True when ``text`` has hiragana: a remark in Japanese prose, not a name."""
    return any(char_script(c) is Script.HIRAGANA for c in text)


def is_annotation(content: str) -> bool:
    """True for bracketed text that annotates a name rather than giving another one."""
    content = content.strip()
    bare = re.sub(r"\s*\([^()]*\)", "", content).strip()
    if not content or _ANNOTATION.match(content) or (bare and _ANNOTATION.match(bare)):
        return True
    if re.search(r"\d{3,4}\s*年|\d+月|born\b|son of|daughter of", content, re.I):
        return True
    prose = is_hiragana_prose(content) and (len(content) >= 8 or bool(re.search(r"[、。\d]", content)))
    return prose and not _INCLUDING.match(content)


def acronym_like(text: str) -> bool:
    """True for a short code such as "ANO", "ISIL-SEA", "GosNIIMash", "M23"."""
    return bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.\-&/]{1,14}", text)) and any(c.isupper() or c.isdigit() for c in text)


def clean_name(text: str) -> str:
    """Strip quotes, bullets and stray punctuation around a name."""
    text = " ".join(_LENTICULAR.sub(" ", text).split())
    if is_japanese(text):
        text = re.sub(r"\s*・\s*", "・", text)  # "タチヤーナ ・モスカリコヴァ"
    text = text.strip(" ,;、。:").lstrip("-–—・*").strip()
    if text.count(")") > text.count("(") and text.endswith(")"):
        text = text[:-1].rstrip()
    if text.count("(") > text.count(")") and text.startswith("("):
        text = text[1:].lstrip()
    if len(text) > 2 and text[0] in _QUOTES and text[-1] in _QUOTES or text.count("「") == 1 and text.startswith("「") and text.endswith("」"):
        text = text[1:-1].strip()
    text = re.sub(r"^(?:and|及び)\s+", "", text)
    return text.rstrip(" .;,") if not text.endswith(("Co.", "Ltd.", "Inc.", "Corp.", "L.L.C.")) else text


def extract_original(text: str) -> tuple[str, list[str]]:
    """Remove "(original script: ...)" from ``text``; returns the rest and the names found."""
    found = [m.group(1).strip() for m in _ORIGINAL.finditer(text)]
    rest = _ORIGINAL.sub(" ", text)
    return " ".join(rest.split()), [f for f in found if f and not is_placeholder(f)]


def _is_token_alternative(text: str, person: bool) -> bool:
    """True when ``text`` ends with alternatives for its last word: "PURGIN(PURHIN)"."""
    matches = list(_TOKEN_ALT.finditer(text))
    m = matches[-1] if matches else None
    if m is None or m.end() != len(text.rstrip()):
        return False
    alts = [a.strip() for a in re.split(r"[/、,]", m.group("alts")) if a.strip()]
    if not alts or any(" " in a or is_annotation(a) or acronym_like(a) and a.isupper() and not person for a in alts):
        return False
    if any(_KIND_PREFIX.match(a) for a in alts):
        return False
    if any(is_japanese(a) != is_japanese(m.group("word")) for a in alts):
        return False  # "オマリ(Omari)": the name in Latin, not another spelling
    if person:
        return True
    return not m.group("gap") and all(ratio(m.group("word").casefold(), a.casefold()) >= 60 for a in alts)


def _token_alternatives(text: str, person: bool) -> list[list[str]] | None:
    """Split ``text`` into literal parts and alternative slots; ``None`` when there are none."""
    slots: list[list[str]] = []
    pos = 0
    for m in _TOKEN_ALT.finditer(text):
        word, alts = m.group("word"), [a.strip() for a in re.split(r"[/、,]", m.group("alts"))]
        alts = [a for a in alts if a]
        if not alts or any(" " in a or is_annotation(a) or is_japanese(a) != is_japanese(word) for a in alts):
            continue
        if any(_KIND_PREFIX.match(a) for a in alts):
            continue
        if not person:
            similar = all(ratio(word.casefold(), a.casefold()) >= 60 for a in alts)
            if m.group("gap") or not similar:
                continue
        slots.append([text[pos : m.start()]])
        slots.append([word, *alts])
        pos = m.end()
    if not slots:
        return None
    slots.append([text[pos:]])
    return slots


def expand_alternatives(text: str, person: bool) -> list[str]:
    """Every spelling of a name with token alternatives; the first is the listed one.

    At most :data:`MAX_VARIANTS` combinations are made; past that, the i-th alternative
    of every token is taken together.
    """
    slots = _token_alternatives(text, person)
    if slots is None:
        return [text]
    total = 1
    for slot in slots:
        total *= len(slot)
    if total <= MAX_VARIANTS:
        combos = list(itertools.product(*slots))
    else:
        width = max(len(s) for s in slots)
        combos = [tuple(s[i] if i < len(s) else s[0] for s in slots) for i in range(width)]
    out: list[str] = []
    for combo in combos:
        value = " ".join("".join(combo).split())
        if value not in out:
            out.append(value)
    return out


def _split_alias_content(content: str) -> list[str]:
    """The names in bracketed alias text: "ISIL-SEA、ISIL東南アジア", "A/B" (when not a code)."""
    parts = split_top(content, "、;")
    if len(parts) == 1 and "," in content and not _LEGAL_FORM.search(content):
        pieces = split_top(content, ",")
        if all(len(p.split()) <= 4 for p in pieces):
            parts = pieces
    out: list[str] = []
    for part in parts:
        pieces = part.split("/")
        if len(pieces) > 1 and all(len(p.strip()) >= 3 for p in pieces) and not acronym_like(part):
            out.extend(p.strip() for p in pieces)
        else:
            out.append(part)
    return out


def name_forms(text: str, person: bool) -> NameForms:
    """Read one written name (see the module docstring for the forms it understands)."""
    forms = NameForms()
    text, forms.original = extract_original(text)
    if _SELF_PROCLAIMED.match(text):
        forms.notes.append("self-proclaimed")
        text = _SELF_PROCLAIMED.sub("", text)
    forms.notes.extend(m.strip("【】") for m in _LENTICULAR.findall(text))
    while group := trailing_group(text):
        base, content = group
        if not base:
            text = _whole_in_brackets(content, person, forms)
            continue
        if _is_token_alternative(text, person):
            break
        text = base
        if is_annotation(content):
            forms.notes.append(content)
            continue
        if prefix := _KIND_PREFIX.match(content):  # "(旧称:ノセンコ)", "(f.k.a. Nosenko)"
            word, letter = prefix.group(1) or "", (prefix.group(2) or "").lower()
            target = forms.former if word.startswith("旧") or letter == "f" else forms.extra
            target.append(_with_surname(base, clean_name(content[prefix.end() :]), person))
            continue
        m = _INCLUDING.match(content)
        content = (m.group(1) or m.group(2)) if m else content
        for piece in _split_alias_content(content):
            sub = name_forms(piece, person)
            forms.extra.extend(v for v in [sub.primary, *sub.variants, *sub.extra] if v)
            forms.notes.extend(sub.notes)
    text = clean_name(text)
    if not text or is_placeholder(text):
        return forms
    spellings = expand_alternatives(text, person)
    if person and len(spellings) == 1 and "(" in text:
        stripped = re.sub(r"\s*\([^()]*\)", "", text)  # a remark inside a person's name
        if stripped and stripped != text:
            forms.notes.extend(re.findall(r"\(([^()]*)\)", text))
            spellings = [clean_name(stripped)]
    forms.primary, forms.variants = spellings[0], spellings[1:]
    return forms


def _with_surname(base: str, named: str, person: bool) -> str:
    """A person's former surname alone ("(旧姓:ゴゴレヴァ)") replaces the last part of the name."""
    if not person or re.search(r"[\s・]", named):
        return named
    parts = re.split(r"(\s+|・)", clean_name(re.sub(r"\s*\([^()]*\)", "", base)))
    return "".join([*parts[:-1], named]) if len(parts) > 1 else named


def _whole_in_brackets(content: str, person: bool, forms: NameForms) -> str:
    """A name written wholly in brackets; a list of names there gives the others as aliases."""
    parts = split_top(content, "、;")
    for part in parts[1:]:
        sub = name_forms(part, person)
        forms.extra.extend(v for v in [sub.primary, *sub.variants, *sub.extra] if v)
    return parts[0] if parts else content


def name_lang(value: str, side: str | None) -> str | None:
    """``ja`` for a name with kana or kanji, ``en`` for a Latin name from an English column
    (MOF 英語表記), else ``None``."""
    if is_japanese(value):
        return "ja"
    if side == "en" and has_latin(value):
        return "en"
    return None
