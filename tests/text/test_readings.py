"""Second readings of names written in another script: Korean and Chinese names in katakana,
DPRK readings of hanja, Arabic letters the lists romanise in several ways, org words written
together or cut across by the tokenizer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from seisai.text.kana import bare_final, short_word_readings
from seisai.text.kanji import cover, segment
from seisai.text.phonetic import phonetic_key, skeleton
from seisai.text.romanize import abjad_variants, hanja_variants


def test_short_katakana_word_gets_korean_readings() -> None:
    readings = short_word_readings("ギョンオク")
    assert "kyonoku" in readings  # first kana unvoiced: Kim Kyong Ok
    assert any("ng" in r for r in readings)  # ン as ng
    assert "jo" in short_word_readings("チョ")  # Cho and Jo


def test_voicing_is_switched_one_way_and_only_in_short_words() -> None:
    assert short_word_readings("ペトロフ") == []  # no Betrov
    assert short_word_readings("ウラジーミルウラジーミル") == []


def test_final_consonant_readings() -> None:
    assert bare_final("サーレハ") == "sareh"
    assert bare_final("カーデル") == "kader"
    assert bare_final("ウラジーミル") is None  # ル after i stays
    assert phonetic_key("kader") == phonetic_key("qader")


def test_katakana_compound_of_org_words() -> None:
    assert cover("ロシアヘリコプター") == ("ロシア", "ヘリコプター")
    assert cover("ペトロフ") is None
    assert cover("ミノトルサービス") is None
    assert cover("ミノトルサービス", loose=True) == ("ミノトル", "サービス")
    assert cover("ライトマン", loose=True) is None  # leftovers of three characters or more only


def test_org_word_the_tokenizer_cuts_across_is_kept_whole() -> None:
    surfaces = [m.surface for m in segment("恩徳化学工場")]
    assert "化学" in surfaces and "工場" in surfaces


def test_hanja_keeps_the_dprk_reading_without_initial_sound_law() -> None:
    assert {"yeonhap", "ryeonhap"} <= set(hanja_variants("連合"))
    assert hanja_variants("林", first=True) == ["im"]  # a surname not in the table: no guess


def test_arabic_letters_read_several_ways() -> None:
    assert "fiz" in abjad_variants("فيض")  # Faiz
    assert "gmal" in abjad_variants("جمال")  # Gamal
    assert abjad_variants("محمد") == ["mhmd"]
    # a variant whose skeleton has fewer than two consonants is no evidence
    assert all(len(skeleton(v)) >= 2 for v in abjad_variants("ضوا")[1:])


def test_korean_spellings_share_a_key() -> None:
    assert phonetic_key("paek") == phonetic_key("pek")
    assert phonetic_key("song") != phonetic_key("son")  # ン reads both; Latin keeps them apart
    assert skeleton("akkacha") == skeleton("akkasha")  # French ch for shin


@given(st.text(max_size=30))
def test_readings_never_raise(text: str) -> None:
    short_word_readings(text)
    bare_final(text)
    abjad_variants(text)
    cover(text, loose=True)


def test_eu_language_transliterations_of_cyrillic() -> None:
    from seisai.text.cyrillic import latin_variants

    assert "levtjenko" in latin_variants("Левченко")  # Swedish
    assert "szczerbakov" in latin_variants("Щербаков")  # Polish (w for в is left to the spelling key)
    assert "cholin" in latin_variants("Холин")  # Czech and Swedish х


def test_place_of_a_russian_adjective() -> None:
    from seisai.text.cyrillic import place_of_adjective

    assert "kazan" in place_of_adjective("Казанский")
    assert "novosibirsk" in place_of_adjective("Новосибирский")
    assert "omsk" in place_of_adjective("Омский")
    assert place_of_adjective("Завод") == []


def test_nominative_of_a_surname_in_the_genitive() -> None:
    from seisai.text.cyrillic import nominative_of_name

    assert "degtyaryov" in nominative_of_name("Дегтярёва") or "degtyarev" in nominative_of_name("Дегтярёва")
    assert "sukhoi" in nominative_of_name("Сухого")
    assert "zhukovskiy" in nominative_of_name("Жуковского")
    assert nominative_of_name("Завод") == []


def test_arabic_letters_never_join_into_a_digraph() -> None:
    from seisai.text.romanize import abjad_to_latin, split_article

    assert skeleton(abjad_to_latin("صحراوي")) == skeleton("sahraoui")  # s + h is not sh
    assert split_article("عبدالخالق") == ["عبد", "ال", "خالق"]
