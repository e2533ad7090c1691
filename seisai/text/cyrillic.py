"""Cyrillic to Latin in the systems the sanctions lists use.

The same Russian name reaches a bank as Evgeny, Yevgeniy, Evgenii or Jevgenij depending on
the system its writer used (BGN/PCGN, ICAO passports, ISO 9, the Ukrainian and Belarusian
national systems, plain English habit). :func:`transliterate` applies one system;
:func:`latin_variants` gives the distinct results of every system that fits the text's
language, which the matcher then folds with the phonetic key. Tables live in
``seisai/data/text/cyrillic.yml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from seisai.text.tables import load_table

VOWELS = set("аеёиоуыэюяіїєъь")
_UK = set("іїєґ")
_BE = set("ў")


def _table() -> dict[str, Any]:
    data: dict[str, Any] = load_table("text", "cyrillic.yml")
    return data


def detect_language(text: str) -> str:
    """``uk``, ``be`` or ``ru`` from the letters that only one of them uses."""
    letters = set(text.casefold())
    if letters & _BE:
        return "be"
    if letters & _UK:
        return "uk" if letters & {"ї", "є", "ґ"} or "и" in letters else "be"
    return "ru"


@cache
def _system(name: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    systems = _table()["systems"]
    base = systems["bgn_pcgn"]["letters"]
    spec = systems[name]
    letters = {**base, **spec["letters"]}
    return letters, dict(spec.get("initial", {})), dict(spec.get("after_vowel", {}))


def transliterate(text: str, system: str = "bgn_pcgn") -> str:
    """``text`` with every Cyrillic letter written in Latin by ``system`` (lower case).

    Characters that are not Cyrillic are kept. Raises ``KeyError`` for an unknown system.
    """
    letters, initial, after_vowel = _system(system)
    out: list[str] = []
    prev = ""
    for char in text.casefold():
        if char in letters:
            at_start = not prev.isalpha()
            if at_start and char in initial:
                out.append(initial[char])
            elif prev in VOWELS and char in after_vowel:
                out.append(after_vowel[char])
            else:
                out.append(letters[char])
        else:
            out.append(char)
        prev = char
    return "".join(out)


def systems_for(language: str) -> list[str]:
    """The systems used for a language (``ru``, ``uk``, ``be``, ``bg``), most common first."""
    languages: dict[str, list[str]] = _table()["languages"]
    return languages.get(language, languages["ru"])


@cache
def _respellings(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = _table().get("respell_as_russian", {}).get(language, [])
    return tuple((re.compile(p), r) for p, r in rules)


def as_russian(text: str, language: str) -> str | None:
    """The Russian spelling of a Belarusian or Ukrainian word (Белаконеў -> белаконев), if any rule applies."""
    rules = _respellings(language)
    if not rules:
        return None
    word = text.casefold()
    for pattern, repl in rules:
        word = pattern.sub(repl, word)
    return word if word != text.casefold() else None


def latin_variants(text: str, lang: str | None = None) -> list[str]:
    """Every distinct Latin spelling of ``text`` under the systems of its language, and of
    its Russian spelling when it is Belarusian or Ukrainian.

    ``lang`` (an ISO 639-1 code given by the list) overrides detection.
    """
    language = lang if lang in _table()["languages"] else detect_language(text)
    seen: dict[str, None] = {}
    for system in systems_for(language or "ru"):
        seen.setdefault(transliterate(text, system), None)
    russian = as_russian(text, language or "ru")
    if russian is not None:
        seen.setdefault(transliterate(russian, "bgn_pcgn"), None)
    return list(seen)


_PLACE_ADJECTIVE = re.compile(r"(?<=[а-яё]{2})(ск|цк)(ий|ая|ое|ого|ой|ом|их|ие|ую|ым)$")


def place_of_adjective(word: str) -> list[str]:
    """Latin spellings of the place a Russian adjective in -ский is formed from, as an
    organisation's name in English gives it: Казанский -> kazan, Новосибирский ->
    novosibirsk (the stem with and without -sk). ``[]`` for any other word."""
    folded = word.casefold()
    match = _PLACE_ADJECTIVE.search(folded)
    if match is None:
        return []
    stem = folded[: match.start()]
    found: dict[str, None] = {}
    for system in ("bgn_pcgn", "english"):
        latin = transliterate(stem, system)
        found.setdefault(latin, None)
        found.setdefault(latin + "sk", None)
    return list(found)


_GENITIVE = (
    (re.compile(r"(?<=[а-яё]{2}ск)ого$"), "ий"),
    (re.compile(r"(?<=[а-яё]{2})ого$"), "ой"),
    (re.compile(r"(?<=[а-яё]{2}(?:ов|ев|ёв|ин|ын))а$"), ""),
)


def nominative_of_name(word: str) -> list[str]:
    """Latin spellings of the nominative of a surname in the genitive, as organisations
    named after a person write it (завод им. Дегтярёва = Degtyarev Plant, Гражданские
    самолёты Сухого = Sukhoi Civil Aircraft). ``[]`` for any other word."""
    folded = word.casefold()
    for pattern, ending in _GENITIVE:
        if pattern.search(folded):
            stem = pattern.sub(ending, folded)
            return list(dict.fromkeys(transliterate(stem, system) for system in ("bgn_pcgn", "icao", "english")))
    return []

