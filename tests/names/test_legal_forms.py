from __future__ import annotations

import pytest

from seisai.names.legal_forms import compatible, find_legal_forms
from seisai.text.normalize import clean


@pytest.mark.parametrize(
    ("name", "rest", "classes"),
    [
        ("株式会社ロスオボロンエクスポルト", "ロスオボロンエクスポルト", {"KK"}),
        ("トヨタ自動車(株)", "トヨタ自動車", {"KK"}),
        ("㈱トヨタ自動車", "トヨタ自動車", {"KK"}),
        ("ООО Ромашка", "ромашка", {"LLC"}),
        ("Public Joint Stock Company Sberbank of Russia", "sberbank of russia", {"PJSC"}),
        ("AO Kronshtadt", "kronshtadt", {"JSC"}),
        (clean("ﾄﾖﾀｼﾞﾄﾞｳｼﾔ(ｶ"), "トヨタジドウシヤ", {"KK"}),
        (clean("ｶ)ﾄﾖﾀ"), "トヨタ", {"KK"}),
    ],
)
def test_found_anywhere(name: str, rest: str, classes: set[str]) -> None:
    assert find_legal_forms(name) == (rest, frozenset(classes))


def test_short_forms_only_at_the_edges_and_whole_words() -> None:
    assert find_legal_forms("Cobalt Trading") == ("Cobalt Trading", frozenset())
    assert find_legal_forms("Banco SA Holdings")[1] == frozenset()


def test_a_name_made_only_of_a_form_is_kept() -> None:
    assert find_legal_forms("OOO") == ("OOO", frozenset({"LLC"}))


def test_compatible_classes() -> None:
    assert compatible("JSC", "PJSC") and compatible("LLC", "LLC")
    assert not compatible("LLC", "JSC")
