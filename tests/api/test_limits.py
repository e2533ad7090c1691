from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from seisai.api.app import create_app
from seisai.api.errors import TooManyRequests
from seisai.api.limits import RateLimiter
from seisai.api.service import Service
from seisai.api.settings import ApiSettings
from seisai.store.keys import create_key
from tests.api.conftest import auth


def test_declared_body_over_the_limit_is_413(client: TestClient, analyst: dict[str, str]) -> None:
    body = b'{"queries": {}}' + b" " * 1_100_000
    r = client.post("/match/default", content=body, headers={**analyst, "content-type": "application/json"})
    assert r.status_code == 413 and "over the limit of 1,048,576 bytes" in r.json()["detail"]


def test_chunked_body_over_the_limit_is_413(client: TestClient, analyst: dict[str, str]) -> None:
    def chunks() -> object:
        yield b'{"queries": {'
        for _ in range(200):
            yield b" " * 10_000

    r = client.post("/match/default", content=chunks(), headers={**analyst, "content-type": "application/json"})  # type: ignore[arg-type]
    assert r.status_code == 413 and "more than" in r.json()["detail"]


def test_chunked_body_under_the_limit_goes_through(client: TestClient, analyst: dict[str, str]) -> None:
    def chunks() -> object:
        yield b'{"queries": {"q": {"schema": "Person", '
        yield b'"properties": {"name": ["Taliban"]}}}}'

    r = client.post("/match/default", content=chunks(), headers={**analyst, "content-type": "application/json"})  # type: ignore[arg-type]
    assert r.status_code == 200, r.text


def test_rate_limit_per_key_is_429_with_retry_after(service: Service) -> None:
    settings = ApiSettings(db_url=service.settings.db_url, rate_limit=1, rate_burst=2)
    limited = Service(settings, service.store)
    _, slow = create_key(service.store, "viewer", label="slow")
    _, other = create_key(service.store, "viewer", label="other")
    with TestClient(create_app(service=limited, background=False)) as c:
        statuses = [c.get("/algorithms", headers=auth(slow)).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        r = c.get("/algorithms", headers=auth(slow))
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1 and "rate limit of 1 requests per second for this key exceeded" in r.json()["detail"]
        assert c.get("/algorithms", headers=auth(other)).status_code == 200  # per key


def test_key_with_its_own_rate(service: Service) -> None:
    settings = ApiSettings(db_url=service.settings.db_url, rate_limit=1, rate_burst=1)
    limited = Service(settings, service.store)
    _, fast = create_key(service.store, "viewer", rate_limit=50)
    with TestClient(create_app(service=limited, background=False)) as c:
        assert all(c.get("/algorithms", headers=auth(fast)).status_code == 200 for _ in range(20))


def test_rate_limiter_refills_and_splits_across_workers() -> None:
    limiter = RateLimiter(workers=2)
    limiter.take("k", rate=10, burst=4)  # 2 per worker
    limiter.take("k", rate=10, burst=4)
    with pytest.raises(TooManyRequests) as exc:
        limiter.take("k", rate=10, burst=4)
    assert 0 < exc.value.retry_after <= 0.2  # 5 tokens a second in this worker


def test_unreadable_content_length_is_400() -> None:
    import asyncio

    from seisai.api.limits import BodyLimit

    sent: list[dict[str, object]] = []

    async def app(scope: object, receive: object, send: object) -> None:
        raise AssertionError("the app must not be called")

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/match/default", "headers": [(b"content-length", b"lots")]}
    asyncio.run(BodyLimit(app, 100)(scope, receive, send))  # type: ignore[arg-type]
    assert sent[0]["status"] == 400 and b"Content-Length: 'lots' is not a number" in sent[1]["body"]  # type: ignore[operator]


def test_each_query_of_a_batch_counts_against_the_rate(service: Service) -> None:
    settings = ApiSettings(db_url=service.settings.db_url, rate_limit=0.01, rate_burst=5)
    limited = Service(settings, service.store)
    limited._loaded = service._loaded  # share the loaded lists
    _, secret = create_key(service.store, "analyst", label="batch")
    four = {"queries": {f"q{i}": {"schema": "Person", "properties": {"name": ["Taliban"]}} for i in range(4)}}
    with TestClient(create_app(service=limited, background=False)) as c:
        assert c.post("/match/default", json=four, headers=auth(secret)).status_code == 200  # 4 of 5 tokens
        r = c.post("/match/default", json=four, headers=auth(secret))  # the 5th token, then 3 short
        assert r.status_code == 429 and "each query or transaction of a batch counts as one" in r.json()["detail"]
