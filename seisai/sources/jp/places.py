"""Places, addresses and countries in Japanese list cells.

Japanese cells name countries at the start ("北朝鮮平壌特別市", "中華人民共和国遼寧省丹東市"), in
brackets at the end ("モスクワ（ロシア）"), or Western style at the end of an address
("..., Moscow, 125212, Russia"). Long official forms ("ルワンダ共和国", "サウディ・アラビア")
are tried without the middle dot and without the form word (共和国, 王国...).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from seisai.geo.countries import country_code, find_countries
from seisai.model import Address
from seisai.sources.jp.text import (
    is_japanese,
    is_placeholder,
    norm,
    one_line,
    split_enumeration,
    split_top,
)

_FORM_WORDS = re.compile(r"(民主共和国|人民共和国|共和国|連邦|王国|首長国|国)$")
_ALTERNATIVE = re.compile(r"、?\s*(?:又は|または)\s*、?|\s+or\s+")
_ADDRESS_SEP = re.compile(r";\s*(?:and\s+)?")


@cache
def _extra_names() -> dict[str, str]:
    """Spellings of country names met in Japan's lists (``seisai/data/sources/jp_countries.yml``)."""
    text = resources.files("seisai.data.sources").joinpath("jp_countries.yml").read_text("utf-8")
    table: dict[str, str] = {}
    for code, names in (yaml.safe_load(text) or {}).items():
        for name in names:
            table[_key(str(name))] = str(code)
    return table


def _key(name: str) -> str:
    return " ".join(norm(name).casefold().replace("・", "").split())


def _code(name: str) -> str | None:
    return _extra_names().get(_key(name)) or country_code(name)


def _variants(name: str) -> list[str]:
    name = name.strip(" 、,.。()")
    out = [name]
    for candidate in (name.replace("・", ""), _FORM_WORDS.sub("", name)):
        if candidate and candidate not in out:
            out.append(candidate)
    bare = _FORM_WORDS.sub("", name.replace("・", ""))
    if bare and bare not in out:
        out.append(bare)
    return out


def country_in(text: str | None) -> str | None:
    """The ISO code of the country a short text names, or ``None`` (never raises).

    Tries the whole text, its bracketed tail, its last comma-separated part, and for
    Japanese text the longest leading run that is a country name.
    """
    if not text:
        return None
    text = norm(text).strip()
    if not text or is_placeholder(text):
        return None
    for name in _variants(text):
        if code := _code(name):
            return code
    for inner in reversed(re.findall(r"\(([^()]+)\)", text)):
        for name in _variants(inner):
            if code := _code(name):
                return code
    parts = [p.strip() for p in re.split(r"[、,]", re.sub(r"\([^()]*\)", "", text)) if p.strip()]
    if len(parts) >= 2 and (code := _code(", ".join(parts[-2:]))):
        return code  # "Hong Kong, China"
    for part in reversed(parts[1:]):
        for name in _variants(part):
            if code := _code(name):
                return code
    if not is_japanese(text):
        found = find_countries(text)
        return found[0] if found else None
    return _leading_country(text)


def _leading_country(text: str) -> str | None:
    head = re.split(r"[、,(]", text, maxsplit=1)[0].replace("・", "")
    for end in range(min(len(head), 14), 1, -1):
        for name in _variants(head[:end]):
            if len(name) >= 2 and (code := _code(name)):
                return code
    return None


def split_places(value: object) -> list[str]:
    """The places in a birth-place cell: enumerated items and "X 又は Y" alternatives."""
    text = norm(value)
    if is_placeholder(text):
        return []
    out: list[str] = []
    for item in split_enumeration(text) or [text]:
        for part in _ALTERNATIVE.split(one_line(item)):
            part = part.strip(" 、,;")
            if part and not is_placeholder(part) and part not in out:
                out.append(part)
    return out


def read_addresses(value: object) -> list[Address]:
    """The addresses in a cell ("X; and Y", "(a) X (b) Y", "X；Y"), each with its country."""
    text = norm(value)
    if is_placeholder(text):
        return []
    items = split_enumeration(text) or [text]
    out: list[Address] = []
    for item in items:
        for part in split_top(_ADDRESS_SEP.sub(";", one_line(item)), ";"):
            part = part.strip(" ,.;")
            if not part or is_placeholder(part):
                continue
            address = Address(part, country_in(part))
            if address not in out:
                out.append(address)
    return out
