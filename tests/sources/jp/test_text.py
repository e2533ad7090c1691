from __future__ import annotations

from datetime import date, datetime

import pytest

from seisai.sources.jp.text import (
    is_placeholder,
    norm,
    one_line,
    split_enumeration,
    split_top,
    strip_groups,
    trailing_group,
)


def test_norm_makes_full_width_ascii_and_keeps_lines() -> None:
    assert norm("ＶＥＢ．ＲＦ（ロシア）\u3000 \n\n２") == "VEB.RF(ロシア)\n2"
    assert norm(1.0) == "1" and norm(None) == ""
    assert norm(datetime(2022, 3, 1, 0, 0)) == "2022.3.1" and norm(date(1952, 10, 7)) == "1952.10.7"
    assert norm("©1979年") == "(c)1979年"


def test_one_line_joins_japanese_without_space() -> None:
    assert one_line("アイジェット\n・アビエーション") == "アイジェット・アビエーション"
    assert one_line("株式会社アガト管\n制システム") == "株式会社アガト管制システム"
    assert one_line("Istok\nnamed after AI Shokin") == "Istok named after AI Shokin"


@pytest.mark.parametrize("text", ["不明", "不明 ", "なし", "-", "Unknown", "(不明)", ""])
def test_placeholders(text: str) -> None:
    assert is_placeholder(text)


def test_not_placeholders() -> None:
    assert not is_placeholder("不明な団体") and not is_placeholder("A")


def test_split_enumeration() -> None:
    assert split_enumeration("(a)X (b)Y、(c) Z") == ["X", "Y", "Z"]
    assert split_enumeration("(i) one (ii) two") == ["one", "two"]
    assert split_enumeration("Label: (a)1 (b)2") == ["Label:", "1", "2"]
    assert split_enumeration("LIMMT (Dalian) Co") is None
    assert split_enumeration("a name (c) in the middle") is None  # (c) does not start a sequence


def test_brackets() -> None:
    assert split_top("A、B(C、D)、E", "、") == ["A", "B(C、D)", "E"]
    assert trailing_group("Shining Path (SL) (Sendero)") == ("Shining Path (SL)", "Sendero")
    assert trailing_group("no group") is None
    assert trailing_group("A (B (C))") == ("A", "B (C)")
    assert strip_groups("旅券 X1 (2003年発行) (失効)") == ("旅券 X1", ["2003年発行", "失効"])
