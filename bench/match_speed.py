"""Screening speed: index build time and memory over every list, queries per second and
latency of one full query (candidates + scoring + explanations), on one core.

Queries are a seeded mix: half generated names of people on no list (``bench/_name_pool.py``,
the common case in screening), half names taken from the lists (a listed name in another
script when there is one, so that cross-script lookups are timed too). Latency is wall time
per query in one process; CPU time is reported beside it because the machine is shared.

Usage: ``python -m bench match_speed [--queries N]``
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import time

import psutil

from bench._match_lists import load_lists
from bench._name_pool import generate, listed_keys
from bench.report import table, write_section
from seisai.matching import Matcher, Query
from seisai.model import Entity

SEED = 20260305


def _queries(entities: list[Entity], count: int) -> list[str]:
    rng = random.Random(SEED)
    people = generate(listed_keys(entities))
    names = [p.name for p in rng.sample(people, count // 2)]
    listed = rng.sample(entities, count - len(names))
    for entity in listed:
        values = [n.value for n in entity.names]
        names.append(values[-1] if len(values) > 1 else values[0])
    rng.shuffle(names)
    # every query a distinct name: the matcher keeps what it computed for a name (its stage
    # cache), and a repeated name would time that cache, not a full query
    return list(dict.fromkeys(names))


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str]) -> None:
    count = int(argv[argv.index("--queries") + 1]) if "--queries" in argv else 3000
    everything = [e for es in load_lists().values() for e in es]
    process = psutil.Process(os.getpid())
    gc.collect()
    rss_before = process.memory_info().rss
    wall, cpu = time.perf_counter(), time.process_time()
    matcher = Matcher(everything)
    build_wall, build_cpu = time.perf_counter() - wall, time.process_time() - cpu
    gc.collect()
    index_mb = (process.memory_info().rss - rss_before) / 2**20
    queries = _queries(everything, count + 400)[: count + 200]
    # warm the caches as a running server would be, on names not measured after
    for name in queries[count:]:
        matcher.screen(Query(names=[name]))
    queries = queries[:count]
    latencies, cpus = [], []
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    for name in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        matcher.screen(Query(names=[name]), limit=10)
        latencies.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    total_wall, total_cpu = time.perf_counter() - start_wall, time.process_time() - start_cpu
    rows = [
        ["entities indexed", f"{len(matcher):,}"],
        ["names indexed", f"{len(matcher.index.names):,}"],
        ["index build (wall / CPU)", f"{build_wall:.1f} s / {build_cpu:.1f} s"],
        ["memory of the index (RSS growth over the parsed entities)", f"{index_mb:,.0f} MiB"],
        ["process RSS (parsed lists + index + caches)", f"{process.memory_info().rss / 2**20:,.0f} MiB"],
        ["queries", f"{len(queries):,} (half on no list, half listed names)"],
        ["queries per second, one core (wall / CPU)", f"{len(queries) / total_wall:.0f} / {len(queries) / total_cpu:.0f}"],
        ["latency p50 / p99 (wall)", f"{statistics.median(latencies):.2f} ms / {_percentile(latencies, 0.99):.2f} ms"],
        ["CPU per query p50 / p99", f"{statistics.median(cpus):.2f} ms / {_percentile(cpus, 0.99):.2f} ms"],
        ["load average at the end", ", ".join(f"{x:.1f}" for x in os.getloadavg())],
    ]
    body = (
        "Targets: ≥ 500 queries/s on one core, p99 ≤ 20 ms, build ≤ 30 s, memory ≤ 1.5 GB. "
        "One full query = analysis, candidate generation over every list, full scoring and "
        "explanations of the candidates.\n\n" + table(["figure", "value"], rows)
    )
    write_section("match_speed", "Screening speed: one full query against every list", body)
    print(body)


if __name__ == "__main__":
    main(sys.argv[1:])
