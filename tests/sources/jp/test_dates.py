from __future__ import annotations

from datetime import date

import pytest

from seisai.sources.jp.dates import read_dates, read_notice_dates


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1958、59又は60年生まれ", ["1958", "1959", "1960"]),
        ("1991年7月14日又は6月14日", ["1991-07-14", "1991-06-14"]),  # the second takes the year
        ("1986年12月13 日又は 31日", ["1986-12-13", "1986-12-31"]),
        ("1966/1969年3月27日", ["1966-03-27", "1969-03-27"]),
        ("2000年2月20/29日", ["2000-02-20", "2000-02-29"]),
        ("1983年2(3)月10日", ["1983-02-10", "1983-03-10"]),
        ("(a)1976年10月5\n日 (b)1976年10月1日", ["1976-10-05", "1976-10-01"]),
        ("1961年1月1日から\n1963年12月31日の間", ["1961/1963"]),
        ("(a)1955年-1958年頃\n(b)１９４５年-1950年頃", ["c. 1955/1958", "c. 1945/1950"]),
        ("（a）1960年頃（b）1966年", ["c. 1960", "1966"]),
        ("©1979年3月3日（偽造旅券より）", ["1979-03-03"]),
        ("昭和26年12月15日", ["1951-12-15"]),
        ("不明", []),
    ],
)
def test_read_dates(cell: str, expected: list[str]) -> None:
    found = read_dates(cell)
    assert [str(d) for d in found.dates] == expected
    assert found.problems == []


def test_date_cells_are_exact() -> None:
    assert [d.iso() for d in read_dates(date(1952, 10, 7)).dates] == ["1952-10-07"]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("1983年23月10日", "month out of range"),
        ("1402年6月24日（ヒジュラ暦）", "not a Gregorian date"),
        ("10月10日（year unknown）", "no year given"),
        ("おおむね30～35歳", "unrecognised date"),
    ],
)
def test_unreadable_parts_are_problems(cell: str, reason: str) -> None:
    found = read_dates(cell)
    assert found.dates == []
    assert len(found.problems) == 1 and reason in found.problems[0]


def test_hijri_date_does_not_lose_the_others() -> None:
    found = read_dates("(a)1982年4月19日\n(b)1402年6月24日（ヒジュラ暦）")
    assert [d.iso() for d in found.dates] == ["1982-04-19"] and len(found.problems) == 1


def test_notice_dates() -> None:
    notice = read_notice_dates("2001.9.22\n2008.6.25改訂\n2012.3.27改訂\n")
    assert notice.listed == date(2001, 9, 22)
    assert notice.amended == [date(2008, 6, 25), date(2012, 3, 27)]
    assert not notice.is_deleted
    deleted = read_notice_dates("2008.6.25削除\n（38．と同一人物）")
    assert deleted.is_deleted and deleted.deleted == date(2008, 6, 25) and deleted.problems == []
    typo = read_notice_dates("2005.8.23\n2007.713改訂")
    assert typo.listed == date(2005, 8, 23) and typo.amended == []
    assert typo.problems == ["'2007.713改訂': not a valid date"]
