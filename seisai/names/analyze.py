"""A name analysed for matching: tokens with their Latin spellings and phonetic keys.

Every script ends up in the same space: each token of a name gets one or more Latin
spellings (``forms``: Cyrillic through every transliteration system, katakana as a foreign
name and as Japanese, kanji through its readings and the org-word table, Arabic letter by
letter, Hangul in two systems) and their phonetic keys (``keys``). The index looks names up by
key and the scorer aligns tokens on forms and keys. Legal forms are taken out of the tokens
and kept as classes (``legal_forms``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from seisai.names.legal_forms import find_legal_forms
from seisai.names.words import (
    cyrillic_org_word,
    fix_homoglyphs,
    latin_org_word,
    patronymic_weight,
    split_abd,
    stopword_weights,
    variant_keys,
)
from seisai.text import cyrillic, kana, kanji, romanize
from seisai.text.normalize import clean, fold_latin
from seisai.text.phonetic import latin_alternatives, phonetic_key, skeleton, spelling_key
from seisai.text.scripts import Script, script_of, scripts_in

_DIGITS = re.compile(r"(\d+)")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)|n(\d+)")
_SPLIT = re.compile(r"[\s・･·,;:/|()\[\]{}「」『』【】〈〉《》\"“”«»、。.\-_+*!?#=~\\]+")
MAX_TOKENS = 24
MAX_TOKEN_LENGTH = 40
_KANA = {Script.KATAKANA, Script.HIRAGANA}


@dataclass(frozen=True, slots=True)
class Token:
    """One part of a name.

    ``text`` is the part as written; ``forms`` its Latin spellings (lower-case ASCII);
    ``keys`` their phonetic keys (or consonant skeletons when ``abjad``); ``weight`` how much
    the part counts (1.0 for a name, less for particles, patronymics, generic org words);
    ``kind`` is ``name``, ``stop``, ``patronymic``, ``org_word``, ``number`` or ``initial``;
    ``origin`` the script the spellings were read from (``latin``, ``cyrillic``, ``kana``,
    ``han``, ``hangul``, ``abjad``, ``other``). Derived on creation: ``form_set``,
    ``key_set``, ``spellings`` (the spelling keys of the forms, on which Latin and Cyrillic
    names compare) and ``groups`` (the given-name variant groups of the forms).
    """

    text: str
    forms: tuple[str, ...]
    keys: tuple[str, ...]
    weight: float = 1.0
    kind: str = "name"
    abjad: bool = False
    origin: str = "latin"
    form_set: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    key_set: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    spellings: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    groups: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "form_set", frozenset(self.forms))
        object.__setattr__(self, "key_set", frozenset(self.keys))
        if not self.abjad and self.kind not in ("number", "initial"):
            spellings = {spelling_key(f) for f in self.forms}
            # j is й in German and ISO spellings (Jurij) but дж in English ones (Jihad)
            spellings |= {spelling_key(f.replace("j", "dzh")) for f in self.forms if "j" in f}
            object.__setattr__(self, "spellings", frozenset(spellings))
            variants = variant_keys()
            groups = {variants[f] for f in self.forms if f in variants}
            if self.origin == "kana":  # a guessed reading of kana is no given-name variant
                groups &= self.key_set
            object.__setattr__(self, "groups", frozenset(groups))


@dataclass(frozen=True, slots=True)
class AnalyzedName:
    """A name ready to compare: its tokens, legal-form classes and dominant script."""

    original: str
    tokens: tuple[Token, ...]
    legal_forms: frozenset[str]
    script: Script
    alternatives: tuple[AnalyzedName, ...] = ()

    @property
    def keys(self) -> set[str]:
        """Every phonetic key of every token (of this reading and its alternatives)."""
        found = {k for t in self.tokens for k in t.keys}
        for alt in self.alternatives:
            found |= alt.keys
        return found

    def readings(self) -> tuple[AnalyzedName, ...]:
        """This analysis and its alternatives (a Han name read as Japanese and as Chinese)."""
        return (self, *self.alternatives)


def analyze_name(text: str, *, is_org: bool | None = None, lang: str | None = None) -> AnalyzedName:
    """Analyse one name. Never raises; a name with no letters gives no tokens.

    ``is_org`` False skips legal-form removal (a person called "Co" keeps the token);
    ``lang`` is the list's language code for the name, used to pick transliteration systems.
    """
    cleaned = clean(text)
    if not cleaned.isascii() and script_of(cleaned) is Script.CYRILLIC:
        cleaned = " ".join(fix_homoglyphs(w, single=True) for w in cleaned.split(" "))
    classes: frozenset[str] = frozenset()
    if is_org is not False:
        cleaned, classes = find_legal_forms(cleaned)
    chunks = [c for c in _SPLIT.split(cleaned) if c]
    single_hangul = len(chunks) == 1 and script_of(chunks[0]) is Script.HANGUL
    script = Script.LATIN if cleaned.isascii() else script_of(cleaned)
    alternatives = _chinese_person(text, cleaned, classes) if script is Script.HAN else ()
    if lang is None and script is Script.CYRILLIC:
        lang = cyrillic.detect_language(cleaned)  # one Belarusian letter marks every word
    tokens: list[Token] = []
    for chunk in chunks[:MAX_TOKENS]:
        tokens.extend(_chunk_tokens(chunk, lang, single_hangul, bool(alternatives), is_org is True))
    return AnalyzedName(text, tuple(tokens[:MAX_TOKENS]), classes, script, alternatives)


def _chinese_person(text: str, cleaned: str, classes: frozenset[str]) -> tuple[AnalyzedName, ...]:
    """A Han-only name of 2-4 characters also read as a Chinese person: surname + given name
    in pinyin (习近平 -> xi + jinping), beside its Japanese reading. Pinyin is a spelling
    system, so these tokens compare with Latin names as Latin spellings do (origin
    ``pinyin``), not with the leeway given to readings of Japanese kana."""
    compact = cleaned.replace(" ", "")
    if classes or not 2 <= len(compact) <= 4 or scripts_in(compact) != {Script.HAN}:
        return ()
    surname, given = kanji.pinyin(compact[0]), kanji.pinyin(compact[1:])
    if not surname or not given:
        return ()
    tokens = (_make(compact[0], [surname], origin="pinyin"), _make(compact[1:], [given], origin="pinyin"))
    return (AnalyzedName(text, tokens, classes, Script.HAN),)


@lru_cache(maxsize=300_000)
def _chunk_tokens(
    chunk: str, lang: str | None, single_hangul: bool, chinese_reading: bool = False, org: bool = False
) -> tuple[Token, ...]:
    """The tokens of one space-separated chunk (cached: list names repeat their parts).

    ``chinese_reading``: the name also has a Chinese reading, so Han words here keep their
    Japanese and Korean readings only.
    """
    if chunk.isascii():
        return tuple(t for f in fold_latin(chunk).split() for t in _latin_tokens(chunk, f, org))
    return tuple(_script_tokens(chunk, lang, single_hangul, chinese_reading, org))


def _latin_tokens(text: str, form: str, org: bool = False) -> list[Token]:
    if org and (translations := latin_org_word(form)):  # Zavod, Nauchno-Proizvodstvennoe
        return _translated(text, translations, [form])
    parts = split_abd(form)
    if parts is not None and len(parts) == 2:
        return [_make(text, [parts[0], form]), _make("", [parts[1]])]
    return [_latin_token(text, form)]


def _script_tokens(
    chunk: str, lang: str | None, single_hangul: bool, chinese_reading: bool = False, org: bool = False
) -> list[Token]:
    parts = [p for p in _DIGITS.split(chunk) if p]
    if len(parts) > 1:
        return [t for part in parts for t in _script_tokens(part, lang, single_hangul, chinese_reading, org)]
    scripts = scripts_in(chunk)
    if scripts == {Script.CYRILLIC, Script.LATIN}:
        chunk = fix_homoglyphs(chunk)
        scripts = scripts_in(chunk)
    if not scripts or scripts == {Script.LATIN}:
        return [_latin_token(chunk, f) for f in fold_latin(chunk).split()]
    if scripts == {Script.CYRILLIC}:
        variants = [fold_latin(v).replace(" ", "") for v in cyrillic.latin_variants(chunk, lang)]
        translations = cyrillic_org_word(chunk)
        if translations:
            return _translated(chunk, translations, variants)
        if org:  # Казанский завод = Kazan Plant, Новосибирский = Novosibirsk
            variants += [fold_latin(v).replace(" ", "") for v in cyrillic.place_of_adjective(chunk)]
            variants += [fold_latin(v).replace(" ", "") for v in cyrillic.nominative_of_name(chunk)]
        return [_make(chunk, variants, origin="cyrillic")]
    if scripts <= _KANA:
        return _kana_tokens(chunk, org)
    if Script.HAN in scripts or scripts <= _KANA | {Script.HAN, Script.LATIN}:
        return _japanese_tokens(chunk, pinyin=not chinese_reading)
    if scripts == {Script.ARABIC}:
        return [t for part in romanize.split_article(chunk) for t in _arabic_tokens(part)]
    if scripts == {Script.HANGUL}:
        return _hangul_tokens(chunk, single_hangul)
    latin = romanize.fallback_latin(chunk)
    return [_make(chunk, [latin] if latin else [chunk.casefold()], origin="other")]


def _latin_token(text: str, form: str) -> Token:
    if form.isdigit():
        return Token(text, (form,), (form,), 1.0, "number")
    if (ordinal := _ORDINAL.fullmatch(form)) is not None:  # 48th = 第48 = 48; N9 = No. 9
        number = ordinal.group(1) or ordinal.group(2)
        return Token(text, (number,), (number,), 1.0, "number")
    if len(form) == 1:
        return Token(text, (form,), (form,), 0.5, "initial")
    parts = split_abd(form)
    if parts is not None:
        return _make(text, [form, parts[0]] if len(parts) == 1 else [form])
    forms = [form, *latin_alternatives(form)]
    if text.casefold().endswith("ová") and len(form) > 5:
        # Czech and Slovak add -ová to a woman's surname: Levašovová = Levashova, Fesenková = Fesenko
        forms += [form[:-3] + "a", form[:-3] + "o"]
    return _make(text, forms)


def _make(
    text: str,
    forms: list[str],
    kind: str = "name",
    weight: float | None = None,
    origin: str = "latin",
    extra: list[str] | None = None,
) -> Token:
    """A token; ``extra`` spellings are added after ``forms`` but never looked up as given-name
    variants (a guessed reading must not turn チャン into Jan, a form of Ivan)."""
    forms = [f[:MAX_TOKEN_LENGTH] for f in dict.fromkeys(forms) if f]
    if not forms:
        forms = [text.casefold()]
    variants = variant_keys()
    grouped = [variants[f] for f in forms if f in variants]
    forms += [f[:MAX_TOKEN_LENGTH] for f in extra or () if f and f[:MAX_TOKEN_LENGTH] not in forms]
    keys = list(dict.fromkeys(phonetic_key(f) for f in forms))
    keys += list(dict.fromkeys(k for k in grouped if k not in keys))
    if weight is None:
        word = forms[0] if text.isascii() or kind == "org_word" else text
        weight = stopword_weights().get(word, 1.0)
        if weight < 1.0:
            kind = "stop"
        elif (pw := patronymic_weight(forms[0])) is not None:
            weight, kind = pw, "patronymic"
    return Token(text, tuple(forms), tuple(keys), weight, kind, False, origin)


def _kana_forms(chunk: str) -> list[str]:
    forms = [
        kana.romanize(chunk, "foreign"),
        kana.romanize(chunk, "hepburn"),
        kana.romanize(kana.fold_kana(chunk), "foreign"),
    ]
    return [fold_latin(f).replace(" ", "") for f in forms]


def _kana_tokens(chunk: str, org: bool = False) -> list[Token]:
    katakana = kana.to_katakana(chunk)
    translations = kanji.org_words().get(katakana)
    if translations:
        return _translated(chunk, translations, _kana_forms(chunk))
    letter = kana.letter_name(katakana) if org else None
    if letter is not None:  # エム・スター = M Star
        return [_make(chunk, [letter, *_kana_forms(chunk)], origin="kana")]
    words = kanji.cover(katakana, loose=len(katakana) >= 6) if len(katakana) >= 4 else None
    if words is not None and len(words) > 1:  # ロシアヘリコプター = ロシア + ヘリコプター
        return [t for word in words for t in _kana_tokens(word, org)]
    guesses = [*kana.short_word_readings(chunk), kana.bare_final(chunk)]
    extra = [fold_latin(g).replace(" ", "") for g in guesses if g]
    return [_make(chunk, _kana_forms(chunk), origin="kana", extra=extra)]


def _japanese_tokens(chunk: str, *, pinyin: bool = True) -> list[Token]:
    chinese = not (scripts_in(chunk) & _KANA)
    tokens: list[Token] = []
    for index, morpheme in enumerate(kanji.segment(chunk)):
        if morpheme.translations:
            readings = [fold_latin(kana.romanize(r, "hepburn")).replace(" ", "") for r in morpheme.readings[:1]]
            if chinese and scripts_in(morpheme.surface) == {Script.HAN}:
                # a Korean or Chinese name may spell the word rather than translate it:
                # 朝鮮連合貿易会社 = Korea Ryonhap Trading, 南興 = Namhung
                readings += romanize.hanja_variants(morpheme.surface, first=index == 0)
                readings += [kanji.pinyin(morpheme.surface)] if pinyin else []
                tokens.extend(_translated(morpheme.surface, morpheme.translations, readings, origin="han"))
                continue
            tokens.extend(_translated(morpheme.surface, morpheme.translations, readings))
            continue
        surface = morpheme.surface
        if scripts_in(surface) <= _KANA | {Script.LATIN} and scripts_in(surface) & _KANA:
            tokens.extend(_kana_tokens(surface))
            continue
        if not scripts_in(surface) & {Script.HAN}:
            tokens.extend(_latin_token(surface, f) for f in fold_latin(surface).split())
            continue
        forms = [fold_latin(kana.romanize(r, "hepburn")).replace(" ", "") for r in morpheme.readings]
        if chinese:
            if pinyin:
                forms.append(kanji.pinyin(surface))
            forms += romanize.hanja_variants(surface, first=index == 0)
        tokens.append(_make(surface, forms, origin="han"))
    return tokens


def _translated(
    surface: str, translations: tuple[str, ...], own_forms: list[str], *, origin: str = "latin"
) -> list[Token]:
    """Tokens for a word with English equivalents: one per English word of the first
    translation (others of the same length are alternatives); the word's own spellings are
    alternatives of the first token. With ``origin`` ``han`` (a word with its Korean and
    Chinese readings) the first token compares as a reading, and a single character keeps its
    readings right after the first translation, as they join it to the next (南興 = Namhung)."""
    words = translations[0].split()
    same = [tr.split() for tr in translations if len(tr.split()) == len(words)]
    tokens = []
    for i, _ in enumerate(words):
        forms = [fold_latin(tr[i]) for tr in same]
        if i == 0:
            early = origin == "han" and len(surface) == 1
            forms = [*forms[:1], *own_forms, *forms[1:]] if early else forms + own_forms
        tokens.append(_make(surface if i == 0 else "", forms, "org_word", origin=origin if i == 0 else "latin"))
    return tokens


def _arabic_tokens(part: str) -> list[Token]:
    translations = kanji.arabic_org_words().get(part)
    if translations:  # شبكة = network, حركة = movement, also spelt harakat
        return _translated(part, translations, romanize.abjad_variants(part)[:1])
    return [_abjad_token(part)]


def _abjad_token(part: str) -> Token:
    forms = tuple(romanize.abjad_variants(part)) or (part,)
    weight = stopword_weights().get(part)
    keys = tuple(dict.fromkeys(skeleton(f) for f in forms))
    if weight is not None:
        return Token(part, forms[:1], keys[:1], weight, "stop", True, "abjad")
    return Token(part, forms, keys, 1.0, "name", True, "abjad")


def _hangul_tokens(chunk: str, single: bool) -> list[Token]:
    if single and 2 <= len(chunk) <= 4:
        surname, given = chunk[0], chunk[1:]
        forms = romanize.hangul_surname_variants(surname) + romanize.hangul_variants(surname)
        return [_make(surname, forms, origin="hangul"), _make(given, romanize.hangul_variants(given), origin="hangul")]
    return [_make(chunk, romanize.hangul_variants(chunk), origin="hangul")]
