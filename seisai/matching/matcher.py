"""The matcher: screen a query against every indexed entity, or score one pair.

``Matcher(entities)`` builds a :class:`~seisai.matching.index.NameIndex`. :meth:`Matcher.screen`
generates candidates from the index (and from identifiers), scores each candidate fully with
:meth:`Matcher.compare` and returns the best first. The score is the best main feature (the
name score times its weight, or an identifier match) plus the qualifiers (birth date,
country, gender, schema), clipped to 0..1; every feature explains itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, replace

from seisai.matching import features
from seisai.matching.config import ScoringConfig, scoring_config
from seisai.matching.index import Candidate, NameIndex, analyze_cached, analyze_for
from seisai.matching.names import Memo, NameScore, compare_names
from seisai.matching.types import Explanation, Match, Query
from seisai.model import Entity, Schema
from seisai.model.entity import ORGANIZATION_SCHEMAS
from seisai.names.analyze import AnalyzedName, Token

DEFAULT_THRESHOLD = scoring_config().threshold
# entities whose names have no given name: given-name variants do not pair their parts
_NO_GIVEN_NAMES = frozenset(ORGANIZATION_SCHEMAS - {Schema.LEGAL_ENTITY} | {Schema.VESSEL})
QUALIFIERS = (
    ("birth_date", features.compare_birth_dates),
    ("country", features.compare_countries),
    ("gender", features.compare_gender),
    ("schema", features.compare_schema),
)


_Best = tuple[float, NameScore, AnalyzedName, AnalyzedName] | None
"""The best name comparison of a query with an entity: score (weak aliases discounted), the
comparison, and the two names; ``None`` when the entity has no name to compare."""


@dataclass(slots=True)
class _Stage:
    """What a query's names give, whatever its dates and countries: the analysed names, the
    candidates chosen for scoring (entity index, names to compare) and the name comparisons
    made so far (by entity index). Books repeat names (common names, one customer holding
    several accounts), and the API sees the same counterparties again: the matcher keeps the
    latest ``stage_cache_size`` stages, so a repeated name costs its qualifiers only. A stage
    is a pure function of the names, the schema, the filters and the index, so results are the
    same with or without it."""

    qnames: list[AnalyzedName]
    chosen: list[tuple[int, list[int]]]
    best: dict[int, _Best]
    explained: dict[int, Explanation]


class Matcher:
    """Screens names against a set of entities (see the module docstring).

    Build it over all current entities, or over a subset (only the entities that changed,
    for delta re-screening). It pickles, so it can be handed to worker processes.
    """

    # query names whose candidates and name scores are kept (see _Stage): about 7 KB each, so
    # 20,000 are ~140 MB; batch workers, which meet a whole book's names, keep 100,000
    stage_cache_size = 20_000

    def __init__(
        self, entities: Iterable[Entity], *, config: ScoringConfig | None = None, reuse: Matcher | None = None
    ) -> None:
        """``reuse``: a matcher built by this code over other versions of the lists, whose name
        analyses the index takes for the names it also holds (the same index, built faster)."""
        self.config = config or scoring_config()
        previous: NameIndex | None = reuse.index if reuse is not None else None
        self.index: NameIndex = NameIndex.build(entities, previous)
        self._memo: Memo = {}  # token similarities, kept across queries (see names.Memo)
        self._org_memo: Memo = {}  # the same for names without given names (another config)
        self._org_name = replace(self.config.name, given_variant=self.config.name.org_given_variant)
        self._stages: dict[tuple[object, ...], _Stage] = {}  # see _stage
        self._max_gain = self.config.max_qualifier_gain

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        del state["_memo"], state["_org_memo"], state["_stages"]  # keyed by object ids, or caches
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._memo = {}
        self._org_memo = {}
        self._stages = {}
        self._max_gain = self.config.max_qualifier_gain  # pickles of older versions lack it

    def __len__(self) -> int:
        return len(self.index.entities)

    @property
    def datasets(self) -> set[str]:
        """The sources (datasets) of the indexed entities."""
        return {e.source for e in self.index.entities}

    def entity(self, entity_id: str) -> Entity | None:
        """The indexed entity with this id, or ``None``."""
        i = self.index.by_id.get(entity_id)
        return self.index.entities[i] if i is not None else None

    def screen(
        self,
        query: Query,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 10,
        datasets: set[str] | None = None,
        schemas: set[Schema] | None = None,
        exclude_ids: set[str] | None = None,
        only: frozenset[str] | None = None,
    ) -> list[Match]:
        """The best-scoring entities for ``query``, best first, at most ``limit``.

        Results down to the configured ``report_cutoff`` (or ``threshold`` if lower) are
        returned, each flagged ``match`` when its score reaches ``threshold``. ``datasets``,
        ``schemas`` and ``exclude_ids`` filter the entities considered.

        ``only``: return only the results on entities with these ids, exactly as a plain screen
        returns them (same scores, same cut at ``limit``). The other candidates are scored only
        when one of these ids makes the results and the cut at ``limit`` could drop it. A delta
        re-screen wants only the entities an update changed: a row none of whose candidates
        changed costs no scoring at all, and scoring is most of a screen's cost.
        """
        cfg = self.config
        stage = self._stage(query, limit, datasets, schemas, exclude_ids)
        chosen = stage.chosen
        if only is not None:
            chosen = [c for c in chosen if self.index.entities[c[0]].id in only]
            if not chosen:
                return []
        cutoff = min(cfg.report_cutoff, threshold)
        results = self._score_all(query, stage, chosen, threshold, cutoff)
        if only is not None and results and len(stage.chosen) > limit:
            # the others decide whether the cut at ``limit`` keeps these results
            ranked = self._score_all(query, stage, stage.chosen, threshold, cutoff)[:limit]
            return [m for m in ranked if m.entity.id in only]
        return results[:limit]

    def reaches(
        self, query: Query, ids: frozenset[str], *, limit: int = 10, datasets: set[str] | None = None
    ) -> bool:
        """Whether an entity of ``ids`` is among the candidates a screen of ``query`` scores.
        When none is, ``screen(query, only=ids)`` returns nothing for any query with the same
        names, schema and no identifiers, whatever its dates and countries."""
        stage = self._stage(query, limit, datasets, None, None)
        entities = self.index.entities
        return any(entities[e].id in ids for e, _ in stage.chosen)

    def _score_all(
        self, query: Query, stage: _Stage, chosen: list[tuple[int, list[int]]], threshold: float, cutoff: float
    ) -> list[Match]:
        results: list[Match] = []
        entities = self.index.entities
        for e, names in chosen:
            match = self._score(query, stage.qnames, entities[e], e, threshold, names, self._memo, cutoff, stage)
            if match is not None:
                results.append(match)
        results.sort(key=lambda m: (-m.score, m.entity.id))
        return results

    def _stage(
        self,
        query: Query,
        limit: int,
        datasets: set[str] | None,
        schemas: set[Schema] | None,
        exclude_ids: set[str] | None,
    ) -> _Stage:
        """The query's analysed names and the candidates chosen for scoring; kept for the next
        query with the same names, schema and filters (unless identifiers bring candidates in)."""
        key = None
        if not query.identifiers:
            key = (
                tuple(query.names), query.schema, limit,
                frozenset(datasets) if datasets is not None else None,
                frozenset(schemas) if schemas is not None else None,
                frozenset(exclude_ids) if exclude_ids else None,
            )  # fmt: skip
            found_stage = self._stages.pop(key, None)
            if found_stage is not None:
                self._stages[key] = found_stage  # most recently used last
                return found_stage
        cfg = self.config
        qnames = self._analyze_query(query)
        wanted = max(cfg.per_query, limit + 2)
        filtered = datasets is not None or schemas is not None or bool(exclude_ids)
        found = self.index.candidates(qnames, cfg, wanted * (4 if filtered else 1))
        for ident in query.identifiers:
            for e in self.index.identifiers.get(features.normalize_identifier(ident), ()):
                found.setdefault(e, Candidate(0.0, [])).score += 100.0
        ranked = sorted(found.items(), key=lambda kv: -kv[1].score)
        chosen: list[tuple[int, list[int]]] = []
        for e, cand in ranked:
            if len(chosen) >= wanted:
                break
            if filtered and not _allowed(self.index.entities[e], datasets, schemas, exclude_ids):
                continue
            chosen.append((e, cand.best_names(cfg.names_per_entity)))
        stage = _Stage(qnames, chosen, {}, {})
        if key is not None and self.stage_cache_size > 0:
            if len(self._stages) >= self.stage_cache_size:
                # another thread (the API's thread pool) may change the cache meanwhile
                with suppress(KeyError, RuntimeError, StopIteration):
                    del self._stages[next(iter(self._stages))]  # the least recently used
            self._stages[key] = stage
        return stage

    def compare(self, query: Query, entity: Entity, *, threshold: float = DEFAULT_THRESHOLD) -> Match:
        """Score one entity (indexed or not) against the query, with the full explanation."""
        e = self.index.by_id.get(entity.id)
        if e is not None and self.index.entities[e] is not entity:
            e = None
        match = self._score(query, self._analyze_query(query), entity, e, threshold)
        assert match is not None  # no cutoff: always a match
        return match

    def _analyze_query(self, query: Query) -> list[AnalyzedName]:
        schema = query.schema or Schema.LEGAL_ENTITY
        return [a for a in (analyze_cached(n, schema) for n in query.names) if a.tokens]

    def _entity_names(self, entity: Entity, e: int | None, only: list[int] | None) -> list[tuple[AnalyzedName, bool]]:
        if e is not None:
            idx = self.index
            return [(idx.names[n], idx.name_weak[n]) for n in (only or idx.entity_names.get(e, []))]
        return [
            (analyze_for(n.value, entity.schema, n.lang), n.kind.value == "weak_alias") for n in entity.names
        ]

    def _score(
        self,
        query: Query,
        qnames: list[AnalyzedName],
        entity: Entity,
        e: int | None,
        threshold: float,
        only: list[int] | None = None,
        memo: Memo | None = None,
        cutoff: float | None = None,
        stage: _Stage | None = None,
    ) -> Match | None:
        """The match of one entity, or ``None`` when it scores under ``cutoff`` (then no
        explanation is written). ``stage`` keeps the name comparison of indexed entities for
        queries with the same names (see :class:`_Stage`)."""
        cfg = self.config
        kept = stage if e is not None else None  # only indexed entities have a place in a stage
        if kept is not None and e in kept.best:
            best = kept.best[e]
        else:
            best = self._best_name(qnames, entity, e, only, memo)
            if kept is not None and e is not None:
                kept.best[e] = best
        explanations: dict[str, Explanation] = {}
        main = best[0] * cfg.name.weight if best is not None else 0.0
        ident = features.compare_identifiers(query, entity, cfg)
        if ident is not None:
            explanations["identifier"] = ident
            main = max(main, ident.score * ident.weight)
        if cutoff is not None and main + self._max_gain < cutoff:
            return None  # the qualifiers cannot lift it to the cutoff: no need to compute them
        score = main
        if main > 0:
            for key, func in QUALIFIERS:
                found = func(query, entity, cfg)
                if found is not None:
                    explanations[key] = found
                    score += found.score
        score = min(1.0, max(0.0, score))
        if cutoff is not None and score < cutoff:
            return None
        query_name = matched_name = ""
        if best is not None:
            value, result, qname, cname = best
            query_name, matched_name = qname.original, cname.original
            name = kept.explained.get(e) if kept is not None and e is not None else None
            if name is None:
                name = Explanation(value, cfg.name.weight, result.detail(), query_name, matched_name)
                if kept is not None and e is not None:
                    kept.explained[e] = name
            explanations = {"name": name, **explanations}
        return Match(entity, score, score >= threshold, explanations, query_name, matched_name)

    def _best_name(
        self, qnames: list[AnalyzedName], entity: Entity, e: int | None, only: list[int] | None, memo: Memo | None
    ) -> _Best:
        """The best comparison of a query name with a name of the entity (weak aliases discounted)."""
        cfg = self.config
        name_cfg = cfg.name
        memo = {} if memo is None else memo
        if entity.schema in _NO_GIVEN_NAMES:
            name_cfg = self._org_name
            memo = self._org_memo if memo is self._memo else {}
        best: _Best = None
        for cname, weak in self._entity_names(entity, e, only):
            for qname in qnames:
                result = compare_names(qname, cname, name_cfg, self._rarity, memo)
                value = result.score * (cfg.name.weak_alias if weak else 1.0)
                if best is None or value > best[0]:
                    best = (value, result, qname, cname)
        return best

    def _rarity(self, token: Token) -> float:
        return self.index.rarity(token, self.config)


def _allowed(entity: Entity, datasets: set[str] | None, schemas: set[Schema] | None, exclude: set[str] | None) -> bool:
    if datasets is not None and entity.source not in datasets:
        return False
    if schemas is not None and entity.schema not in schemas:
        return False
    return not (exclude and entity.id in exclude)
