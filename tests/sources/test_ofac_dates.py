"""Date forms of OFAC's remarks ("DOB ...") that the parsers rely on, as read by parse_fuzzy_date."""

from __future__ import annotations

import pytest

from seisai.model import DateParseError, Precision, parse_fuzzy_date


@pytest.mark.parametrize(
    ("text", "iso", "precision", "circa"),
    [
        ("15 Dec 1951", "1951-12-15", Precision.DAY, False),
        ("Dec 1951", "1951-12", Precision.MONTH, False),
        ("1951", "1951", Precision.YEAR, False),
        ("circa 1951", "1951", Precision.YEAR, True),
        ("circa 12 Jul 1960", "1960-07-12", Precision.DAY, True),
        ("1951 to 1953", "1951/1953", Precision.RANGE, False),
        ("circa 1979-1982", "1979/1982", Precision.RANGE, True),
        # spans with days or months, added for OFAC: read as the date that covers both ends
        ("01 Jan 1951 to 31 Dec 1953", "1951/1953", Precision.RANGE, False),
        ("Mar 1958 to Feb 1959", "1958/1959", Precision.RANGE, False),
        ("12 Mar 1963 to 12 Mar 1963", "1963-03-12", Precision.DAY, False),
        ("01 Jan 1960 to 31 Dec 1960", "1960", Precision.YEAR, False),
        ("01 Mar 1960 to 31 Mar 1960", "1960-03", Precision.MONTH, False),
        ("Sep 1968 to Dec 1968", "1968", Precision.YEAR, False),
    ],
)
def test_ofac_date_forms(text: str, iso: str, precision: Precision, circa: bool) -> None:
    found = parse_fuzzy_date(text)
    assert (found.iso(), found.precision, found.circa) == (iso, precision, circa)


@pytest.mark.parametrize("text", ["2 May 1960 to 1 May 1959", "01 Jan 1951 to sometime", "31 Feb 1951 to 1953"])
def test_bad_spans_are_refused(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_fuzzy_date(text)
