from __future__ import annotations

from datetime import date

from seisai.sources.jp.meti_pdf import (
    Line,
    clean_line,
    join_ja,
    read_header,
    split_entries,
    tidy_ja,
)


def lines(*texts: str) -> list[Line]:
    return [Line(clean_line(t), 1) for t in texts]


def test_header_dates_with_word_spacing() -> None:
    header, start = read_header(
        lines(
            "○ 国際平和のための…輸出等に係る禁止措置",
            "の対象となるベラルーシ共和国の団体（令和四年外務省告示第百四号）",
            "指定日：2022 年03月08 日",
            "最終更新日：2022 年07 月05 日",
            "１ 国防省",
        )
    )
    assert header.designated == date(2022, 3, 8) and header.updated == date(2022, 7, 5)
    assert header.notice == "令和四年外務省告示第百四号"
    assert start == 4


def test_entries_follow_the_numbering() -> None:
    entries, stray = split_entries(
        lines(
            "1 株式会社テスト",
            "Test JSC",
            "所在地：Office 1, Moscow,",
            "2 Lenina Street, Russia",  # an address line, not entry 2: no Japanese
            "2 有限会社サンプル（別称、サンプル及び",
            "SMPL）",
            "Sample LLC, a.k.a., the following two aliases:",
            "-Sample; and",
            "-SMPL",
            "所 在 地 : Minsk, Belarus; and Pinsk, Belarus",
        ),
        0,
    )
    assert stray == [] and [e.number for e in entries] == [1, 2]
    assert entries[0].addresses == ["Office 1, Moscow, 2 Lenina Street, Russia"]
    assert entries[1].japanese == "有限会社サンプル(別称、サンプル及びSMPL)"
    assert entries[1].english == ["Sample LLC, a.k.a., the following two aliases:", "-Sample; and", "-SMPL"]
    assert entries[1].addresses == ["Minsk, Belarus; and Pinsk, Belarus"]


def test_japanese_joining_and_digit_spacing() -> None:
    assert join_ja("アイジェット", "・アビエーション") == "アイジェット・アビエーション"
    assert join_ja("Shenzhen East", "Technology") == "Shenzhen East Technology"
    assert tidy_ja("株式会社第140 修理工場") == "株式会社第140修理工場"
    assert tidy_ja("株式会社 558 ARP") == "株式会社558 ARP"
