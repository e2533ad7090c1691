"""The in-memory name index: every name of every entity, looked up by phonetic key.

Each name is analysed once (:func:`seisai.names.analyze_name`) and posted under the phonetic
keys of its tokens; names in Arabic script are posted under consonant skeletons (``#`` keys),
and every Latin spelling is also reachable by skeleton, so an Arabic query finds Latin names
and the reverse. Candidate generation looks each query token up by exact key, by keys one
deletion away (typos; a SymSpell-style deletion table over the vocabulary) and by skeleton,
then ranks entities by the rarity-weighted sum of the token keys they share with the query.
Keys on more than ``common_df`` names (Mohammed, Ali, bank) only re-rank, so that a common
token never floods the candidates. Everything is plain lists and dicts: the index pickles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel

from seisai.matching.config import ScoringConfig
from seisai.matching.features import identifier_keys
from seisai.model import Entity, NameKind, Schema
from seisai.model.entity import ORGANIZATION_SCHEMAS
from seisai.names.analyze import AnalyzedName, Token, analyze_name
from seisai.text.phonetic import skeleton

MIN_DELETE_LENGTH = 4


def deletions(key: str) -> set[str]:
    """Every string one character shorter than ``key``."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def analyze_for(value: str, schema: Schema, lang: str | None = None) -> AnalyzedName:
    """Analyse a name the way the index does for an entity of ``schema``."""
    is_org = None if schema is Schema.LEGAL_ENTITY else schema in ORGANIZATION_SCHEMAS or schema is Schema.VESSEL
    return analyze_name(value, is_org=is_org, lang=lang)


# Query names repeat (common surnames, the same counterparty checked again; a batch analyses
# each row's names for its delta caches and for screening): analysing one costs about 0.45 ms.
# An AnalyzedName is frozen, so one analysis can serve every caller.
analyze_cached = lru_cache(maxsize=16_384)(analyze_for)


@dataclass
class NameIndex:
    """Names of entities, posted under their keys (see the module docstring)."""

    entities: list[Entity] = field(default_factory=list)
    by_id: dict[str, int] = field(default_factory=dict)
    names: list[AnalyzedName] = field(default_factory=list)
    name_entity: list[int] = field(default_factory=list)
    name_weak: list[bool] = field(default_factory=list)
    vocab: dict[str, int] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    postings: list[list[int]] = field(default_factory=list)
    deletes: dict[str, list[int]] = field(default_factory=dict)
    skeletons: dict[str, set[int]] = field(default_factory=dict)
    identifiers: dict[str, list[int]] = field(default_factory=dict)
    entity_names: dict[int, list[int]] = field(default_factory=dict)
    arrays: list[npt.NDArray[np.int32]] = field(default_factory=list)
    total_names: int = 0
    _rarity: dict[str, float] = field(default_factory=dict, repr=False)
    _near_cache: dict[tuple[int, float], tuple[Token, tuple[tuple[int, ...], npt.NDArray[np.float32]]]] = field(
        default_factory=dict, repr=False
    )

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_near_cache"] = {}  # keyed by token ids: meaningless in another process
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._near_cache = {}

    @classmethod
    def build(cls, entities: Iterable[Entity], reuse: NameIndex | None = None) -> NameIndex:
        """Index ``entities`` (a later entity with an id already seen replaces nothing: first wins).

        ``reuse``: an index built by the same code (an earlier version of the lists) whose name
        analyses are taken for the names it holds: analysis is a pure function of the name,
        the schema and the language, and most of the cost of a build."""
        index = cls()
        cache = reuse.analyses() if reuse is not None else {}
        for entity in entities:
            if entity.id in index.by_id:
                continue
            index._add_entity(entity, cache)
        index._build_deletes()
        index._freeze()
        index.total_names = max(1, len(index.names))
        return index

    def analyses(self) -> dict[tuple[str, Schema, str | None], AnalyzedName]:
        """``(name, schema, language) -> analysis`` of every indexed name, as :meth:`build` keys them."""
        found: dict[tuple[str, Schema, str | None], AnalyzedName] = {}
        for e, entity in enumerate(self.entities):
            posted = {self.names[n].original: self.names[n] for n in self.entity_names.get(e, [])}
            seen: set[str] = set()
            for name in entity.names:
                if name.value not in seen:  # the first name of a spelling is the one analysed
                    seen.add(name.value)
                    if (analyzed := posted.get(name.value)) is not None:
                        found[(name.value, entity.schema, name.lang)] = analyzed
        return found

    def _add_entity(self, entity: Entity, cache: dict[tuple[str, Schema, str | None], AnalyzedName]) -> None:
        e = len(self.entities)
        self.entities.append(entity)
        self.by_id[entity.id] = e
        seen: set[str] = set()
        for name in entity.names:
            if name.value in seen:
                continue
            seen.add(name.value)
            key = (name.value, entity.schema, name.lang)
            analyzed = cache.get(key)
            if analyzed is None:
                analyzed = cache[key] = analyze_for(name.value, entity.schema, name.lang)
            if not analyzed.tokens:
                continue
            self.entity_names.setdefault(e, []).append(len(self.names))
            self._post(len(self.names), analyzed)
            self.names.append(analyzed)
            self.name_entity.append(e)
            self.name_weak.append(name.kind is NameKind.WEAK_ALIAS)
        for ident in entity.identifiers:
            for ikey in identifier_keys(ident):
                self.identifiers.setdefault(ikey, []).append(e)

    def _vocab_id(self, key: str) -> int:
        vid = self.vocab.get(key)
        if vid is None:
            vid = self.vocab[key] = len(self.keys)
            self.keys.append(key)
            self.postings.append([])
        return vid

    def _post(self, n: int, analyzed: AnalyzedName) -> None:
        for token in (t for reading in analyzed.readings() for t in reading.tokens):
            for key in _token_keys(token):
                postings = self.postings[self._vocab_id(key)]
                if not postings or postings[-1] != n:
                    postings.append(n)
            if not token.abjad:
                for form, key in zip(token.forms, token.keys, strict=False):
                    self.skeletons.setdefault(skeleton(form), set()).add(self._vocab_id(key))

    def _freeze(self) -> None:
        """Posting lists become numpy arrays: compact, quick to pickle, vectorised at query time."""
        self.arrays = [np.asarray(p, dtype=np.int32) for p in self.postings]
        self.postings = []

    def _build_deletes(self) -> None:
        for vid, key in enumerate(self.keys):
            if len(key) >= MIN_DELETE_LENGTH and not key.startswith("#"):
                for d in deletions(key):
                    self.deletes.setdefault(d, []).append(vid)

    def df(self, token: Token) -> int:
        """On how many names the token's main key appears (0 when unknown)."""
        vid = self.vocab.get(_token_keys(token)[0])
        if vid is None:
            return 0
        return len(self.arrays[vid]) if self.arrays else len(self.postings[vid])

    def similar_keys(self, token: Token, cfg: ScoringConfig) -> dict[int, float]:
        """Vocabulary ids close to the token's keys, with their similarity (0..1)."""
        found: dict[int, float] = {}
        if token.abjad:
            for key in token.keys:
                for near in self.skeletons.get(key, ()):
                    found[near] = 0.95
                if (exact := self.vocab.get("#" + key)) is not None:
                    found[exact] = 1.0
            return found
        for key in token.keys:
            self._near(key, cfg, found)
        for form in token.forms:
            if (abjad := self.vocab.get("#" + skeleton(form))) is not None:
                found.setdefault(abjad, 0.9)
        return found

    def _near_keys(self, token: Token, cfg: ScoringConfig) -> tuple[tuple[int, ...], npt.NDArray[np.float32]]:
        """:meth:`similar_keys` as vocabulary ids and similarities, cached by token id (each
        entry holds its token; query tokens are shared objects, common ones come back)."""
        key = (id(token), cfg.min_key_similarity)
        found = self._near_cache.get(key)
        if found is not None:
            return found[1]
        near = self.similar_keys(token, cfg)
        result = (tuple(near), np.fromiter(near.values(), dtype=np.float32, count=len(near)))
        if len(self._near_cache) >= 100_000:
            self._near_cache.clear()
        self._near_cache[key] = (token, result)
        return result

    def _near(self, key: str, cfg: ScoringConfig, found: dict[int, float]) -> None:
        if (vid := self.vocab.get(key)) is not None:
            found[vid] = 1.0
        if len(key) < MIN_DELETE_LENGTH or key.isdigit():
            return
        near: set[int] = set(self.deletes.get(key, ()))
        for d in deletions(key):
            if (vid := self.vocab.get(d)) is not None:
                near.add(vid)
            near.update(self.deletes.get(d, ()))
        for vid in near:
            if vid not in found:
                sim = Indel.normalized_similarity(key, self.keys[vid])
                if sim >= cfg.min_key_similarity:
                    found[vid] = sim

    def rarity(self, token: Token, cfg: ScoringConfig) -> float:
        """Weight factor of a token from how rare its key is (idf_floor..idf_ceiling)."""
        # the cache key is the key df() looks up: an Arabic-script token's key is marked, so
        # it never shares an entry with a Latin token spelled the same ("nur" and "نور")
        key = _token_keys(token)[0]
        cached = self._rarity.get(key)
        if cached is not None:
            return cached
        value = self._compute_rarity(token, cfg)
        if len(self._rarity) < 500_000:
            self._rarity[key] = value
        return value

    def _compute_rarity(self, token: Token, cfg: ScoringConfig) -> float:
        df = self.df(token)
        n = cfg.name
        idf = math.log((self.total_names + 1) / (df + 1))
        top = math.log(self.total_names + 1) or 1.0
        return n.idf_floor + (n.idf_ceiling - n.idf_floor) * min(1.0, idf / top)

    def candidates(self, names: list[AnalyzedName], cfg: ScoringConfig, wanted: int) -> dict[int, Candidate]:
        """Entity index -> :class:`Candidate` for about ``wanted`` entities sharing keys with a query name.

        A name's candidate score is the share of the query's rarity-weighted tokens it shares
        (0..1). The best ``wanted * 3`` names, within ``candidate_ratio`` of the best and at or
        above ``min_coverage``, are grouped by entity.
        """
        per_name: npt.NDArray[np.float32] | None = None
        touched: list[npt.NDArray[np.int32]] = []
        for analyzed in names:
            name_scores = self._name_scores(analyzed, cfg)
            if name_scores is None:
                continue
            scores, idx = name_scores
            scores /= np.float32(max(self._query_weight(analyzed, cfg), 1e-6))
            per_name = scores if per_name is None else np.maximum(per_name, scores, out=per_name)
            touched.extend(idx)
        if per_name is None:
            return {}
        hits = _union(touched, len(per_name))
        k = min(len(hits), wanted * 3)
        top = hits[np.argpartition(-per_name[hits], k - 1)[:k]]
        top = top[np.argsort(-per_name[top], kind="stable")]
        floor = max(float(per_name[top[0]]) * cfg.candidate_ratio, cfg.min_coverage)
        result: dict[int, Candidate] = {}
        for n in top.tolist():
            value = float(per_name[n])
            if value < floor:
                break
            e = self.name_entity[n]
            found = result.get(e)
            if found is None:
                result[e] = Candidate(value, [(value, n)])
            else:
                found.names.append((value, n))
        return result

    def _query_weight(self, analyzed: AnalyzedName, cfg: ScoringConfig) -> float:
        """The most a name can score against the query in :meth:`_name_scores` (every token hit)."""
        return max(
            sum(self.rarity(t, cfg) * t.weight for t in reading.tokens if t.weight > 0)
            for reading in analyzed.readings()
        )

    def _name_scores(
        self, analyzed: AnalyzedName, cfg: ScoringConfig
    ) -> tuple[npt.NDArray[np.float32], list[npt.NDArray[np.int32]]] | None:
        """Dense per-name scores for one query name and the index arrays of the names its
        keys touched (``None`` when no key was found)."""
        size = len(self.names)
        scores: npt.NDArray[np.float32] | None = None
        touched: list[npt.NDArray[np.int32]] = []
        best = np.zeros(size, dtype=np.float32)  # zeroed again after each token
        for token in sorted((t for r in analyzed.readings() for t in r.tokens), key=self.df):
            if token.weight <= 0.0:
                continue
            near = self._near_keys(token, cfg)
            if not near[0]:
                continue
            if scores is None:
                scores = np.zeros(size, dtype=np.float32)
                filtered = False
            else:
                filtered = True
            vids, sims = near
            if len(vids) == 1 and not (filtered and len(self.arrays[vids[0]]) > cfg.common_df):
                idx = self.arrays[vids[0]]
                gain = sims[0] * np.float32(self.rarity(token, cfg) * token.weight)
                scores[idx] += gain
                touched.append(idx)
                continue
            mine = [self.arrays[vid] for vid in vids]
            if filtered:
                mine = [p[scores[p] > 0] if len(p) > cfg.common_df else p for p in mine]
            idx = np.concatenate(mine)
            np.maximum.at(best, idx, np.repeat(sims, [len(p) for p in mine]))
            scores[idx] += best[idx] * np.float32(self.rarity(token, cfg) * token.weight)
            best[idx] = 0.0
            touched.append(idx)
        return None if scores is None else (scores, touched)


@dataclass
class Candidate:
    """An entity found by the index: its best candidate score and its names that were hit."""

    score: float
    names: list[tuple[float, int]]

    def best_names(self, count: int) -> list[int]:
        """The ``count`` names with the highest candidate scores."""
        return [n for _, n in sorted(self.names, reverse=True)[:count]]


def _union(arrays: list[npt.NDArray[np.int32]], size: int) -> npt.NDArray[np.int32]:
    """The sorted distinct values of ``arrays`` (all in ``0..size``): sorted and deduplicated
    when they are few (several times quicker than ``np.unique``), a mask over the whole range
    when they are many."""
    total = sum(len(a) for a in arrays)
    if total * 4 < size:
        values = np.sort(arrays[0] if len(arrays) == 1 else np.concatenate(arrays))
        if len(values) < 2:
            return values
        keep = np.empty(len(values), dtype=np.bool_)
        keep[0] = True
        np.not_equal(values[1:], values[:-1], out=keep[1:])
        return values[keep]
    mask = np.zeros(size, dtype=np.bool_)
    for a in arrays:
        mask[a] = True
    return np.flatnonzero(mask).astype(np.int32)


def _token_keys(token: Token) -> tuple[str, ...]:
    if token.abjad:
        return tuple("#" + k for k in token.keys)
    return token.keys
