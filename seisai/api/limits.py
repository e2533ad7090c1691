"""Request limits: the body size (an ASGI middleware) and a rate limit per API key.

The rate limit is a token bucket per key in each worker process; with ``N`` workers each
allows ``rate / N`` per second, so the key's total stays near its rate however the kernel
spreads connections over the workers. A request costs one token when it arrives, and a batch
one more for each query or transaction past the first once its body is read.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from seisai.api.errors import PayloadTooLarge, TooManyRequests, send_error
from seisai.exc import InputError


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """Token buckets by key: ``rate`` tokens a second, at most ``burst`` saved up."""

    MAX_KEYS = 100_000

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str, rate: float, burst: float, cost: float = 1.0) -> None:
        """Spend ``cost`` tokens of ``key``'s bucket; :class:`TooManyRequests` when it has fewer."""
        rate, burst = rate / self.workers, max(1.0, burst / self.workers)
        now = time.monotonic()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= self.MAX_KEYS:
                    self._buckets.clear()
                bucket = self._buckets[key] = _Bucket(burst, now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.stamp) * rate)
            bucket.stamp = now
            if bucket.tokens < cost:
                wait = (min(cost, burst) - bucket.tokens) / rate
                raise TooManyRequests(
                    f"rate limit of {rate * self.workers:g} requests per second for this key exceeded "
                    "(each query or transaction of a batch counts as one)",
                    wait,
                )
            bucket.tokens -= cost


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, before the app reads them.

    A declared ``Content-Length`` is checked up front; a chunked body is read here up to the
    limit and handed on to the app only when it fits.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await send_error(send, InputError(f"Content-Length: {declared.decode(errors='replace')!r} is not a number"))
                return
            if size > self.max_bytes:
                await send_error(send, self._too_large(size))
                return
            await self.app(scope, receive, send)
            return
        if scope["method"] in {"GET", "HEAD", "OPTIONS", "DELETE"}:
            await self.app(scope, receive, send)
            return
        await self._buffered(scope, receive, send)

    async def _buffered(self, scope: Scope, receive: Receive, send: Send) -> None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await send_error(send, self._too_large(size, streamed=True))
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _too_large(self, size: int, streamed: bool = False) -> PayloadTooLarge:
        what = f"more than {size:,}" if streamed else f"{size:,}"
        return PayloadTooLarge(f"request body of {what} bytes is over the limit of {self.max_bytes:,} bytes")
