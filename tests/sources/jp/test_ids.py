from __future__ import annotations

from seisai.model import IdKind
from seisai.sources.jp.ids import read_identifiers


def test_passport_in_prose() -> None:
    found, missed = read_identifiers(
        "(a)アフガニスタン旅券番号：OR1961825（2003年2月4日に発行、Akhter Mohmadの名義で発行）"
        "　(b)アフガニスタン旅券番号：TR024417（2003年12月20日に発行）",
        IdKind.PASSPORT,
    )
    assert [(i.kind, i.value, i.country) for i in found] == [
        (IdKind.PASSPORT, "OR1961825", "af"),
        (IdKind.PASSPORT, "TR024417", "af"),
    ]
    assert "Akhter Mohmad" in (found[0].note or "") and missed == []


def test_number_with_prefix_series_and_label_before_enumeration() -> None:
    assert read_identifiers("パキスタン旅券 BN 4196361 （2008年10月28日発行）", IdKind.PASSPORT)[0][0].value == "BN 4196361"
    assert read_identifiers("ロシア旅券番号8208 No.555627、…発行", IdKind.PASSPORT)[0][0].value == "8208 555627"
    found, _ = read_identifiers("アフガニスタン国民ＩＤカード(tazkira)番号: (a)2132370 (b)812673", IdKind.NATIONAL_ID)
    assert [(i.value, i.country) for i in found] == [("2132370", "af"), ("812673", "af")]


def test_kinds_from_words_and_bracketed_country() -> None:
    found, _ = read_identifiers(
        "(a)チュニジア国民ID番号\u3000W334061（2011年3月9日発行）\n (b)Italian Fiscal Code（イタリア納税者番号）: BNSDLA70L14Z352B",
        IdKind.NATIONAL_ID,
    )
    assert [(i.kind, i.value, i.country) for i in found] == [
        (IdKind.NATIONAL_ID, "W334061", "tn"),
        (IdKind.TAX_ID, "BNSDLA70L14Z352B", "it"),
    ]
    assert read_identifiers("210603197112150023（中華人民共和国）", IdKind.NATIONAL_ID)[0][0].country == "cn"


def test_date_lines_stay_with_their_number() -> None:
    found, missed = read_identifiers("S/263963\n発行日：2012年11月8日", IdKind.PASSPORT)
    assert [i.value for i in found] == ["S/263963"] and missed == []
    assert "2012年11月8日" in (found[0].note or "")


def test_items_without_a_number_are_returned() -> None:
    found, missed = read_identifiers("レセパセ番号", IdKind.PASSPORT)
    assert found == [] and missed == ["レセパセ番号"]
    assert read_identifiers("不明", IdKind.PASSPORT) == ([], [])
