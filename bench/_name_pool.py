"""Names of people who are on no list: generated from common given names and surnames.

Cultures and scripts: Japanese (kanji without a space, katakana, romaji, Zengin half-width
kana), Russian (Latin, Cyrillic, Cyrillic with patronymic), Chinese (pinyin, hanzi), Arabic
(Latin, Arabic script) and Western names. The pools are in ``bench/data/name_pool.yml``;
generation is seeded, so every run screens the same names. Names equal to a listed name
(same words after folding) are dropped.

:func:`namesakes` marks the generated people whose every word (initials aside) appears, up to
spelling, in one listed person's name: "Sergei Morozov" when "Sergei Ivanovich Morozov" is
listed. Screening rightly alerts on them (nothing tells the two apart without a birth date),
so the benchmark reports the false-alert rate with and without them.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jaconv
import yaml

from seisai.model import Entity, Schema
from seisai.text.cyrillic import transliterate
from seisai.text.normalize import clean, fold_latin
from seisai.text.phonetic import phonetic_key
from seisai.text.scripts import Script

POOL = Path(__file__).resolve().parent / "data" / "name_pool.yml"
PATRONYMICS = [("Иванович", "Ивановна"), ("Сергеевич", "Сергеевна"), ("Петрович", "Петровна"),
               ("Николаевич", "Николаевна"), ("Андреевич", "Андреевна"), ("Михайлович", "Михайловна"),
               ("Александрович", "Александровна"), ("Дмитриевич", "Дмитриевна"), ("Алексеевич", "Алексеевна"),
               ("Юрьевич", "Юрьевна")]  # fmt: skip
QUOTAS = {"japanese": 6400, "russian": 6000, "chinese": 14000, "arabic": 13500, "western": 13000}


@dataclass(frozen=True)
class Person:
    """A generated name: as screened, its Latin form, culture and script label."""

    name: str
    latin: str
    culture: str
    form: str


def _split(entry: str) -> list[str]:
    return entry.split("|")


def _japanese(pool: dict[str, list[str]]) -> Iterator[Person]:
    for g in pool["given"]:
        gl, gk, gkana = _split(g)
        for f in pool["family"]:
            fl, fk, fkana = _split(f)
            latin = f"{gl} {fl}"
            yield Person(f"{fk}{gk}", latin, "japanese", "kanji")
            yield Person(f"{fkana} {gkana}", latin, "japanese", "katakana")
            yield Person(latin, latin, "japanese", "romaji")
            yield Person(jaconv.z2h(f"{fkana} {gkana}", kana=True, ascii=False, digit=False), latin, "japanese", "zengin")


def _russian(pool: dict[str, list[str]], rng: random.Random) -> Iterator[Person]:
    for key, female in (("given", False), ("given_female", True)):
        for g in pool[key]:
            gl, gc = _split(g)
            for f in pool["family"]:
                fl, fc = _split(f)
                if female:
                    fl, fc = fl + "a", fc + "а"
                latin = f"{gl} {fl}"
                patronymic = rng.choice(PATRONYMICS)[1 if female else 0]
                yield Person(latin, latin, "russian", "latin")
                yield Person(f"{gc} {fc}", latin, "russian", "cyrillic")
                yield Person(f"{fc} {gc} {patronymic}", latin, "russian", "cyrillic+patronymic")


def _chinese(pool: dict[str, list[str]]) -> Iterator[Person]:
    given = [_split(g) for g in pool["given"]]
    for f in pool["family"]:
        fl, fh = _split(f)
        for g1l, g1h in given:
            for g2l, g2h in [("", ""), *given]:
                latin = f"{fl} {g1l}{g2l.lower()}"
                yield Person(latin, latin, "chinese", "pinyin")
                yield Person(f"{fh}{g1h}{g2h}", latin, "chinese", "hanzi")


def _arabic(pool: dict[str, list[str]]) -> Iterator[Person]:
    given = [_split(g) for g in pool["given"]]
    for f in pool["family"]:
        fl, fa = _split(f)
        for gl, ga in given:
            for ml, ma in [("", ""), *given[:18]]:
                latin = " ".join(p for p in (gl, ml, fl) if p)
                yield Person(latin, latin, "arabic", "latin")
                yield Person(" ".join(p for p in (ga, ma, fa) if p), latin, "arabic", "arabic")


def _western(pool: dict[str, list[str]]) -> Iterator[Person]:
    for g in pool["given"]:
        for f in pool["family"]:
            yield Person(f"{g} {f}", f"{g} {f}", "western", "latin")
            for initial in "ABCDEFGHJKLMNPRSTW":
                yield Person(f"{g} {initial}. {f}", f"{g} {initial} {f}", "western", "latin+initial")


def _key(text: str) -> str:
    return " ".join(sorted(fold_latin(text).split()))


def listed_keys(entities: Iterable[Entity]) -> set[str]:
    """Folded, word-sorted forms of every listed name (and the names as written)."""
    keys: set[str] = set()
    for entity in entities:
        for name in entity.names:
            keys.add(_key(name.value))
            keys.add(clean(name.value))
    return keys


def generate(listed: set[str], seed: int = 20260305) -> list[Person]:
    """About 50,000 generated people on no list, in a fixed order for a given seed."""
    rng = random.Random(seed)
    pool = yaml.safe_load(POOL.read_text("utf-8"))
    streams = {
        "japanese": _japanese(pool["japanese"]),
        "russian": _russian(pool["russian"], rng),
        "chinese": _chinese(pool["chinese"]),
        "arabic": _arabic(pool["arabic"]),
        "western": _western(pool["western"]),
    }
    people: list[Person] = []
    for culture, stream in streams.items():
        found = [p for p in stream if _key(p.latin) not in listed and clean(p.name) not in listed]
        rng.shuffle(found)
        people.extend(found[: QUOTAS[culture]])
    return people


def _words(text: str) -> set[str]:
    return {phonetic_key(w) for w in fold_latin(text).split() if len(w) > 1}


def namesakes(people: list[Person], entities: Iterable[Entity]) -> set[int]:
    """Indices of generated people whose words all appear in one listed person's name."""
    index: dict[str, set[int]] = {}
    n = 0
    for entity in entities:
        if entity.schema not in (Schema.PERSON, Schema.LEGAL_ENTITY):
            continue
        for name in entity.names:
            value = transliterate(name.value) if name.script is Script.CYRILLIC else name.value
            for word in _words(value):
                index.setdefault(word, set()).add(n)
            n += 1
    found: set[int] = set()
    for i, person in enumerate(people):
        words = _words(person.latin)
        if not words:
            continue
        common = set.intersection(*(index.get(w, set()) for w in words))
        if common:
            found.add(i)
    return found
