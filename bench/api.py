"""API load test: ``/match`` requests of one query each against a real ``seisai serve``.

Self-contained: it makes a fresh store (or uses ``--db``), imports every list in
``../shared/data/lists``, creates a key, builds a seeded mix of distinct queries (see
``bench/_api_mix.py``), starts the server with ``--workers`` workers on loopback, warms up,
runs wrk for ``--seconds`` seconds, stops the server, verifies the audit chain and checks
that it holds one record per request answered, measures in-process where the CPU of a
request goes, and writes the figures to docs/benchmarks.md.

Target on the 2-core machine: at least 200 requests/s, p99 at most 100 ms, no errors over
60 s, and the audit chain verifies afterwards.

Usage: ``python -m bench api [--db URL] [--lists DIR] [--workers 2] [--connections 4]
[--seconds 60] [--warmup 10] [--bodies 20000] [--no-write]``
"""

from __future__ import annotations

import argparse
import os
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._api_breakdown import Breakdown, breakdown
from bench._api_load import Server, WrkResult, machine_busy, run_wrk
from bench._api_mix import lua_script, query_mix
from bench.report import table, write_section

DEFAULT_LISTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "lists"
TARGET_RPS, TARGET_P99_MS = 200.0, 100.0


def _args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench api", description=__doc__.split("\n\n")[0])
    p.add_argument("--db", help="Store URL (default: a new SQLite file); lists are imported when it has none")
    p.add_argument("--lists", type=Path, default=DEFAULT_LISTS, help="Folder of list files to import")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--connections", type=int, default=4, help="Open connections (closed loop: each waits for its answer)")
    p.add_argument("--seconds", type=int, default=60)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--bodies", type=int, default=20_000, help="Distinct queries in the mix")
    p.add_argument("--no-write", action="store_true", help="Print the figures without writing docs/benchmarks.md")
    return p.parse_args(argv)


def _import_lists(db: str, lists: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "seisai.cli", "lists", "import", str(lists), "--db", db, "--json"],
                   check=True, capture_output=True, text=True)  # fmt: skip
    return time.perf_counter() - started


def _pct(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))]


def main(argv: list[str]) -> None:
    args = _args(argv)
    from seisai.store import Store
    from seisai.store.audit import AuditLog
    from seisai.store.audit_verify import read_anchors, verify
    from seisai.store.keys import create_key

    work = Path(tempfile.mkdtemp(prefix="seisai-bench-api-"))
    # A store given with --db keeps the audit key it was written with (SEISAI_AUDIT_KEY).
    audit_key = os.environ.get("SEISAI_AUDIT_KEY") if args.db else None
    env = {"SEISAI_HOME": str(work / "home"), "SEISAI_AUDIT_KEY": audit_key or secrets.token_hex(32), "SEISAI_AUDIT_ANCHORS": str(work / "anchors.jsonl")}
    os.environ.update(env)
    db = args.db or f"sqlite:///{work / 'bench.db'}"
    store = Store.open(db)
    import_s = None if store.current_versions() else _import_lists(db, args.lists)
    entities = list(store.current_entities())
    print(f"{len(entities):,} entities in {len(store.current_versions())} lists; work folder {work}", flush=True)
    bodies = query_mix(entities, args.bodies)
    key = create_key(store, "analyst", label="bench api", rate_limit=1e6)[1]
    split = breakdown(db, bodies[:600], key)
    print(f"in-process: whole request {split.whole_ms:.2f} ms CPU; steps {split.steps}", flush=True)
    script = work / "mix.lua"
    script.write_text(lua_script(bodies, "/match/default", key), "utf-8")
    log = AuditLog(store)
    before = log.count()
    server = Server(db, args.workers, env, work / "serve.log")
    started = time.perf_counter()
    try:
        server.wait_ready()
        ready_s = time.perf_counter() - started
        warm = run_wrk(f"{server.url}/match/default", script, args.warmup, args.connections)
        cpu0, busy0, kids0 = server.cpu_seconds(), machine_busy(), resource.getrusage(resource.RUSAGE_CHILDREN)
        result = run_wrk(f"{server.url}/match/default", script, args.seconds, args.connections)
        cpu1, busy1, kids1 = server.cpu_seconds(), machine_busy(), resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        server.stop()
    wrk_cpu = (kids1.ru_utime + kids1.ru_stime) - (kids0.ru_utime + kids0.ru_stime)
    anchors = read_anchors(Path(env["SEISAI_AUDIT_ANCHORS"])) if Path(env["SEISAI_AUDIT_ANCHORS"]).exists() else []
    report = verify(log, anchors=anchors)
    answered = warm.requests - warm.non_2xx + result.requests - result.non_2xx
    written = log.count() - before
    figures = {
        "entities": len(entities), "lists": len(store.current_versions()), "import_s": import_s, "split": split,
        "ready_s": ready_s, "warm": warm, "result": result, "cpu_ms": (cpu1 - cpu0) / max(1, result.requests) * 1000,
        "server_cores": (cpu1 - cpu0) / result.seconds, "wrk_cores": wrk_cpu / result.seconds,
        "others_cores": max(0.0, (busy1 - busy0) - (cpu1 - cpu0) - wrk_cpu) / result.seconds,
        "verify": report, "answered": answered, "written": written,
        "db": db.split(":", 1)[0], "args": args,
    }  # fmt: skip
    body = _section(figures)
    print(body)
    if not args.no_write:
        print(f"wrote {write_section('api', 'Screening API load test (issue: screening service)', body)}")
    store.close()


def _section(f: dict[str, object]) -> str:
    r: WrkResult = f["result"]  # type: ignore[assignment]
    args: argparse.Namespace = f["args"]  # type: ignore[assignment]
    split: Breakdown = f["split"]  # type: ignore[assignment]
    matcher = split.matcher_ms
    report = f["verify"]
    lat = r.latency_ms
    cpu_ms: float = f["cpu_ms"]  # type: ignore[assignment]
    steps = dict(split.steps)
    steps["FastAPI, routing, middleware (keys, rate and size limits)"] = split.whole_ms - sum(split.steps.values())
    rows = [[name, f"{ms:.2f}", f"{ms / cpu_ms * 100:.0f}%"] for name, ms in steps.items()]
    rest = cpu_ms - split.whole_ms
    rows.append([
        "uvicorn: HTTP parsing, sockets (server CPU under load less the in-process call)",
        f"{rest:.2f}" if rest >= 0 else f"n/a ({rest:.2f}: the machine was busier during one of the two measures)",
        f"{rest / cpu_ms * 100:.0f}%" if rest >= 0 else "",
    ])
    rows.append(["**server CPU per request under load**", f"**{cpu_ms:.2f}**", "100%"])
    import_s = f["import_s"]
    extra = int(f["written"]) - int(f["answered"])  # type: ignore[call-overload]
    in_flight = 2 * args.connections  # answered after wrk stopped counting, in the warm-up and the run
    audit_ok = 0 <= extra <= in_flight
    audit_check = f"one per request, plus {extra} answered after wrk stopped counting" if audit_ok else "MISMATCH"
    met = r.rps >= TARGET_RPS and lat.get("99%", 1e9) <= TARGET_P99_MS and r.errors == 0 and report.ok and audit_ok  # type: ignore[attr-defined]
    return "\n".join([
        f"`python -m bench api --workers {args.workers} --connections {args.connections} --seconds {args.seconds}`: "
        f"{f['entities']:,} entities of {f['lists']} lists in {f['db']}"
        + (f" (imported in {import_s:.0f} s)" if import_s else "") + f"; `seisai serve --workers {args.workers}` on loopback, "
        f"ready {f['ready_s']:.0f} s after start; wrk, 2 threads, {args.connections} connections (closed loop), "
        f"{args.warmup} s warm-up then {args.seconds} s measured; {args.bodies:,} distinct one-query requests, 80% made-up "
        "clean names (Latin, kanji, katakana, Cyrillic, companies), 20% listed names.",
        "",
        table(["requests/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "server CPU ms/request"], [[
            f"**{r.rps:.0f}**", f"{lat.get('50%', 0):.1f}", f"{lat.get('90%', 0):.1f}", f"**{lat.get('99%', 0):.1f}**",
            f"{lat.get('max', 0):.0f}", f"{r.errors}", f"{cpu_ms:.2f}",
        ]]),  # fmt: skip
        "",
        f"Target (≥ {TARGET_RPS:.0f}/s, p99 ≤ {TARGET_P99_MS:.0f} ms, no errors, chain verifies): **{'met' if met else 'not met'}**. "
        f"Audit chain after the run: {'verifies' if report.ok else 'BROKEN: ' + '; '.join(map(str, report.problems[:3]))} "  # type: ignore[attr-defined]
        f"({report.records:,} records, {report.anchors_checked} anchors). Requests answered with 200 within the runs: "  # type: ignore[attr-defined]
        f"{f['answered']:,}; records written by the server: {f['written']:,} ({audit_check}).",
        "",
        f"With both cores to itself the server would answer about {2000 / cpu_ms:.0f} requests/s at this CPU per request "
        "(2 cores ÷ CPU per request: an estimate, not a measurement).",
        "",
        f"CPU during the run, in cores: server {f['server_cores']:.2f}, wrk {f['wrk_cores']:.2f}, other processes on the "
        f"machine {f['others_cores']:.2f} (of 2). Where a request's CPU goes (`bench/_api_breakdown.py`: 600 requests of the "
        f"mix in one process, each through the whole app and through each step; the matcher took p50 {_pct(matcher, 0.5):.1f} ms, "
        f"p90 {_pct(matcher, 0.9):.1f} ms, p99 {_pct(matcher, 0.99):.1f} ms, max {matcher[-1]:.0f} ms):",
        "",
        table(["step", "CPU ms/request", "share"], rows),
    ])  # fmt: skip
