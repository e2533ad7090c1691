from __future__ import annotations

import pytest

from seisai.geo.nationalities import nationality_code, nationality_codes


@pytest.mark.parametrize(
    ("text", "codes", "unknown"),
    [
        ("Russian", ["ru"], []),
        ("Saudi Arabian\xa0", ["sa"], []),
        ("Russian and Ukrainian", ["ru", "ua"], []),
        ("Germany. Russia", ["de", "ru"], []),
        ("Ukrainian SSR (now Ukraine)", ["ua"], []),
        ("Former USSR Currently Belarus", ["by"], []),
        ("Russian Federation (as at November 2010)", ["ru"], []),
        ("Iraq (previous address)", ["iq"], []),
        ("Kazakh SSR", ["kz"], []),
        ("Possibly Ethiopian", ["et"], []),
        ("Bosnia and Herzegovina", ["ba"], []),
        ("Congo (Democratic Republic)", ["cd"], []),
        ("Congolese", [], ["Congolese"]),  # Congo or DR Congo: left unread on purpose
        ("Crimea", [], ["Crimea"]),
        ("", [], []),
    ],
)
def test_nationality_cells(text: str, codes: list[str], unknown: list[str]) -> None:
    assert nationality_codes(text) == (codes, unknown)


def test_results_are_fresh_lists() -> None:
    codes, _ = nationality_codes("Russian")
    codes.append("xx")
    assert nationality_codes("Russian") == (["ru"], [])


def test_single_names() -> None:
    assert nationality_code("Filipino") == "ph"
    assert nationality_code("Russian Federation") == "ru"
    assert nationality_code("Korean") is None
    assert nationality_code(None) is None
