"""Finding occupied regions of Ukraine in free-text addresses.

"ul. Pushkina 5, Simferopol", "г. Донецк, ДНР", "ヘルソン州ノヴァ・カホフカ": an address names a
region or a city in Latin, Russian, Ukrainian or Japanese script. :func:`detect_places`
returns the regions found (ISO 3166-2 ids such as ``UA-43``) with the words that gave them
away and how certain the match is; the names live in
``seisai/data/places/occupied_ukraine.yml`` (see its header for the conventions).

A match is ``definite`` when the place is wholly occupied (Crimea, Sevastopol, a city held by
Russia, the self-proclaimed "DPR"/"LPR") and ``possible`` when it is only partly so (an
oblast name alone, a government-controlled city of an oblast a measure covers).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

DEFINITE = "definite"
POSSIBLE = "possible"

_APOSTROPHES = str.maketrans({"’": "", "ʼ": "", "'": "", "`": "", "´": "", "‘": ""})
_KANA_FOLD = (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"), ("ヂ", "ジ"), ("ヅ", "ズ"))
_KATAKANA = "\u30a1-\u30fa"


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A region found in a text: its id, the words matched, and how certain it is."""

    region: str
    region_name: str
    matched: str
    kind: str  # "region" or "city"
    certainty: str  # DEFINITE or POSSIBLE

    def describe(self) -> str:
        """``'Simferopol' (city) -> UA-43 Autonomous Republic of Crimea, definite``."""
        return f"{self.matched!r} ({self.kind}) -> {self.region} {self.region_name}, {self.certainty}"


@dataclass(frozen=True, slots=True)
class _Alias:
    key: str  # normalized form
    name: str  # as written in the data file
    regions: tuple[str, ...]
    kind: str
    certainty: str
    unless: tuple[str, ...]


def normalize_place_text(text: str) -> str:
    """Fold case, accents, apostrophes, hyphens and katakana spelling variants; keep words."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    text = text.replace("ー", "").replace("・", "").replace("゠", "")
    for kana, plain in _KANA_FOLD:
        text = text.replace(kana, plain)
    # Drop Latin-style accents (U+0300..U+036F) but not the kana voicing marks.
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not "\u0300" <= c <= "\u036f")
    text = unicodedata.normalize("NFC", text).replace("ё", "е")
    text = re.sub(r"[\s\-‐‑–—_.,;:/()\[\]«»\"“”]+", " ", text)
    return text.strip()


def _is_japanese(key: str) -> bool:
    return any("\u3040" <= c <= "\u9fff" for c in key)


@cache
def _data() -> dict[str, Any]:
    text = resources.files("seisai.data").joinpath("places/occupied_ukraine.yml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def region_ids() -> frozenset[str]:
    """Every region id known to place detection."""
    return frozenset(_data()["regions"])


@cache
def region_names() -> dict[str, str]:
    """Region id -> English name."""
    return {rid: str(r["name"]) for rid, r in _data()["regions"].items()}


def _entries(items: list[Any]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    out = []
    for item in items:
        if isinstance(item, dict):
            unless = tuple(normalize_place_text(str(u)) for u in item.get("unless", ()))
            out.append((str(item["name"]), unless, tuple(item.get("also", ()))))
        else:
            out.append((str(item), (), ()))
    return out


@cache
def _aliases() -> dict[str, list[_Alias]]:
    table: dict[str, list[_Alias]] = {}
    for rid, region in _data()["regions"].items():
        groups = [
            ("region", region.get("names", []), str(region["certainty"])),
            ("region", region.get("definite_names", []), DEFINITE),
        ]
        for city in region.get("cities", []):
            certainty = DEFINITE if city["status"] == "occupied" else POSSIBLE
            groups.append(("city", city["names"], certainty))
        for kind, names, certainty in groups:
            for name, unless, also in _entries(names):
                key = normalize_place_text(name)
                alias = _Alias(key, name, (rid, *also), kind, certainty, unless)
                table.setdefault(key, []).append(alias)
    return table


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    keys = sorted(_aliases(), key=len, reverse=True)
    words = "|".join(re.escape(k) for k in keys if not _is_japanese(k))
    kana = "|".join(re.escape(k) for k in keys if _is_japanese(k))
    return (
        re.compile(rf"(?<!\w)(?:{words})(?!\w)"),
        re.compile(rf"(?<![{_KATAKANA}])(?:{kana})(?![{_KATAKANA}])"),
    )


def _has_word(text: str, word: str) -> bool:
    if _is_japanese(word):
        return word in text
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


@lru_cache(maxsize=8192)
def detect_places(text: str | None) -> tuple[PlaceMatch, ...]:
    """The occupied regions named in ``text``, one match per region (the most certain).

    Longer names win over names they contain ("Donetsk Oblast" over "Donetsk"); a name
    whose ``unless`` words appear in the text is skipped. Returns ``()`` for empty text.

    >>> [m.region for m in detect_places("ul. Lenina 1, Simferopol, Crimea")]
    ['UA-43']
    """
    if not text:
        return ()
    norm = normalize_place_text(text)
    found: dict[str, PlaceMatch] = {}
    names = region_names()
    for pattern in _patterns():
        for hit in pattern.finditer(norm):
            for alias in _aliases()[hit.group(0)]:
                if any(_has_word(norm, u) for u in alias.unless):
                    continue
                for rid in alias.regions:
                    match = PlaceMatch(rid, names[rid], alias.name, alias.kind, alias.certainty)
                    old = found.get(rid)
                    if old is None or (old.certainty == POSSIBLE and match.certainty == DEFINITE):
                        found[rid] = match
    return tuple(sorted(found.values(), key=lambda m: m.region))
