"""Invariants of name scoring, checked on arbitrary input (hypothesis)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from seisai.matching import scoring_config
from seisai.matching.names import compare_names, token_similarity
from seisai.names import analyze_name

CFG = scoring_config().name
NAMES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
LATIN = st.from_regex(r"[A-Za-z]{2,9}( [A-Za-z]{2,9}){0,3}", fullmatch=True)


def _rarity(_token: object) -> float:
    return 1.0


def _carries_weight(a: str) -> bool:
    """A name made only of titles and stop words ("MR") carries no evidence and scores 0."""
    return any(token.weight > 0 for token in analyze_name(a).tokens)


@settings(max_examples=200, deadline=None)
@given(NAMES, NAMES)
def test_name_score_is_bounded(a: str, b: str) -> None:
    score = compare_names(analyze_name(a), analyze_name(b), CFG, _rarity).score
    assert 0.0 <= score <= 1.0


@settings(max_examples=200, deadline=None)
@given(LATIN)
def test_a_name_matches_itself_fully(a: str) -> None:
    assume(_carries_weight(a))
    name = analyze_name(a)
    assert compare_names(name, name, CFG, _rarity).score == 1.0


@settings(max_examples=300, deadline=None)
@given(LATIN, LATIN)
def test_token_similarity_is_symmetric(a: str, b: str) -> None:
    for x in analyze_name(a).tokens:
        for y in analyze_name(b).tokens:
            assert token_similarity(x, y, CFG) == token_similarity(y, x, CFG)


@settings(max_examples=200, deadline=None)
@given(LATIN)
def test_word_order_does_not_matter(a: str) -> None:
    reordered = " ".join(reversed(a.split()))
    # short legal forms (AS, SA, AG) count only at either end, so their place matters
    assume(not analyze_name(a).legal_forms and not analyze_name(reordered).legal_forms)
    assume(_carries_weight(a))
    assert compare_names(analyze_name(a), analyze_name(reordered), CFG, _rarity).score == 1.0
    assert compare_names(analyze_name(reordered), analyze_name(a), CFG, _rarity).score == 1.0
