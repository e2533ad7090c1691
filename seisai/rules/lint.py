"""Checks of measures files beyond their schema: dates, codes and references.

``seisai measures lint`` runs :func:`lint_texts` on the shipped files (and any given);
a file with an error must not ship. What is checked:

- the file parses and matches the schema (:mod:`seisai.rules.spec`);
- dates: a measure is not announced after it takes effect, does not end before it starts,
  and every date falls between 1990 and 2100;
- codes: country codes are ISO alpha-2 (lower case), region ids exist in the place data,
  list ids are known sources, service categories, purposes, oil products, issuer types and
  instruments are in the vocabulary;
- references: every cited source key is in the file's ``sources`` table, every
  ``supersedes`` names a known measure, ids are unique, exemption ids are unique per measure;
- honesty: a measure, exemption or goods rule tagged ``U`` (uncertain) carries a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from seisai.geo.countries import is_country_code
from seisai.rules.errors import MeasureFileError
from seisai.rules.places import region_ids
from seisai.rules.spec import Condition, DateRange, Measure, MeasureFile
from seisai.rules.transaction import INSTRUMENTS
from seisai.rules.vocab import (
    ISSUER_TYPES,
    JURISDICTIONS,
    KNOWN_LISTS,
    OIL_PRODUCTS,
    PURPOSES,
    SERVICE_CATEGORIES,
    Confidence,
)

EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)
MARKETS = frozenset({"primary", "secondary"})


@dataclass(frozen=True)
class Problem:
    """One finding: the file, the place in it, the message, and ``error`` or ``warning``."""

    file: str
    where: str
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.level}: {self.message}"


def _vocab(values: Iterable[str], allowed: frozenset[str], what: str) -> Iterator[str]:
    for value in values:
        if value not in allowed:
            yield f"unknown {what} {value!r}"


def _countries(values: Iterable[str], where: str) -> Iterator[str]:
    for code in values:
        if code != code.lower() or not is_country_code(code):
            yield f"{where}: {code!r} is not a lower-case ISO 3166-1 alpha-2 country code"


def _range_dates(rng: DateRange | None) -> list[date]:
    if rng is None:
        return []
    return [d for d in (rng.start, rng.until, rng.before) if d is not None]


def _condition(cond: Condition, path: str) -> Iterator[str]:
    """Problems with the codes and dates inside one condition (recursing into ``any``)."""
    for name, place in (("origin", cond.origin), ("shipped_from", cond.shipped_from), ("destination", cond.destination)):
        if place is not None:
            yield from _countries(place.countries, f"{path}.{name}.countries")
            for region in place.regions:
                if region not in region_ids():
                    yield f"{path}.{name}.regions: unknown region {region!r}"
    for i, goods in enumerate(cond.goods):
        yield from _countries(goods.origin, f"{path}.goods[{i}].origin")
        if goods.confidence is Confidence.U and not goods.note:
            yield f"{path}.goods[{i}] ({goods.label}): confidence U needs a note saying what is uncertain"
    if cond.parties is not None:
        yield from (f"{path}.parties.lists: {p}" for p in _vocab(cond.parties.lists, KNOWN_LISTS, "list"))
    if cond.party_countries is not None:
        yield from _countries(cond.party_countries.countries, f"{path}.party_countries.countries")
    if cond.security is not None:
        yield from _countries(cond.security.issuer_countries, f"{path}.security.issuer_countries")
        yield from (f"{path}.security: {p}" for p in _vocab(cond.security.issuer_types, ISSUER_TYPES, "issuer type"))
        yield from (f"{path}.security: {p}" for p in _vocab(cond.security.markets, MARKETS, "market"))
    if cond.service is not None:
        yield from (f"{path}.service: {p}" for p in _vocab(cond.service.categories, SERVICE_CATEGORIES, "service category"))
    if cond.oil is not None:
        yield from (f"{path}.oil: {p}" for p in _vocab(cond.oil.products, OIL_PRODUCTS, "oil product"))
    yield from (f"{path}: {p}" for p in _vocab(cond.purposes, PURPOSES, "purpose"))
    yield from (f"{path}: {p}" for p in _vocab(cond.instruments, INSTRUMENTS, "instrument"))
    for rng in (cond.date, cond.contract_date, cond.loading_date, cond.security.issued if cond.security else None,
                cond.parties.listed if cond.parties else None):
        for day in _range_dates(rng):
            if not EARLIEST <= day <= LATEST:
                yield f"{path}: date {day} is outside {EARLIEST.year}-{LATEST.year}"
    for i, sub in enumerate(cond.any):
        yield from _condition(sub, f"{path}.any[{i}]")


def _has_parties(cond: Condition) -> bool:
    return cond.parties is not None or any(_has_parties(c) for c in cond.any)


def _measure(spec: MeasureFile, m: Measure, known_ids: set[str]) -> Iterator[str]:
    if not m.id.startswith(f"{spec.jurisdiction}-"):
        yield f"id must start with the file's jurisdiction {spec.jurisdiction!r}"
    for day in (m.announced, m.effective, m.end):
        if day is not None and not EARLIEST <= day <= LATEST:
            yield f"date {day} is outside {EARLIEST.year}-{LATEST.year}"
    if m.announced is not None and m.announced > m.effective:
        yield f"announced ({m.announced}) after it took effect ({m.effective})"
    if m.end is not None and m.end < m.effective:
        yield f"ends ({m.end}) before it takes effect ({m.effective})"
    for key in (*m.sources, *(k for ex in m.unless for k in ex.sources)):
        if key not in spec.sources:
            yield f"cites source {key!r}, which is not in the file's sources table"
    for ref in m.supersedes:
        if ref not in known_ids:
            yield f"supersedes unknown measure {ref!r}"
    if m.confidence is Confidence.U and not m.note:
        yield "confidence U needs a note saying what is uncertain"
    if m.fallback and not _has_parties(m.when):
        yield "a fallback measure must have a 'parties' condition"
    if m.when == Condition():
        yield "'when' is empty: the measure would apply to every transaction"
    seen: set[str] = set()
    for ex in m.unless:
        if ex.id in seen:
            yield f"exemption id {ex.id!r} used twice"
        seen.add(ex.id)
        if ex.confidence is Confidence.U and not ex.note:
            yield f"exemption {ex.id}: confidence U needs a note"
        yield from (f"exemption {ex.id}: {p}" for p in _condition(ex.when, "when"))
    yield from _condition(m.when, "when")


def lint_specs(files: list[tuple[str, MeasureFile]]) -> list[Problem]:
    """Problems across parsed files (ids are checked across all of them)."""
    problems: list[Problem] = []
    owner: dict[str, str] = {}
    for name, spec in files:
        for m in spec.measures:
            if m.id in owner:
                problems.append(Problem(name, m.id, f"duplicate measure id (also in {owner[m.id]})"))
            owner.setdefault(m.id, name)
    known = set(owner)
    for name, spec in files:
        if spec.jurisdiction not in JURISDICTIONS:
            problems.append(Problem(name, "jurisdiction", f"unknown jurisdiction {spec.jurisdiction!r}"))
        folder = name.replace("\\", "/").rsplit("/", 2)[-2] if name.count("/") >= 2 else None
        if folder is not None and "measures/" in name and folder != spec.jurisdiction.lower():
            problems.append(Problem(name, "jurisdiction", f"file is in folder {folder!r} but says {spec.jurisdiction!r}"))
        used = {k for m in spec.measures for k in (*m.sources, *(s for ex in m.unless for s in ex.sources))}
        for key in sorted(set(spec.sources) - used):
            problems.append(Problem(name, f"sources.{key}", "source is never cited", "warning"))
        for m in spec.measures:
            problems += [Problem(name, f"measure {m.id}", text) for text in _measure(spec, m, known)]
    return problems


def lint_texts(files: Iterable[tuple[str, str]]) -> list[Problem]:
    """Lint measures files given as ``(name, YAML text)``; parse errors are problems too."""
    from seisai.rules.loader import parse_measure_file

    parsed: list[tuple[str, MeasureFile]] = []
    problems: list[Problem] = []
    for name, text in files:
        try:
            parsed.append((name, parse_measure_file(name, text)))
        except MeasureFileError as exc:
            problems.append(Problem(name, exc.where or "(file)", exc.problem))
    return problems + lint_specs(parsed)
