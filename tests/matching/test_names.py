"""Name comparison: joined runs, and the similarity cache shared across comparisons."""

from __future__ import annotations

import pytest

from seisai.matching.config import scoring_config
from seisai.matching.names import Memo, compare_names
from seisai.names.analyze import analyze_name

CFG = scoring_config().name


def _flat(_token: object) -> float:
    return 1.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Shahabuddin", "شهاب الدين"), ("Jeson Kim", "Je-son Kim"), ("Nadjafabadi", "Nadja Fabadi")],
)
def test_parts_written_together_pair_as_joined(query: str, listed: str) -> None:
    # runs are merged only for a part that begins alike: that must keep real joined spellings
    result = compare_names(analyze_name(query), analyze_name(listed), CFG, _flat)
    assert any(p.how == "joined" for p in result.pairs)
    assert result.score >= 0.9


def test_a_shared_memo_changes_no_score() -> None:
    memo: Memo = {}
    names = ["Vladimir Putin", "ウラジーミル・プーチン", "Shahabuddin", "شهاب الدين", "Sergei Ivanovich Petrov"]
    analysed = [analyze_name(n) for n in names]
    for _ in range(2):  # the second round reads every similarity from the memo
        for a in analysed:
            for b in analysed:
                shared = compare_names(a, b, CFG, _flat, memo)
                fresh = compare_names(a, b, CFG, _flat)
                assert (shared.score, shared.detail()) == (fresh.score, fresh.detail())
    assert memo


@pytest.mark.parametrize(
    ("query", "listed"), [("Tatiana Makarova", "Tatiana SAKHAROVA"), ("Igor Zakharov", "Igor MAKAROV")]
)
def test_a_surname_that_begins_otherwise_is_another_name(query: str, listed: str) -> None:
    # one or two letters off, but no spelling of the two begins alike: the surnames stay unpaired
    result = compare_names(analyze_name(query), analyze_name(listed), CFG, _flat)
    assert len(result.pairs) == 1 and result.pairs[0].how == "literal"
    assert result.score < 0.5


@pytest.mark.parametrize(
    ("query", "listed"), [("Sergei Jakovlev", "Sergei YAKOVLEV"), ("Iurii Eltsin", "Yuri YELTSIN")]
)
def test_spellings_that_begin_otherwise_in_one_system_still_pair(query: str, listed: str) -> None:
    result = compare_names(analyze_name(query), analyze_name(listed), CFG, _flat)
    assert len(result.pairs) == 2 and result.score >= 0.9
