"""Who is calling: API keys, roles and the rate limit, checked before a request body is read.

:class:`AuthMiddleware` reads ``Authorization: ApiKey <key>`` (what yente's client sends) or
``Authorization: Bearer <key>``, finds the key by its hash (cached for a few seconds, so a
revocation takes effect within ``SEISAI_API_KEY_CACHE`` seconds), spends one token of the
key's rate limit, and leaves the :class:`Caller` in the request state. The routes declare
the role they need with :data:`Viewer`, :data:`Analyst` or :data:`Admin`.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from seisai.api.errors import Forbidden, Unauthorized, send_error
from seisai.api.limits import RateLimiter
from seisai.api.settings import ApiSettings
from seisai.exc import SeisaiError
from seisai.store import Store
from seisai.store.keys import ApiKey, Role, find_key

PUBLIC_PATHS = frozenset({"/", "/healthz", "/readyz", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"})
SCHEMES = ("apikey", "bearer")


@dataclass(frozen=True)
class Caller:
    """The key a request came with (``anonymous`` when keys are off)."""

    key_id: str
    role: Role
    label: str | None = None
    rate_limit: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key_id, "role": self.role.value, "label": self.label}


ANONYMOUS = Caller("anonymous", Role.ADMIN, "API keys are off")


def key_from_header(value: str) -> str:
    """The key in an ``Authorization`` header value; :class:`Unauthorized` if it holds none."""
    scheme, _, key = value.strip().partition(" ")
    if scheme.lower() not in SCHEMES or not key.strip():
        raise Unauthorized("Authorization: expected 'ApiKey <key>' or 'Bearer <key>'")
    return key.strip()


class KeyCache:
    """Key lookups by secret, kept for ``ttl`` seconds (unknown secrets too, bounded)."""

    MAX = 10_000

    def __init__(self, store: Store, ttl: float) -> None:
        self.store = store
        self.ttl = ttl
        self._cache: dict[str, tuple[float, ApiKey | None]] = {}

    def cached(self, secret: str) -> tuple[bool, ApiKey | None]:
        hit = self._cache.get(secret)
        if hit is None or time.monotonic() - hit[0] > self.ttl:
            return False, None
        return True, hit[1]

    def lookup(self, secret: str) -> ApiKey | None:
        key = find_key(self.store, secret)
        if len(self._cache) >= self.MAX:
            self._cache.clear()
        self._cache[secret] = (time.monotonic(), key)
        return key


class AuthMiddleware:
    """Authenticates and rate-limits every request outside :data:`PUBLIC_PATHS`."""

    def __init__(self, app: ASGIApp, settings: ApiSettings, keys: KeyCache, limiter: RateLimiter) -> None:
        self.app = app
        self.settings = settings
        self.keys = keys
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in PUBLIC_PATHS:
            await self.app(scope, receive, send)
            return
        try:
            caller = await self._caller(scope)
            self.limiter.take(caller.key_id, *rate_of(caller, self.settings))
        except (SeisaiError, SQLAlchemyError) as exc:
            await send_error(send, exc)
            return
        scope.setdefault("state", {})["caller"] = caller
        await self.app(scope, receive, send)

    async def _caller(self, scope: Scope) -> Caller:
        if not self.settings.auth:
            return ANONYMOUS
        header = next((v for k, v in scope["headers"] if k == b"authorization"), None)
        if header is None:
            raise Unauthorized("no API key: send 'Authorization: ApiKey <key>' (keys come from `seisai keys create`)")
        secret = key_from_header(header.decode("latin-1"))
        found, key = self.keys.cached(secret)
        if not found:
            key = await run_in_threadpool(self.keys.lookup, secret)
        if key is None:
            raise Unauthorized("unknown API key")
        if not key.active:
            raise Unauthorized(f"API key {key.id} was revoked")
        return Caller(key.id, key.role, key.label, key.rate_limit)


def rate_of(caller: Caller, settings: ApiSettings) -> tuple[float, float]:
    """A caller's rate (per second) and burst: the key's own, else the server's."""
    rate = caller.rate_limit or settings.rate_limit
    burst = max(settings.burst, 2 * rate) if caller.rate_limit else settings.burst
    return rate, burst


_api_key = APIKeyHeader(
    name="Authorization",
    scheme_name="ApiKey",
    description="`ApiKey <key>` or `Bearer <key>`; keys come from `seisai keys create --role ...`.",
    auto_error=False,
)


def require(role: Role) -> Callable[..., Awaitable[Caller]]:
    """A dependency giving the :class:`Caller`, refusing (403) a key below ``role``.

    Async although it does not wait: FastAPI runs sync dependencies in a thread pool, and
    the hand-over costs more than the check.
    """

    async def check(request: Request, _key: Annotated[str | None, Security(_api_key)] = None) -> Caller:
        caller = getattr(request.state, "caller", None)
        if not isinstance(caller, Caller):
            raise Unauthorized("no API key")
        if not caller.role.allows(role):
            raise Forbidden(f"this needs the {role.value} role; key {caller.key_id} has the {caller.role.value} role")
        return caller

    return check


Viewer = Annotated[Caller, Depends(require(Role.VIEWER))]
Analyst = Annotated[Caller, Depends(require(Role.ANALYST))]
Admin = Annotated[Caller, Depends(require(Role.ADMIN))]
