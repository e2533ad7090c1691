"""Word tables for name analysis: stopwords and their weights, patronymics, name variants."""

from __future__ import annotations

from functools import cache

from seisai.text.cyrillic import latin_variants
from seisai.text.normalize import fold_latin
from seisai.text.phonetic import phonetic_key
from seisai.text.tables import load_table


@cache
def stopword_weights() -> dict[str, float]:
    """Folded word -> weight, for every word of ``stopwords.yml``."""
    groups = load_table("names", "stopwords.yml")["groups"]
    table: dict[str, float] = {}
    for group in groups.values():
        for word in group["words"]:
            key = fold_latin(str(word)) or str(word)
            table.setdefault(key, float(group["weight"]))
    return table


@cache
def _patronymic() -> tuple[tuple[str, ...], float]:
    data = load_table("names", "stopwords.yml")
    return tuple(str(s) for s in data["patronymic_suffixes"]), float(data["patronymic_weight"])


def patronymic_weight(form: str) -> float | None:
    """The weight of a patronymic (Ivanovich, Petrovna), or ``None`` for any other word."""
    suffixes, weight = _patronymic()
    if len(form) > 6 and form.endswith(suffixes):
        return weight
    return None


@cache
def variant_keys() -> dict[str, str]:
    """Spelling of a given name (folded) -> the phonetic key of its group's first member.

    Looked up by spelling, not by key: the key is coarse, and Maly must not become Maria.
    """
    table: dict[str, str] = {}
    for group in load_table("names", "name_variants.yml")["groups"]:
        spellings = [fold_latin(str(m)).replace(" ", "") for m in group]
        canonical = phonetic_key(spellings[0])
        for spelling in spellings:
            table.setdefault(spelling, canonical)
    return table


@cache
def _stems() -> tuple[dict[str, tuple[str, ...]], int]:
    stems = load_table("names", "org_words.yml")["ru_stems"]
    table = {str(k): tuple(str(v) for v in vs) for k, vs in stems.items()}
    return table, max(len(k) for k in table)


def cyrillic_org_word(word: str) -> tuple[str, ...]:
    """English equivalents of a Cyrillic org word by its stem (международной -> international).

    The longest stem that starts the word wins, if the rest is an ending of at most four letters.
    """
    table, longest = _stems()
    folded = word.casefold().replace("ё", "е")
    for size in range(min(len(folded), longest), 3, -1):
        found = table.get(folded[:size])
        if found is not None and len(folded) - size <= 4:
            return found
    return table.get(folded, ()) if len(folded) == 3 else ()


@cache
def _latin_stems() -> tuple[dict[str, tuple[str, ...]], int]:
    """The Russian org stems in the Latin spellings of every transliteration system, five
    letters or more (shorter ones, gaz or sud, are too often the start of another word)."""
    table, _ = _stems()
    found: dict[str, tuple[str, ...]] = {}
    for stem, translations in table.items():
        for variant in latin_variants(stem, "ru"):
            latin = fold_latin(variant).replace(" ", "")
            if len(latin) >= 5 and latin.isalpha():
                found.setdefault(latin, translations)
    return found, max(len(k) for k in found)


def latin_org_word(form: str) -> tuple[str, ...]:
    """English equivalents of a Russian org word written in Latin letters, by its stem
    (zavod -> plant, nauchno -> scientific, mashinostroitelnoye -> machine building)."""
    table, longest = _latin_stems()
    for size in range(min(len(form), longest), 4, -1):
        found = table.get(form[:size])
        if found is not None and len(form) - size <= 4:
            return found
    return ()


_HOMOGLYPHS = str.maketrans("AaBCcEeHKkMOoPpTXxyiI", "АаВСсЕеНКкМОоРрТХхуіІ")


def fix_homoglyphs(word: str, *, single: bool = False) -> str:
    """Latin letters that look Cyrillic, inside a mostly Cyrillic word, made Cyrillic (Cухов).

    With ``single``, a one-letter word is also converted (the Latin c of "Общество c
    Ограниченной Ответственностью"); use it only inside a mostly Cyrillic name.
    """
    cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in word if c.isascii() and c.isalpha())
    if cyrillic > latin or (single and len(word) == 1 and latin == 1):
        return word.translate(_HOMOGLYPHS)
    return word


@cache
def _abd_prefixes() -> tuple[str, ...]:
    words = load_table("names", "stopwords.yml")["abd_prefixes"]
    return tuple(sorted((str(w) for w in words), key=len, reverse=True))


def split_abd(form: str) -> list[str] | None:
    """``abdulrahman`` -> ``["abd", "rahman"]``, ``abdul`` -> ``["abd"]``; ``None`` otherwise."""
    for prefix in _abd_prefixes():
        if form.startswith(prefix):
            rest = form[len(prefix) :]
            if not rest:
                return ["abd"] if prefix != "abd" else None
            if len(rest) >= 3:
                return ["abd", rest]
            return None
    return None
