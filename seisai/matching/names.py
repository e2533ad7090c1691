"""Name comparison: align the tokens of two analysed names, whatever their order and script.

Each query token is paired with at most one candidate token, best pairs first
(:func:`token_similarity` says how alike two tokens are and why). The name score is the
weighted mean of the paired similarities, where tokens left unpaired count as zeros with
a weight that depends on the side: a query token the candidate lacks weighs fully
(``extra_query``), a candidate token the query lacks weighs less (``extra_candidate``:
lists carry middle names and patronymics that customers leave out). Token weights come from
the analysis (particles, patronymics, generic org words weigh less) and from rarity: common
parts such as Mohammed or Ali count less than rare ones (``idf_floor``..``idf_ceiling``).
A whole-name comparison without spaces catches names split differently (Shinzoabe).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from seisai.matching.config import NameConfig
from seisai.names.analyze import AnalyzedName, Token
from seisai.names.legal_forms import compatible
from seisai.text.phonetic import phonetic_key, skeleton

Rarity = Callable[[Token], float]


@dataclass(frozen=True, slots=True)
class TokenPair:
    """Two aligned tokens, their similarity and how they matched (literal, phonetic...)."""

    query: Token
    candidate: Token
    score: float
    how: str


@dataclass(frozen=True, slots=True)
class NameScore:
    """The result of comparing two names, with the pairs and the leftovers for the explanation."""

    score: float
    pairs: tuple[TokenPair, ...]
    extra_query: tuple[Token, ...]
    extra_candidate: tuple[Token, ...]
    joined: float

    def detail(self) -> str:
        """One readable line: ``'putin'≈'プーチン' phonetic 0.95; 'vladimirovich' extra``."""
        parts = [f"{p.query.text!r}≈{p.candidate.text!r} {p.how} {p.score:.2f}" for p in self.pairs]
        parts += [f"{t.text!r} not in the listed name" for t in self.extra_query]
        parts += [f"listed {t.text!r} not in the query" for t in self.extra_candidate]
        if self.joined and not self.pairs:
            parts.append(f"whole names without spaces {self.joined:.2f}")
        return "; ".join(parts) or "nothing in common"


def token_similarity(a: Token, b: Token, cfg: NameConfig) -> tuple[float, str]:
    """How alike two tokens are (0..1) and by which rule. Symmetric.

    Two names read from sounds (kana, Han, Hangul) against Latin or Cyrillic compare on the
    coarse phonetic key, with a large edit budget: transliteration through Japanese or Korean
    is noisy. Latin and Cyrillic names compare with each other on their spellings once the
    transliteration systems are folded (:func:`~seisai.text.phonetic.spelling_key`), with the
    steeper ``spelling_budget``: there one letter off is more often another name (Belova,
    Beglova) than a typo.
    """
    if a.kind == "number" or b.kind == "number":
        return (cfg.literal, "literal") if a.forms[0] == b.forms[0] else (0.0, "")
    if a.origin in _HAN and b.origin in _HAN:
        # both written in Han characters: the characters decide, not their many readings
        same = a.text.replace(" ", "") == b.text.replace(" ", "")
        return (cfg.literal, "literal") if same else (0.0, "")
    if not a.form_set.isdisjoint(b.form_set):
        return cfg.literal, "literal"
    if a.abjad or b.abjad:
        return _abjad_similarity(a, b, cfg)
    if a.kind == "initial" or b.kind == "initial":
        short, long = (a, b) if a.kind == "initial" else (b, a)
        if any(f.startswith(short.forms[0]) for f in long.forms):
            return cfg.initial, "initial"
        return 0.0, ""
    if _cross_script(a, b):
        shared = a.key_set & b.key_set
        if shared and max(len(k) for k in shared) >= 2:
            primary = set(a.keys[: len(a.forms)]) & set(b.keys[: len(b.forms)])
            return (cfg.phonetic, "phonetic") if primary else (cfg.variant, "variant")
        best = max(
            (_edit_similarity(x, y, _budget(x, y, True, cfg)) for x in a.keys for y in b.keys if min(len(x), len(y)) >= 3),
            default=0.0,
        )
        best = max(best, _edit_similarity(a.forms[0], b.forms[0], _budget(a.forms[0], b.forms[0], True, cfg)))
        if a.keys[0][:1] != b.keys[0][:1]:
            best *= cfg.first_letter_factor
    else:
        if not a.spellings.isdisjoint(b.spellings):
            return cfg.phonetic, "phonetic"
        if cfg.given_variant and not a.groups.isdisjoint(b.groups):
            return cfg.given_variant, "variant"
        budget = cfg.cross_script_budget if a.kind == "patronymic" and b.kind == "patronymic" else cfg.spelling_budget
        best = max((_edit_similarity(x, y, budget) for x in a.spellings for y in b.spellings), default=0.0)
        if best and a.forms[0][:1] != b.forms[0][:1]:
            best *= cfg.first_letter_factor
            if _first_letters(a).isdisjoint(_first_letters(b)):
                best *= cfg.first_sound_factor
    if (a.kind == "patronymic") != (b.kind == "patronymic"):
        best -= cfg.patronymic_mismatch
    return max(0.0, best) * cfg.fuzzy_factor, "fuzzy"


def _first_letters(token: Token) -> set[str]:
    return {f[:1] for f in token.forms} | {k[:1] for k in token.keys} | {s[:1] for s in token.spellings}


_HAN = frozenset({"han", "pinyin"})
_LATIN_LIKE = frozenset({"latin", "cyrillic", "pinyin"})
_SOUND_SCRIPTS = frozenset({"kana", "hangul", "han"})


def _cross_script(a: Token, b: Token) -> bool:
    """True when one token was read from kana, Han or Hangul and the other is Latin or
    Cyrillic: such pairs carry transliteration noise, so their spellings get a larger edit
    budget."""
    return (a.origin in _LATIN_LIKE and b.origin in _SOUND_SCRIPTS) or (
        b.origin in _LATIN_LIKE and a.origin in _SOUND_SCRIPTS
    )


def min_similarity(a: Token, b: Token, how: str, cfg: NameConfig) -> float:
    """The similarity two tokens need to be aligned: ``min_fuzzy`` for a fuzzy pair of Latin or
    Cyrillic spellings (whose scale is steeper), ``min_token`` otherwise."""
    if how == "initial" or (how == "fuzzy" and not _cross_script(a, b)):
        return cfg.min_fuzzy
    return cfg.min_token


def _budget(x: str, y: str, cross: bool, cfg: NameConfig) -> float:
    """The larger cross-script budget applies to longer names only: one letter off in a short
    name (Putin, Putilin) is another name whatever the script."""
    return cfg.cross_script_budget if cross and min(len(x), len(y)) > 4 else cfg.fuzzy_budget


def _edit_similarity(x: str, y: str, budget: float) -> float:
    """1 - edits / (budget x length): steep, so that a typo aligns and a different name does not."""
    allowed = budget * max(len(x), len(y))
    if allowed <= 0 or abs(len(x) - len(y)) >= allowed:
        return 0.0
    edits = Levenshtein.distance(x, y, score_cutoff=int(allowed))
    return max(0.0, 1.0 - edits / allowed)


_SKELETON_SCRIPTS = frozenset({"latin", "cyrillic", "abjad", "other"})


def _abjad_similarity(a: Token, b: Token, cfg: NameConfig) -> tuple[float, str]:
    """Consonant skeletons, against Latin or Cyrillic spellings only (a kana or pinyin reading
    is too far from the letters for its consonants alone to mean anything)."""
    if a.origin not in _SKELETON_SCRIPTS or b.origin not in _SKELETON_SCRIPTS:
        return 0.0, ""
    if a.abjad and b.abjad:  # both in Arabic script: the letters, long vowels included
        return _edit_similarity(a.forms[0], b.forms[0], cfg.fuzzy_budget) * cfg.fuzzy_factor, "fuzzy"
    ka = set(a.keys) if a.abjad else {skeleton(f) for f in a.forms}
    kb = set(b.keys) if b.abjad else {skeleton(f) for f in b.forms}
    shared = ka & kb
    if shared:
        size = max(len(k) for k in shared)
        return (cfg.phonetic if size >= 3 else 0.85 if size == 2 else cfg.min_token), "consonants"
    best = max(_edit_similarity(x, y, cfg.fuzzy_budget) for x in ka for y in kb)
    return best * cfg.fuzzy_factor * 0.95, "fuzzy consonants"


Memo = dict[tuple[int, int], tuple[float, str, Token, Token]]
"""Token similarities keyed by the ids of the two tokens. Each value holds the two tokens, so
that they stay alive (and their ids unique) for as long as the entry is there: the memo can
outlive a query, since list names and common query tokens are shared objects."""
MEMO_LIMIT = 200_000


def similarity(a: Token, b: Token, cfg: NameConfig, memo: Memo) -> tuple[float, str]:
    """:func:`token_similarity` through ``memo`` (cleared when it grows past ``MEMO_LIMIT``)."""
    found = memo.get((id(a), id(b)))
    if found is None:
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        sim, how = token_similarity(a, b, cfg)
        memo[(id(a), id(b))] = (sim, how, a, b)
        return sim, how
    return found[0], found[1]


def compare_names(
    q: AnalyzedName, c: AnalyzedName, cfg: NameConfig, rarity: Rarity, memo: Memo | None = None
) -> NameScore:
    """Score two analysed names 0..1 (see the module docstring); the best of their readings.

    ``memo`` caches token similarities across candidates and queries (tokens are shared
    objects, so the same pair comes back often); see :data:`Memo`.
    """
    memo = {} if memo is None else memo
    if not q.alternatives and not c.alternatives:
        return _compare(q, c, cfg, rarity, memo)
    results = [_compare(a, b, cfg, rarity, memo) for a in q.readings() for b in c.readings()]
    return max(results, key=lambda r: r.score)


def _compare(q: AnalyzedName, c: AnalyzedName, cfg: NameConfig, rarity: Rarity, memo: Memo) -> NameScore:
    if not q.tokens or not c.tokens:
        return NameScore(0.0, (), q.tokens, c.tokens, 0.0)
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs = _greedy(q, c, used_q, used_c, cfg, memo, strong=True)
    if len(used_q) < len(q.tokens) and len(used_c) < len(c.tokens):
        pairs += _merged_pairs(q.tokens, used_q, c.tokens, used_c, cfg, memo, query_side=True)
        pairs += _merged_pairs(c.tokens, used_c, q.tokens, used_q, cfg, memo, query_side=False)
    if len(used_q) < len(q.tokens) and len(used_c) < len(c.tokens):
        pairs += _greedy(q, c, used_q, used_c, cfg, memo, strong=False)
    if pairs and len(used_q) < len(q.tokens) and len(used_c) < len(c.tokens):
        pairs += _residual(q, c, used_q, used_c, cfg, memo)
    extra_q = tuple(t for i, t in enumerate(q.tokens) if i not in used_q)
    extra_c = tuple(t for j, t in enumerate(c.tokens) if j not in used_c)
    score = _weighted(pairs, extra_q, extra_c, cfg, rarity)
    if _patronymics_differ(extra_q, extra_c, cfg):
        score = max(0.0, score - cfg.patronymic_contradiction)  # Ivanovich against Petrovich
    joined = 0.0
    if (extra_q or extra_c) and score < cfg.joined_factor:
        joined = _joined(q, c, cfg.fuzzy_budget)
        if joined >= cfg.joined_min:
            score = max(score, joined * cfg.joined_factor)
    if q.legal_forms and c.legal_forms and not any(
        compatible(x, y) for x in q.legal_forms for y in c.legal_forms
    ):
        score = max(0.0, score - cfg.legal_form_mismatch)
    return NameScore(min(1.0, score), tuple(pairs), extra_q, extra_c, joined)


def _patronymics_differ(extra_q: tuple[Token, ...], extra_c: tuple[Token, ...], cfg: NameConfig) -> bool:
    """Both names give a patronymic, left unpaired, and the two are not spellings of one name."""
    qp = [t for t in extra_q if t.kind == "patronymic"]
    cp = [t for t in extra_c if t.kind == "patronymic"]
    if not qp or not cp:
        return False
    budget = cfg.cross_script_budget
    return all(_edit_similarity(x, y, budget) < 0.5 for a in qp for b in cp for x in a.keys for y in b.keys)


def _greedy(
    q: AnalyzedName,
    c: AnalyzedName,
    used_q: set[int],
    used_c: set[int],
    cfg: NameConfig,
    memo: Memo,
    *,
    strong: bool,
) -> list[TokenPair]:
    """Pair tokens best first. The ``strong`` pass pairs only tokens of weight >= 0.5 (names,
    not particles), so that an article never takes a place a joined name needs."""
    found: list[tuple[float, int, int, str]] = []
    for i, qt in enumerate(q.tokens):
        if i in used_q or (strong and qt.weight < 0.5):
            continue
        for j, ct in enumerate(c.tokens):
            if j in used_c or (strong and ct.weight < 0.5):
                continue
            cached = memo.get((id(qt), id(ct)))
            sim, how = similarity(qt, ct, cfg, memo) if cached is None else cached[:2]
            if sim >= cfg.min_token or (sim >= cfg.min_fuzzy and sim >= min_similarity(qt, ct, how, cfg)):
                found.append((sim, i, j, how))
    found.sort(key=lambda x: (-x[0], x[1], x[2]))
    pairs: list[TokenPair] = []
    for sim, i, j, how in found:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        pairs.append(TokenPair(q.tokens[i], c.tokens[j], sim, how))
    return pairs


def _residual(
    q: AnalyzedName, c: AnalyzedName, used_q: set[int], used_c: set[int], cfg: NameConfig, memo: Memo
) -> list[TokenPair]:
    """Leftover name parts read from different scripts, paired when still fairly alike, for
    part of their similarity: transliteration noise should not cost a name part twice over
    (once missing from the query, once missing from the list)."""
    found: list[tuple[float, int, int]] = []
    for i, qt in enumerate(q.tokens):
        for j, ct in enumerate(c.tokens):
            if i in used_q or j in used_c or not _cross_script(qt, ct) or min(qt.weight, ct.weight) < 0.5:
                continue
            if min(len(qt.keys[0]), len(ct.keys[0])) <= 4:
                continue  # short names one letter apart are other names (Putin, Putilin)
            sim = similarity(qt, ct, cfg, memo)[0]
            if sim >= cfg.residual_min:
                found.append((sim, i, j))
    found.sort(key=lambda x: (-x[0], x[1], x[2]))
    pairs: list[TokenPair] = []
    for sim, i, j in found:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            pairs.append(TokenPair(q.tokens[i], c.tokens[j], sim * cfg.residual_factor, "partly"))
    return pairs


_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ur", "ul", "ed"})


def merge_tokens(run: list[Token]) -> Token:
    """Adjacent tokens as one (cached; see :func:`_merge`)."""
    return _merge(tuple(run))


@lru_cache(maxsize=200_000)
def _merge(run: tuple[Token, ...]) -> Token:
    """Adjacent tokens written as one (Je-son / Jeson, شهاب الدين / Shahabuddin); an Arabic
    article inside the run is left out, as it assimilates when the parts are written together."""
    parts = [t for t in run if not (t.forms[0] in _ARTICLES and len(run) > 1)] or run
    forms = [""]
    for part in parts:
        forms = [f + g for f in forms for g in part.forms[:3]][:9]
    abjad = any(t.abjad for t in run)
    keys = list(dict.fromkeys(skeleton(f) if abjad else phonetic_key(f) for f in forms))
    text = " ".join(t.text for t in run if t.text)
    origin = run[0].origin
    return Token(text, tuple(forms), tuple(keys), max(t.weight for t in run), "name", abjad, origin)


def _merged_pairs(
    side: tuple[Token, ...],
    used_side: set[int],
    other: tuple[Token, ...],
    used_other: set[int],
    cfg: NameConfig,
    memo: Memo,
    *,
    query_side: bool,
) -> list[TokenPair]:
    """Pair leftover tokens of ``other`` with runs of 2-3 adjacent leftovers of ``side``.

    A run is tried against a single token only when they begin alike (see :class:`_Run`):
    parts written together start with their first part, so a run that cannot be the single
    token is left without merging it (most runs of most candidates).
    """
    singles = [j for j, t in enumerate(other) if j not in used_other and t.kind != "number" and len(t.forms[0]) >= 4]
    if not singles:
        return []
    runs = [r for r in _all_runs(side) if used_side.isdisjoint(r.indices)] if used_side else _all_runs(side)
    if not runs:
        return []
    pairs: list[TokenPair] = []
    taken: set[int] = set()  # tokens of ``side`` paired by this call
    for j in singles:
        single = other[j]
        single_han = single.origin in _HAN
        plain = _initials(single, False)
        best: tuple[float, _Run, Token] | None = None
        for run in runs:
            if taken and not taken.isdisjoint(run.indices):
                continue
            if not (single_han and run.han):  # else compared on the characters
                if run.abjad or single.abjad:
                    if run.initials_abjad.isdisjoint(_initials(single, True)):
                        continue  # they do not begin alike
                elif run.initials.isdisjoint(plain):
                    continue
            merged = _merged_run(run.tokens)
            sim = similarity(merged, single, cfg, memo)[0]
            if sim >= cfg.joined_pair_min and (best is None or sim > best[0]):
                best = (sim, run, merged)
        if best is None:
            continue
        sim, run, merged = best
        used_side.update(run.indices)
        taken.update(run.indices)
        used_other.add(j)
        pairs.append(TokenPair(merged, single, sim, "joined") if query_side else TokenPair(single, merged, sim, "joined"))
    return pairs


@dataclass(frozen=True, slots=True)
class _Run:
    """A run of 2-3 adjacent tokens of a name, with what the cheap "begin alike" test needs:
    the first letters of its first part (articles aside, as :func:`_merge` leaves them out),
    plain and with consonant skeletons, and whether it holds Arabic script or starts with Han.

    A run and a single token begin alike when they share a first letter in a spelling or a
    phonetic key (or a consonant skeleton, when Arabic script is involved); two Han names
    always do (their characters are compared).
    """

    indices: tuple[int, ...]
    tokens: tuple[Token, ...]
    abjad: bool
    han: bool
    initials: frozenset[str]
    initials_abjad: frozenset[str]


_RUNS: dict[int, tuple[tuple[Token, ...], list[_Run]]] = {}


def _all_runs(side: tuple[Token, ...]) -> list[_Run]:
    """Every run of 2-3 adjacent tokens of ``side``, by start then length (cached by the id
    of the tuple, each entry holding it: the tokens of listed names are shared objects)."""
    found = _RUNS.get(id(side))
    if found is not None:
        return found[1]
    runs = []
    for start in range(len(side) - 1):
        for length in (2, 3):
            if start + length > len(side):
                break
            tokens = side[start : start + length]
            first = next((t for t in tokens if t.forms[0] not in _ARTICLES), tokens[0])
            abjad = any(t.abjad for t in tokens)
            runs.append(
                _Run(tuple(range(start, start + length)), tokens, abjad, first.origin in _HAN,
                     _initials(first, abjad), _initials(first, True))
            )  # fmt: skip
    if len(_RUNS) >= MEMO_LIMIT:
        _RUNS.clear()
    _RUNS[id(side)] = (side, runs)
    return runs


_INITIALS: dict[tuple[int, bool], tuple[Token, frozenset[str]]] = {}


def _initials(token: Token, skeletons: bool) -> frozenset[str]:
    """First letters of the token's spellings and keys, and of the consonant skeletons of its
    spellings when ``skeletons`` (cached by id, each entry holding its token)."""
    found = _INITIALS.get((id(token), skeletons))
    if found is not None:
        return found[1]
    letters = {f[:1] for f in token.forms} | {k[:1] for k in token.keys}
    if skeletons and not token.abjad:
        letters |= {skeleton(f)[:1] for f in token.forms}
    if len(_INITIALS) >= MEMO_LIMIT:
        _INITIALS.clear()
    result = frozenset(letters)
    _INITIALS[(id(token), skeletons)] = (token, result)
    return result


_MERGED: dict[tuple[int, ...], tuple[tuple[Token, ...], Token]] = {}


def _merged_run(run: tuple[Token, ...]) -> Token:
    """:func:`merge_tokens` looked up by the ids of the tokens (hashing tokens by value costs
    more than merging them once); each entry holds its tokens, so their ids stay unique."""
    key = tuple(map(id, run))
    found = _MERGED.get(key)
    if found is not None:
        return found[1]
    if len(_MERGED) >= MEMO_LIMIT:
        _MERGED.clear()
    merged = _merge(run)
    _MERGED[key] = (run, merged)
    return merged


def _weighted(
    pairs: list[TokenPair],
    extra_q: tuple[Token, ...],
    extra_c: tuple[Token, ...],
    cfg: NameConfig,
    rarity: Rarity,
) -> float:
    num = den = 0.0
    for pair in pairs:
        if pair.how == "initial":  # the full name weighs: "B." confirms Bianchi only so far
            full = pair.candidate if pair.query.kind == "initial" else pair.query
            weight = full.weight * rarity(full)
        else:
            weight = (pair.query.weight + pair.candidate.weight) / 2 * rarity(pair.candidate)
        num += pair.score * weight
        den += weight
    den += sum(t.weight * rarity(t) * cfg.extra_query for t in extra_q)
    den += sum(t.weight * rarity(t) * cfg.extra_candidate for t in extra_c)
    return num / den if den else 0.0


def _joined_keys(name: AnalyzedName) -> list[str]:
    return [t.keys[0] for t in name.tokens if t.weight >= 0.5 and not t.abjad]


def _joined(q: AnalyzedName, c: AnalyzedName, budget: float) -> float:
    """Similarity of the whole names with spaces removed, in the given and rotated orders.

    Only for names cut into a different number of parts (Shinzoabe, Shinzo Abe): names with
    as many parts on each side are compared part by part, where one letter off in a surname
    counts as it should instead of vanishing in the length of the whole name.
    """
    qk, ck = _joined_keys(q), _joined_keys(c)
    if not qk or not ck or len(qk) == len(ck):
        return 0.0
    target = "".join(ck)
    best = 0.0
    for order in (qk, qk[1:] + qk[:1], qk[-1:] + qk[:-1]):
        best = max(best, _edit_similarity("".join(order), target, budget))
    return best
