"""The Japanese forms that parse_fuzzy_date reads (added for the MOF workbook's cells)."""

from __future__ import annotations

import pytest

from seisai.model import DateParseError, Precision, parse_fuzzy_date


@pytest.mark.parametrize(
    ("text", "iso", "circa"),
    [
        ("1955年-1958年頃", "1955/1958", True),
        ("1970-1973年頃", "1970/1973", True),
        ("1972年から1973年までの間", "1972/1973", False),
        ("1961年1月1日から1963年12月31日の間", "1961/1963", False),
        ("1978年の頃", "1978", True),
        ("およそ1970年", "1970", True),
        ("おおよそ1964年", "1964", True),
        ("1970年生", "1970", False),
        ("1942年7月10日生", "1942-07-10", False),
        ("1960年生まれ", "1960", False),
        ("Born on 10 July 1942", "1942-07-10", False),
        ("Born 1970", "1970", False),
        ("平成元年1月8日", "1989-01-08", False),
    ],
)
def test_japanese_forms(text: str, iso: str, circa: bool) -> None:
    found = parse_fuzzy_date(text)
    assert found.iso() == iso
    assert found.circa is circa


def test_month_range_within_a_year_is_that_year() -> None:
    found = parse_fuzzy_date("1977年8月から9月の間")
    assert found.iso() == "1977" and found.precision is Precision.YEAR


@pytest.mark.parametrize("text", ["1983年23月10日", "おおむね30~35歳", "10月10日"])
def test_still_refused(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_fuzzy_date(text)
