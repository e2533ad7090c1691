"""Labelled name pairs built from the real lists, for the matching quality benchmark.

Positive pairs are two names the publisher gives for the same entry in different scripts:
MOF katakana/Japanese and Latin; UK, Canada and EU Cyrillic and Latin; UN original script and
Latin; METI Japanese and English. The EU file (a flattening of the Financial Sanctions Files)
gives each entry's names in every EU language without saying which is which: a person's name is
the same name in each, but an organisation's Latin name is a translation into an arbitrary EU
language (Руските десантни сили against Forțele aeropurtate ruse), so EU organisations form a
separate set that only shows how far translation goes; they are not a transliteration set. Each positive gets one hard negative: the same first name
against the Latin name of a *different* entry of the same list and kind that is closest to
the true Latin name by a neutral measure (rapidfuzz token-sort ratio, which neither matcher
uses), skipping entries that share any name with the first. Sets are sampled with a fixed
seed to at most ``MAX_PAIRS`` positives.

Hold-out: entries are split in two halves by a hash of their id. The matcher's hand-written
tables were tuned while looking only at failures of the ``dev`` half; the benchmark reports the
``eval`` half, which was never looked at during tuning.

A further set pairs common names of people on no list (``bench/_name_pool.py``) with the
closest listed Latin name (same neutral measure): all negatives.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bench._name_pool import Person
from seisai.model import Entity, Name, NameKind, Schema
from seisai.model.entity import ORGANIZATION_SCHEMAS
from seisai.text.normalize import fold_latin
from seisai.text.scripts import Script

MAX_PAIRS = 800
SEED = 20260305


@dataclass(frozen=True)
class Pair:
    """Two names and whether they name the same entry."""

    name1: str
    name2: str
    schema: Schema
    same: bool


def _group(schema: Schema) -> str:
    return "org" if schema in ORGANIZATION_SCHEMAS else schema.value


def _latin_names(entity: Entity) -> list[str]:
    primary = [n.value for n in entity.names if n.kind is NameKind.PRIMARY and n.script is Script.LATIN]
    return primary or [n.value for n in entity.names if n.script is Script.LATIN]


Selector = Callable[[Name], bool]


def _is_japanese(n: Name) -> bool:
    return n.kind is NameKind.PRIMARY and n.lang == "ja" and n.script is not Script.LATIN


def _is_cyrillic(n: Name) -> bool:
    return n.script is Script.CYRILLIC


def _is_original(n: Name) -> bool:
    return n.kind is NameKind.ORIGINAL_SCRIPT and n.script not in (Script.LATIN, Script.NONE)


@dataclass(frozen=True)
class PairSet:
    """One labelled set: its title, the lists it is built from, which names are the queries,
    which kinds of entry it holds (``None``: all), and whether it counts for the targets."""

    title: str
    sources: tuple[str, ...]
    select: Selector
    schemas: frozenset[Schema] | None = None
    target: bool = True

    def entities(self, lists: dict[str, list[Entity]]) -> list[Entity]:
        """The entries of the set's lists that it covers."""
        found = [e for s in self.sources for e in lists.get(s, [])]
        return [e for e in found if self.schemas is None or e.schema in self.schemas]


_ORGS = frozenset(ORGANIZATION_SCHEMAS)
SETS: list[PairSet] = [
    PairSet("MOF katakana/Japanese ↔ Latin", ("jp_mof",), _is_japanese),
    PairSet("UK OFSI Cyrillic ↔ Latin", ("gb_hmt_ofsi",), _is_cyrillic),
    PairSet("Canada SEMA Cyrillic ↔ Latin", ("ca_sema",), _is_cyrillic),
    PairSet("EU FSF Cyrillic ↔ Latin (persons)", ("eu_fsf_derived",), _is_cyrillic, frozenset({Schema.PERSON})),
    PairSet("UN original script ↔ Latin", ("un_sc",), _is_original),
    PairSet("METI Japanese ↔ English", ("jp_meti_ru", "jp_meti_by", "jp_meti_third", "jp_meti_eul"), _is_japanese),
    PairSet("EU FSF Cyrillic ↔ another EU language (organisations, translations)", ("eu_fsf_derived",),
            _is_cyrillic, _ORGS, target=False),
]  # fmt: skip


def half(entity: Entity) -> str:
    """``dev`` or ``eval``: a stable split of the entries by a hash of their id."""
    digest = hashlib.sha256(entity.id.encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "eval"


def build_set(entities: list[Entity], select: Selector, part: str = "eval") -> list[Pair]:
    """Positives and their hard negatives from one half of a list (see module docstring)."""
    rng = random.Random(SEED)
    positives = []
    for entity in entities:
        if half(entity) != part:
            continue
        lefts = [n.value for n in entity.names if select(n)]
        rights = _latin_names(entity)
        if lefts and rights:
            positives.append((entity, lefts[0], rights[0]))
    rng.shuffle(positives)
    positives = positives[:MAX_PAIRS]
    pool: dict[str, list[tuple[str, Entity]]] = {}
    for entity in entities:
        for latin in _latin_names(entity)[:1]:
            pool.setdefault(_group(entity.schema), []).append((latin, entity))
    pairs: list[Pair] = []
    for entity, left, right in positives:
        pairs.append(Pair(left, right, entity.schema, True))
        negative = _closest_other(entity, right, pool.get(_group(entity.schema), []))
        if negative is not None:
            pairs.append(Pair(left, negative, entity.schema, False))
    return pairs


def _closest_other(entity: Entity, latin: str, pool: list[tuple[str, Entity]]) -> str | None:
    own = {fold_latin(n.value) for n in entity.names}
    choices = [name for name, _ in pool]
    for name, _score, i in process.extract(fold_latin(latin), choices, scorer=fuzz.token_sort_ratio, processor=fold_latin, limit=8):
        other = pool[i][1]
        if other.id != entity.id and not own & {fold_latin(n.value) for n in other.names}:
            return str(name)
    return None


def common_name_negatives(people: list[Person], entities: Iterable[Entity], count: int = 600) -> list[Pair]:
    """Generated people on no list, each against the closest listed Latin person name."""
    rng = random.Random(SEED)
    listed = sorted({n for e in entities if e.schema is Schema.PERSON for n in _latin_names(e)[:1]})
    sample = rng.sample(people, min(count, len(people)))
    pairs = []
    for person in sample:
        found = process.extractOne(fold_latin(person.latin), listed, scorer=fuzz.token_sort_ratio, processor=fold_latin)
        if found is not None:
            pairs.append(Pair(person.name, str(found[0]), Schema.PERSON, False))
    return pairs
