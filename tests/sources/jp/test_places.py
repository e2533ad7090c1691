from __future__ import annotations

import pytest

from seisai.sources.jp.places import country_in, read_addresses, split_places


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("北朝鮮平壌特別市", "kp"),
        ("中華人民共和国遼寧省丹東市", "cn"),
        ("モスクワ（ロシア）", "ru"),
        ("トリポリ、リビア", "ly"),
        ("サウディ・アラビア", "sa"),
        ("ルワンダ共和国", "rw"),
        ("ソビエト社会主義共和国連邦", "suhh"),
        ("d. 58 str. 4 shosse Leningradskoe, Moscow, 125212, Russia", "ru"),
        ("Room 32, San Po Kong, Kowloon, Hong Kong, China", "hk"),
        ("バグダッド", None),
        ("不明", None),
    ],
)
def test_country_in(text: str, code: str | None) -> None:
    assert country_in(text) == code


def test_addresses() -> None:
    found = read_addresses("ul. Fadeyeva, Moscow 125047, Russia; and ul. Ulofa Palme, d. 1 podyezd C,Moscow,Russia")
    assert [(a.full, a.country) for a in found] == [
        ("ul. Fadeyeva, Moscow 125047, Russia", "ru"),
        ("ul. Ulofa Palme, d. 1 podyezd C,Moscow,Russia", "ru"),
    ]
    assert [a.country for a in read_addresses("北朝鮮咸鏡南道咸興；北朝鮮平壌特別市万景台区域")] == ["kp", "kp"]
    assert read_addresses("不明") == []


def test_birth_places() -> None:
    assert split_places("(a)Zurmat District, Afghanistan (b)Garda Saray District, Afghanistan") == [
        "Zurmat District, Afghanistan",
        "Garda Saray District, Afghanistan",
    ]
    assert split_places("ソマリア・ジリブ、\n又はソマリア・クーニョ・バロー") == ["ソマリア・ジリブ", "ソマリア・クーニョ・バロー"]
