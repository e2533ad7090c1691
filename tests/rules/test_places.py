"""Occupied regions of Ukraine in free-text addresses, in four scripts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seisai.rules.places import DEFINITE, POSSIBLE, detect_places, normalize_place_text, region_ids

CASES = [
    # Each case: an address, the region it names, how certain.
    ("ul. Kirova 52/1, Simferopol, Crimea", "UA-43", DEFINITE),
    ("Respublika Krym, g. Kerch", "UA-43", DEFINITE),
    ("295000, Республика Крым, г. Симферополь", "UA-43", DEFINITE),
    ("м. Сімферополь, АР Крим", "UA-43", DEFINITE),
    ("クリミア自治共和国ヤルタ", "UA-43", DEFINITE),
    ("Feodosiia (Feodosia), Crimea", "UA-43", DEFINITE),
    ("Sevastopol, Nakhimova 5", "UA-40", DEFINITE),
    ("г. Севастополь, ул. Ленина", "UA-40", DEFINITE),
    ("セヴァストーポリ特別市", "UA-40", DEFINITE),
    ("セバストポリ", "UA-40", DEFINITE),
    ("83000, Pushkin Boulevard 34, Donetsk, Ukraine", "UA-14", DEFINITE),
    ("г. Донецк, ДНР", "UA-14", DEFINITE),
    ("Donetsk People's Republic, Makiivka", "UA-14", DEFINITE),
    ("Маріуполь, Донецька область", "UA-14", DEFINITE),
    ("ドネツク人民共和国", "UA-14", DEFINITE),
    ("Kramatorsk, Donetsk Oblast", "UA-14", POSSIBLE),
    ("Donetsk Oblast", "UA-14", POSSIBLE),
    ("Слов’янськ", "UA-14", POSSIBLE),
    ("Square Geroev 3, Luhansk, Ukraine", "UA-09", DEFINITE),
    ("г. Луганск, ЛНР", "UA-09", DEFINITE),
    ("ルガンスク州", "UA-09", POSSIBLE),
    ("Alchevsk", "UA-09", DEFINITE),
    ("Melitopol, Zaporizhzhia Oblast", "UA-23", DEFINITE),
    ("Zaporizhzhia, Ukraine", "UA-23", POSSIBLE),
    ("Запорожская область, Энергодар", "UA-23", DEFINITE),
    ("ザポリッジャ州", "UA-23", POSSIBLE),
    ("Nova Kakhovka, Kherson Oblast", "UA-65", DEFINITE),
    ("ヘルソン州ノヴァ・カホフカ", "UA-65", DEFINITE),
    ("Херсон", "UA-65", POSSIBLE),
]


@pytest.mark.parametrize(("text", "region", "certainty"), CASES)
def test_regions_are_found(text: str, region: str, certainty: str) -> None:
    found = {m.region: m for m in detect_places(text)}
    assert region in found, detect_places(text)
    assert found[region].certainty == certainty


@pytest.mark.parametrize(
    "text",
    [
        "Novosibirsk, Russia",
        "Donetsk, Rostov Oblast, Russia",  # a town in Russia
        "Донецк, Ростовская область",
        "Krymsk, Krasnodar Krai",  # not Krym
        "Sebastopol, CA 95472, USA",
        "Pyongyang, DPR Korea",
        "Tokmak, Chuy Region, Kyrgyzstan",
        "Kyiv, Ukraine",
        "東京都千代田区霞が関1-1",
        "Dnipro, Ukraine",
        "",
    ],
)
def test_other_places_are_not(text: str) -> None:
    assert detect_places(text) == ()


def test_longest_name_wins_and_both_donbas_regions() -> None:
    assert [m.region for m in detect_places("Donbas")] == ["UA-09", "UA-14"]
    (match,) = detect_places("Kramatorsk, Donetsk Oblast")
    assert match.kind == "city" or match.matched == "Donetsk Oblast"


def test_every_region_has_names_in_every_script() -> None:
    from seisai.rules.places import _aliases

    scripts = {rid: set() for rid in region_ids()}
    for key, aliases in _aliases().items():
        for alias in aliases:
            script = "ja" if any("\u30a0" <= c <= "\u30ff" for c in key) else (
                "cyrl" if any("\u0400" <= c <= "\u04ff" for c in key) else "latn")
            scripts[alias.regions[0]].add(script)
    assert all(s == {"ja", "cyrl", "latn"} for s in scripts.values()), scripts


@given(st.text(max_size=200))
def test_never_raises_and_normalization_is_idempotent(text: str) -> None:
    detect_places(text)
    once = normalize_place_text(text)
    assert normalize_place_text(once) == once
