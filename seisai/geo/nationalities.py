"""Nationalities and citizenships as the lists write them, to ISO alpha-2 codes.

A nationality cell is rarely a clean country name: the UK and Australian lists write
"Russian", "Afghan", "Russian and Ukrainian", "Ukrainian SSR (now Ukraine)", "Former USSR
Currently Belarus" or "Russian Federation (as at November 2010)". :func:`nationality_codes`
reads all of these with :func:`~seisai.geo.countries.country_code` plus a table of
adjectives (``seisai/data/geo/demonyms.yml``), and reports the parts it could not read so
that a parser can keep them as text rather than lose them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

import yaml

from seisai.geo.countries import _key, country_code

_NOW = re.compile(r"\b(?:now|currently)\s+(?:the\s+)?([^()]+)", re.I)
_PAREN = re.compile(r"\([^()]*\)?")
_SPLIT = re.compile(r"\s*(?:[;/,]|\.\s|\band\b|\bor\b)\s*", re.I)
_QUALIFIERS = re.compile(
    r"^(?:formerly|former|possibly|probably|reportedly|alt(?:ernative)?\s+citizenship|citizen\s+of)\s+",
    re.I,
)
# Soviet republics name their present-day successor: "Kazakh SSR" -> Kazakhstan.
_SOVIET = re.compile(r"\s+(?:A?SSR|SFSR|(?:Autonomous\s+)?Soviet\s+(?:Federative\s+)?Socialist\s+Republic)$", re.I)


@cache
def _demonyms() -> dict[str, str]:
    text = resources.files("seisai.data.geo").joinpath("demonyms.yml").read_text("utf-8")
    table: dict[str, str] = {}
    for code, names in (yaml.safe_load(text) or {}).items():
        for name in names:
            table[_key(str(name))] = str(code)
    return table


@cache
def nationality_code(name: str | None) -> str | None:
    """The code for one country name or nationality adjective ("Russian" -> ``ru``), or ``None``."""
    if not name:
        return None
    return country_code(name) or _demonyms().get(_key(name))


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split()).strip(" .,;:-")


def _one(text: str) -> str | None:
    text = _QUALIFIERS.sub("", _clean(text))
    if not text:
        return None
    return nationality_code(text) or nationality_code(_SOVIET.sub("", text))


def nationality_codes(text: str | None) -> tuple[list[str], list[str]]:
    """Codes of the countries a nationality cell names, and the parts that were not understood.

    The present-day country wins over a historical one ("Ukrainian SSR (now Ukraine)" gives
    only ``ua``); parenthesised remarks are ignored ("Iraq (previous address)"); several
    nationalities may be joined by "and", "or", commas, semicolons or slashes. Returns
    ``([], [part])`` for what is not recognised, ``([], [])`` for a blank cell.
    """
    codes, unknown = _nationality_codes(_clean(text or ""))
    return list(codes), list(unknown)


@cache
def _nationality_codes(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not text:
        return (), ()
    whole = _one(text)
    if whole:
        return (whole,), ()
    current = [code for m in _NOW.finditer(text) if (code := _one(m.group(1)))]
    if current:
        return tuple(dict.fromkeys(current)), ()
    bare = _clean(_PAREN.sub(" ", text))
    if bare and (code := _one(bare)):
        return (code,), ()
    codes: list[str] = []
    unknown: list[str] = []
    for part in _SPLIT.split(bare or text):
        part = _clean(part)
        if not part:
            continue
        code = _one(part)
        if code is None:
            unknown.append(part)
        elif code not in codes:
            codes.append(code)
    return tuple(codes), tuple(unknown)
