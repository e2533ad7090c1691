"""The phonetic key: the spelling-independent form names are indexed and compared on.

Rules are data (``seisai/data/text/phonetic.yml``). The key folds the differences between
transliteration systems (Yevgeny / Evgeny / Evgenii / Jevgenij), Hepburn and Kunrei
(shi / si, tsu / tu), and the vowels katakana adds after consonants, so that the Latin read
back from ウラジーミル・プーチン meets "Vladimir Putin". It is deliberately coarse: it finds
candidates and scores cross-script pairs; same-script pairs are also compared on their
exact folded spelling.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from seisai.text.tables import load_table


@cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    data = load_table("text", "phonetic.yml")
    return tuple((re.compile(pattern), repl) for pattern, repl in data["rules"])


@cache
def _skeleton_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    data = load_table("text", "phonetic.yml")
    return tuple((re.compile(pattern), repl) for pattern, repl in data["skeleton_rules"])


@lru_cache(maxsize=200_000)
def phonetic_key(token: str) -> str:
    """The phonetic key of one lower-case ASCII token (``"vladimir"`` -> ``"vrazimir"``).

    Digits are kept as they are; an empty token gives an empty key.
    """
    if not token.isalpha():
        return token
    key = token
    for pattern, repl in _rules():
        key = pattern.sub(repl, key)
    return key or token[:1]


@cache
def _spelling_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    data = load_table("text", "phonetic.yml")
    return tuple((re.compile(pattern), repl) for pattern, repl in data["spelling_rules"])


@lru_cache(maxsize=200_000)
def spelling_key(token: str) -> str:
    """The spelling key of one lower-case ASCII token: transliteration systems folded, sounds
    kept (``"yevgeniy"`` and ``"jewgenij"`` -> ``"evgeni"``; ``"pavlova"`` stays apart from
    ``"lavrova"``). Digits are kept as they are."""
    if not token.isalpha():
        return token
    key = token
    for pattern, repl in _spelling_rules():
        key = pattern.sub(repl, key)
    return key or token[:1]


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """The consonant skeleton of a lower-case ASCII token, for abjad scripts (hussein -> hsn).

    A token of vowels only keeps its first letter.
    """
    if not token.isalpha():
        return token
    key = token
    for pattern, repl in _skeleton_rules():
        key = pattern.sub(repl, key)
    return key or token[:1]


@cache
def _alternatives() -> tuple[tuple[re.Pattern[str], str], ...]:
    data = load_table("text", "phonetic.yml")
    return tuple((re.compile(str(a)), str(b)) for a, b in data["latin_alternatives"])


def latin_alternatives(token: str) -> list[str]:
    """Other spellings of a Latin token for the same sounds (nouri -> nuri, khan -> kan,
    shamalow -> shamalov)."""
    found = []
    for pattern, new in _alternatives():
        other = pattern.sub(new, token)
        if other != token:
            found.append(other)
    return found
