"""The matcher: screen a query against every indexed entity, or score one pair.

``Matcher(entities)`` builds a :class:`~seisai.matching.index.NameIndex`. :meth:`Matcher.screen`
generates candidates from the index (and from identifiers), scores each candidate fully with
:meth:`Matcher.compare` and returns the best first. The score is the best main feature (the
name score times its weight, or an identifier match) plus the qualifiers (birth date,
country, gender, schema), clipped to 0..1; every feature explains itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

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


class Matcher:
    """Screens names against a set of entities (see the module docstring).

    Build it over all current entities, or over a subset (only the entities that changed,
    for delta re-screening). It pickles, so it can be handed to worker processes.
    """

    def __init__(self, entities: Iterable[Entity], *, config: ScoringConfig | None = None) -> None:
        self.config = config or scoring_config()
        self.index = NameIndex.build(entities)
        self._memo: Memo = {}  # token similarities, kept across queries (see names.Memo)
        self._org_memo: Memo = {}  # the same for names without given names (another config)
        self._org_name = replace(self.config.name, given_variant=self.config.name.org_given_variant)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        del state["_memo"], state["_org_memo"]  # keyed by object ids: meaningless in another process
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._memo = {}
        self._org_memo = {}

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
        unless_none_of: frozenset[str] | None = None,
    ) -> list[Match]:
        """The best-scoring entities for ``query``, best first, at most ``limit``.

        Results down to the configured ``report_cutoff`` (or ``threshold`` if lower) are
        returned, each flagged ``match`` when its score reaches ``threshold``. ``datasets``,
        ``schemas`` and ``exclude_ids`` filter the entities considered.

        ``unless_none_of``: return nothing, without scoring anything, when none of the entities
        the candidate generation selects for scoring has one of these ids (otherwise screen as
        usual). A delta re-screen wants only the results on the entities an update changed, and
        those come back exactly as a full screen gives them; a row none of whose candidates
        changed needs no scoring, and scoring is most of a screen's cost.
        """
        cfg = self.config
        qnames = self._analyze_query(query)
        wanted = max(cfg.per_query, limit + 2)
        filtered = datasets is not None or schemas is not None or bool(exclude_ids)
        found = self.index.candidates(qnames, cfg, wanted * (4 if filtered else 1))
        for ident in query.identifiers:
            for e in self.index.identifiers.get(features.normalize_identifier(ident), ()):
                found.setdefault(e, Candidate(0.0, [])).score += 100.0
        ranked = sorted(found.items(), key=lambda kv: -kv[1].score)
        chosen: list[tuple[int, Candidate]] = []
        for e, cand in ranked:
            if len(chosen) >= wanted:
                break
            if filtered and not _allowed(self.index.entities[e], datasets, schemas, exclude_ids):
                continue
            chosen.append((e, cand))
        if unless_none_of is not None and all(self.index.entities[e].id not in unless_none_of for e, _ in chosen):
            return []
        cutoff = min(cfg.report_cutoff, threshold)
        results: list[Match] = []
        memo = self._memo
        for e, cand in chosen:
            match = self._score(
                query, qnames, self.index.entities[e], e, threshold, cand.best_names(cfg.names_per_entity), memo, cutoff
            )
            if match is not None:
                results.append(match)
        results.sort(key=lambda m: (-m.score, m.entity.id))
        return results[:limit]

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
    ) -> Match | None:
        """The match of one entity, or ``None`` when it scores under ``cutoff`` (then no
        explanation is written)."""
        cfg = self.config
        name_cfg = cfg.name
        memo = {} if memo is None else memo
        if entity.schema in _NO_GIVEN_NAMES:
            name_cfg = self._org_name
            memo = self._org_memo if memo is self._memo else {}
        best: tuple[float, NameScore, AnalyzedName, AnalyzedName] | None = None
        for cname, weak in self._entity_names(entity, e, only):
            for qname in qnames:
                result = compare_names(qname, cname, name_cfg, self._rarity, memo)
                value = result.score * (cfg.name.weak_alias if weak else 1.0)
                if best is None or value > best[0]:
                    best = (value, result, qname, cname)
        explanations: dict[str, Explanation] = {}
        main = best[0] * cfg.name.weight if best is not None else 0.0
        ident = features.compare_identifiers(query, entity, cfg)
        if ident is not None:
            explanations["identifier"] = ident
            main = max(main, ident.score * ident.weight)
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
            name = Explanation(value, cfg.name.weight, result.detail(), query_name, matched_name)
            explanations = {"name": name, **explanations}
        return Match(entity, score, score >= threshold, explanations, query_name, matched_name)

    def _rarity(self, token: Token) -> float:
        return self.index.rarity(token, self.config)


def _allowed(entity: Entity, datasets: set[str] | None, schemas: set[Schema] | None, exclude: set[str] | None) -> bool:
    if datasets is not None and entity.source not in datasets:
        return False
    if schemas is not None and entity.schema not in schemas:
        return False
    return not (exclude and entity.id in exclude)
