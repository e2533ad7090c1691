"""The scoring configuration (``seisai/data/matching/scoring.yml``) as typed values."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from seisai.text.tables import load_table


@dataclass(frozen=True, slots=True)
class NameConfig:
    """Weights of the name comparison; see the comments in scoring.yml."""

    weight: float
    literal: float
    phonetic: float
    variant: float
    given_variant: float
    org_given_variant: float
    initial: float
    fuzzy_factor: float
    fuzzy_budget: float
    spelling_budget: float
    cross_script_budget: float
    first_letter_factor: float
    first_sound_factor: float
    patronymic_mismatch: float
    patronymic_contradiction: float
    min_token: float
    min_fuzzy: float
    extra_query: float
    extra_candidate: float
    residual_min: float
    residual_factor: float
    joined_factor: float
    joined_min: float
    joined_pair_min: float
    idf_floor: float
    idf_ceiling: float
    legal_form_mismatch: float
    weak_alias: float


@dataclass(frozen=True, slots=True)
class ScoringConfig:
    """Everything scoring.yml holds: thresholds, candidate limits, feature weights."""

    threshold: float
    report_cutoff: float
    per_query: int
    min_key_similarity: float
    common_df: int
    candidate_ratio: float
    min_coverage: float
    names_per_entity: int
    name: NameConfig
    identifier_weight: float
    strong_identifier_weight: float
    strong_kinds: frozenset[str]
    qualifiers: dict[str, float]

    @property
    def max_qualifier_gain(self) -> float:
        """The most the qualifiers can add to a score together: each qualifier (birth date,
        country, gender, schema) contributes one of its values or nothing."""
        q = self.qualifiers
        groups = [
            [v for k, v in q.items() if k.startswith(prefix)] for prefix in ("birth_date_", "country_", "gender_", "schema_")
        ]
        return sum(max([0.0, *values]) for values in groups)


def _build(data: dict[str, Any]) -> ScoringConfig:
    cand, ident = data["candidates"], data["identifier"]
    return ScoringConfig(
        threshold=float(data["threshold"]),
        report_cutoff=float(data["report_cutoff"]),
        per_query=int(cand["per_query"]),
        min_key_similarity=float(cand["min_key_similarity"]),
        common_df=int(cand["common_df"]),
        candidate_ratio=float(cand["candidate_ratio"]),
        min_coverage=float(cand["min_coverage"]),
        names_per_entity=int(cand["names_per_entity"]),
        name=NameConfig(**{k: float(v) for k, v in data["name"].items()}),
        identifier_weight=float(ident["weight"]),
        strong_identifier_weight=float(ident["strong_weight"]),
        strong_kinds=frozenset(str(k) for k in ident["strong_kinds"]),
        qualifiers={str(k): float(v) for k, v in data["qualifiers"].items()},
    )


@cache
def scoring_config() -> ScoringConfig:
    """The configuration shipped with seisai (read once)."""
    return _build(load_table("matching", "scoring.yml"))


def with_overrides(overrides: dict[str, Any]) -> ScoringConfig:
    """The shipped configuration with some top-level sections replaced (for tuning runs)."""
    data = dict(load_table("matching", "scoring.yml"))
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return _build(data)
