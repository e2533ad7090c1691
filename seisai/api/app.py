"""The FastAPI application: ``create_app()`` builds it (uvicorn calls it in each worker).

Routers per concern (``seisai/api/routers``), the error table (:mod:`seisai.api.errors`), and
two ASGI middlewares in front: keys, roles and the rate limit (:mod:`seisai.api.auth`), then
the body size limit (:mod:`seisai.api.limits`), so nothing unauthenticated or oversized is read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from seisai import __version__
from seisai.api import errors
from seisai.api.auth import AuthMiddleware
from seisai.api.limits import BodyLimit
from seisai.api.routers import audit, check, entities, lists, match, meta, search
from seisai.api.service import Service
from seisai.api.settings import ApiSettings

DESCRIPTION = """\
Sanctions screening over the official lists, with the request and response shapes of
[yente](https://github.com/opensanctions/yente) (`/match`, `/search`, `/entities`, `/catalog`,
`/algorithms`), so yente's clients work unchanged, plus seisai's own endpoints.

**Keys.** Every endpoint but `/healthz` and `/readyz` needs `Authorization: ApiKey <key>`
(or `Bearer <key>`). Keys come from `seisai keys create --role viewer|analyst|admin`:
viewers read lists and entities, analysts also screen and check transactions, admins also
read the audit log.

**Audit.** Every screening, search and check is written to an append-only, hash-chained
audit log; its record id comes back in the `X-Audit-Id` header.
"""


def create_app(settings: ApiSettings | None = None, *, service: Service | None = None, background: bool = True) -> FastAPI:
    """The application. Settings come from the environment unless given.

    ``service`` lets a caller (a test) supply a ready :class:`Service`; ``background=False``
    leaves loading to the caller instead of the background thread.
    """
    settings = settings or (service.settings if service else ApiSettings.from_env())
    service = service or Service(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if background:
            service.start()
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(title="seisai screening API", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.service = service
    errors.install(app)
    for module in (meta, match, search, entities, check, lists, audit):
        app.include_router(module.router)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(AuthMiddleware, settings=settings, keys=service.keys, limiter=service.limiter)
    return app
