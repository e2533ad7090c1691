"""Rules benchmark: transaction checks per second, three parties each, against all lists.

Every list the project's parsers read is loaded into one :class:`seisai.matching.Matcher`.
A seeded book of transactions (exports, imports, payments and services, each with three
parties: people and companies on no list, and 3% listed names) is checked under Japan's
measures in one process (one core), three ways:

- **cold**: every party of every transaction is a different name, screened once (after
  ``--warmup`` transactions of other names, also timed and reported: the first checks after
  the lists are loaded find the matcher's list-side caches empty);
- **book**: the parties are drawn from ``--counterparties`` names, as in a real book where
  the same customers and banks recur (the screener caches each party's hits);
- **rules only**: the cold book again with every party's hits already cached: the cost of
  the rules themselves (also measured under all six jurisdictions side by side).

Usage: ``python -m bench rules [--transactions N] [--warmup N] [--counterparties N] [--lists DIR]``
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench._match_lists import LISTS, load_lists
from bench._name_pool import generate, listed_keys
from bench.report import table, write_section
from seisai.matching import Matcher
from seisai.matching.heap import freeze_heap
from seisai.model import Entity
from seisai.rules import Engine, MatcherScreener
from seisai.rules.loader import default_book

WORDS = ["Sibir", "Ural", "Volga", "Amur", "Pacific", "Hokkaido", "Kansai", "Tokai", "Nordic", "Baltic",
         "Golden", "Eastern", "Silk Road", "Delta", "Orion", "Polar", "Taiga", "Sakura", "Fuji", "Kyushu"]  # fmt: skip
TRADES = ["Trading", "Logistics", "Electronics", "Machinery", "Shipping", "Foods", "Chemicals", "Steel", "Systems", "Energy"]
FORMS = ["LLC", "KK", "OOO", "AO", "Ltd", "GmbH", "Co., Ltd.", "TOO", "FZE", "AS"]
HS = ["8542.31", "8471.30", "8703.23", "8429.52", "3304.99", "2208.60", "0303.89", "7601.10", "8481.80", "9102.11"]
DESTINATIONS = ["RU", "RU", "KZ", "CN", "US", "DE", "AE", "TR", "BY", "VN"]
TYPES = ["export", "export", "import", "payment", "service"]
SERVICES = ["trust", "accounting", "legal", "maritime_insurance", "engineering", "it_consulting"]
ALL = ["JP", "US", "EU", "UK", "CA", "AU"]


def _companies(rng: random.Random, count: int) -> list[str]:
    return [f"{rng.choice(WORDS)} {rng.choice(TRADES)} {rng.choice(FORMS)} {i}" for i in range(count)]


def _names(entities: list[Entity], count: int, rng: random.Random) -> list[str]:
    """``count`` party names: half people on no list, half companies, 3% listed names."""
    people = [p.name for p in generate(listed_keys(entities))]
    rng.shuffle(people)
    listed = [e.caption for e in rng.sample(entities, min(len(entities), count))]
    companies = _companies(rng, count)
    out = []
    for i in range(count):
        pick = rng.random()
        out.append(listed[i] if pick < 0.03 else people[i % len(people)] if pick < 0.5 else companies[i])
    return out


def _transaction(i: int, names: Sequence[str], rng: random.Random) -> dict[str, Any]:
    kind = rng.choice(TYPES)
    roles = {"export": ["buyer", "consignee", "bank"], "import": ["seller", "bank", "carrier"],
             "payment": ["originator", "bank", "beneficiary"], "service": ["buyer", "beneficiary", "bank"]}[kind]  # fmt: skip
    tx: dict[str, Any] = {
        "id": f"T{i:06d}", "type": kind, "date": f"202{rng.randint(2, 5)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        "parties": [{"role": role, "name": name} for role, name in zip(roles, names, strict=True)],
    }  # fmt: skip
    if kind in ("export", "import"):
        tx["goods"] = [{"hs_code": rng.choice(HS), "value_jpy": rng.randint(10_000, 20_000_000), "engine_cc": 2000}]
        tx["destination_country" if kind == "export" else "origin_country"] = rng.choice(DESTINATIONS)
    elif kind == "service":
        tx["service"] = {"category": rng.choice(SERVICES)}
        tx["parties"][0]["country"] = rng.choice(DESTINATIONS)
    return tx


def make_book(count: int, pool: Sequence[str], rng: random.Random, distinct: bool) -> list[dict[str, Any]]:
    """Transactions of three parties; with ``distinct`` no name repeats."""
    book = []
    for i in range(count):
        names = pool[3 * i : 3 * i + 3] if distinct else rng.sample(list(pool), 3)
        book.append(_transaction(i, names, rng))
    return book


def _run(engine: Engine, book: list[dict[str, Any]], jurisdictions: list[str]) -> tuple[float, list[float], Counter[str]]:
    times: list[float] = []
    decisions: Counter[str] = Counter()
    start = time.perf_counter()
    for tx in book:
        t = time.perf_counter()
        decisions[engine.check(tx, jurisdictions=jurisdictions).decision.value] += 1
        times.append(time.perf_counter() - t)
    return time.perf_counter() - start, times, decisions


def _row(label: str, book: list[dict[str, Any]], screened: int, result: tuple[float, list[float], Counter[str]]) -> list[object]:
    elapsed, times, _ = result
    ms = sorted(t * 1000 for t in times)
    p95 = ms[int(len(ms) * 0.95) - 1]
    return [label, len(book), screened, f"{len(book) / elapsed:,.0f}", f"{statistics.median(ms):.2f}", f"{p95:.2f}"]


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench rules")
    parser.add_argument("--transactions", type=int, default=1000)
    parser.add_argument("--counterparties", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=1000, help="transactions of other names checked first, untimed")
    parser.add_argument("--lists", type=Path, default=LISTS)
    args = parser.parse_args(argv)
    rng = random.Random(20260305)
    load = os.getloadavg()[0]

    start = time.perf_counter()
    by_source = load_lists(args.lists)
    entities = [e for items in by_source.values() for e in items]
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    matcher = Matcher(entities)
    indexed = time.perf_counter() - start
    freeze_heap()  # as `seisai check` does once the lists are loaded
    print(f"{len(entities):,} entities from {len(by_source)} lists: parsed in {loaded:.0f} s, indexed in {indexed:.0f} s", flush=True)

    names = _names(entities, 3 * (args.transactions + args.warmup), rng)
    cold_book = make_book(args.transactions, names, rng, distinct=True)
    warm_book = make_book(args.warmup, names[3 * args.transactions :], rng, distinct=True)
    real_book = make_book(args.transactions, names[: args.counterparties], rng, distinct=False)
    book = default_book()

    screener = MatcherScreener(matcher, cache_size=4 * len(names))
    engine = Engine(book, screener)
    start_up = _run(engine, warm_book, ["JP"])  # other names: the matcher's caches of list-side data fill
    print(f"first {args.warmup:,} after start: {args.warmup / start_up[0]:,.0f} checks/s", flush=True)
    cold = _run(engine, cold_book, ["JP"])
    print(f"cold: {args.transactions / cold[0]:,.0f} checks/s", flush=True)
    rules_jp = _run(engine, cold_book, ["JP"])
    rules_all = _run(engine, cold_book, ALL)
    real = _run(Engine(book, MatcherScreener(matcher)), real_book, ["JP"])
    print(f"book: {args.transactions / real[0]:,.0f} checks/s; rules only: {args.transactions / rules_jp[0]:,.0f} checks/s", flush=True)

    rows = [
        _row("first transactions after start (JP), other new names", warm_book, 3 * args.warmup, start_up),
        _row("cold: every party a new name (JP)", cold_book, 3 * args.transactions, cold),
        _row(f"book: parties drawn from {args.counterparties} counterparties (JP)", real_book, args.counterparties, real),
        _row("rules only, hits cached (JP)", cold_book, 0, rules_jp),
        _row("rules only, hits cached (JP, US, EU, UK, CA, AU)", cold_book, 0, rules_all),
    ]
    mix = ", ".join(f"{k} {v}" for k, v in sorted(cold[2].items()))
    per_name = (cold[0] - rules_jp[0]) / (3 * args.transactions) * 1000
    cold_rate, book_rate = args.transactions / cold[0], args.transactions / real[0]
    verdict = "met" if cold_rate >= 200 else f"missed by {1 - cold_rate / 200:.0%}"
    body = f"""
Lists: {len(entities):,} entities from {len(by_source)} sources ({", ".join(sorted(by_source))}),
parsed in {loaded:.0f} s and indexed in {indexed:.0f} s; the heap is then frozen, as
`seisai check` does once the lists are loaded. Measures: {len(book.by_id)} in
{len(book.files)} files. Load average when the run started: {load:.1f} (the machine is shared).
One process (one core); each transaction has three parties and
every party is screened (screening threshold {screener.threshold:.2f}, weak matches from
{screener.review_threshold:.2f}). Decisions of the cold book under Japan: {mix}.

{table(["run", "transactions", "parties screened", "checks/s", "p50 ms", "p95 ms"], rows)}

The first row is the first {args.warmup:,} transactions after the lists are loaded: the
matcher's caches of list-side data (token-pair similarities, joined runs of listed names)
are empty then. The cold row follows it with {args.transactions:,} transactions whose
{3 * args.transactions:,} parties are all names not seen before: the steady state of a
long-running checker meeting only new counterparties.

Target: 200 checks/s on one core — cold: {verdict} ({cold_rate:,.0f}/s); book with recurring
counterparties: {book_rate:,.0f}/s. Screening dominates: the matcher takes about
{per_name:.1f} ms per new name against all lists, so a cold check (three new names) is bound
by it; the rules themselves take under a millisecond per transaction.
"""
    path = write_section("rules", "Rules: transaction checks per second (three parties each, all lists)", body)
    print(f"wrote {path}")
