"""Where the CPU of a /match request goes, measured in one process on the load test's mix.

Each request of the sample goes once through the whole application in-process (an ASGI call,
no network: middleware, keys, limits, FastAPI, the endpoint, the audit write) and once through
each step alone, back to back, so both are measured under the same conditions. What the whole
call costs beyond the steps is FastAPI's and the middleware's share; what the server spent per
request under load beyond the whole call is uvicorn's (HTTP parsing, sockets).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import orjson

from seisai.api.app import create_app
from seisai.api.models import MatchRequest
from seisai.api.screening import (
    match_audit,
    match_response,
    parse_queries,
    resolve_options,
    run_match,
)
from seisai.api.service import Service
from seisai.api.settings import ApiSettings

STEPS = ("request model, options, query", "matcher", "response JSON", "audit record (build and append)")


@dataclass
class Breakdown:
    """Mean CPU ms per request of each step and of the whole in-process call."""

    steps: dict[str, float]
    whole_ms: float
    matcher_ms: list[float]  # sorted, one per request
    load_s: float


async def _call(app: Any, body: bytes, key: str) -> int:
    headers = [(b"content-type", b"application/json"), (b"authorization", f"ApiKey {key}".encode()),
               (b"content-length", str(len(body)).encode())]  # fmt: skip
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/match/default", "raw_path": b"/match/default", "query_string": b"", "root_path": "",
        "headers": headers, "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000), "state": {},
    }  # fmt: skip
    status = 0
    delivered = False

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if delivered:
            return {"type": "http.disconnect"}
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def _whole(app: Any, raw: bytes, key: str) -> float:
    started = time.process_time()
    if await _call(app, raw, key) != 200:
        raise RuntimeError(f"in-process request failed: {raw.decode()}")
    return time.process_time() - started


async def _measure(service: Service, bodies: list[dict[str, Any]], key: str) -> tuple[dict[str, float], float, list[float]]:
    app = create_app(service=service, background=False)
    loaded = service.loaded
    totals = dict.fromkeys(STEPS, 0.0)
    whole = 0.0
    matcher_ms: list[float] = []
    for i, body in enumerate(bodies):
        raw = orjson.dumps(body)
        # The second run of a name finds its analysis cached: alternate which run comes first.
        if i % 2 == 0:
            whole += await _whole(app, raw, key)
        t0 = time.process_time()
        request = MatchRequest.model_validate_json(raw)
        examples = {k: q.as_dict() for k, q in request.queries.items()}
        options = resolve_options(loaded, "default")
        queries = parse_queries(examples)
        t1 = time.process_time()
        results = run_match(loaded, options, queries)
        t2 = time.process_time()
        orjson.dumps(match_response(loaded, options, examples, results))
        t3 = time.process_time()
        service.audit.append("match", "bench-breakdown", match_audit(loaded, options, examples, results, {"path": "bench"}))
        t4 = time.process_time()
        for name, spent in zip(STEPS, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            totals[name] += spent * 1000
        matcher_ms.append((t2 - t1) * 1000)
        if i % 2 == 1:
            whole += await _whole(app, raw, key)
    n = len(bodies)
    return {k: v / n for k, v in totals.items()}, whole * 1000 / n, sorted(matcher_ms)


def breakdown(db: str, bodies: list[dict[str, Any]], key: str) -> Breakdown:
    """Load the lists in this process (this also fills the matcher's disk cache) and measure."""
    started = time.perf_counter()
    service = Service(ApiSettings(db_url=db, rate_limit=1e9))
    service.load()
    load_s = time.perf_counter() - started
    steps, whole, matcher_ms = asyncio.run(_measure(service, bodies, key))
    service.store.close()
    return Breakdown(steps, whole, matcher_ms, load_s)
