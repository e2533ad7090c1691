"""Small pieces the routers share: the service dependency, JSON responses, request facts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import orjson
from fastapi import Depends, Request
from fastapi.responses import Response

from seisai.api.auth import Caller
from seisai.api.models import ErrorResponse
from seisai.api.service import Service

JSON = "application/json"


async def get_service(request: Request) -> Service:
    """The worker's :class:`Service` (async: FastAPI runs it inline, not in a thread)."""
    service: Service = request.app.state.service
    return service


ServiceDep = Annotated[Service, Depends(get_service)]


def json_response(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """A JSON response serialised once (orjson; non-ASCII kept as UTF-8)."""
    return Response(orjson.dumps(data), status, dict(headers or {}), media_type=JSON)


def request_record(request: Request, caller: Caller) -> dict[str, Any]:
    """Who asked and how, as the audit log records it."""
    return {
        "method": request.method,
        "path": request.url.path,
        "caller": caller.to_dict(),
        "client": request.client.host if request.client else None,
        "user_agent": request.headers.get("user-agent"),
    }


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses a route can answer."""
    texts = {
        400: "Bad input", 401: "No valid API key", 403: "The key's role lacks the right",
        404: "Unknown dataset or entity", 413: "Body too large", 422: "Body of the wrong shape",
        429: "Rate limit exceeded", 503: "Lists not loaded yet, or the store is unavailable",
    }  # fmt: skip
    return {s: {"model": ErrorResponse, "description": texts[s]} for s in statuses}
