"""Errors of the HTTP service and the one table that maps every error to its status.

Every error body is ``{"detail": "..."}`` (what yente and its client expect); validation
errors of a request's shape keep FastAPI's list form, trimmed of the input they echo.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import Send

from seisai.exc import (
    FetchError,
    InputError,
    NotFoundError,
    QueryError,
    SeisaiError,
    StoreError,
    TransactionError,
)

MAX_VALIDATION_ERRORS = 20


class Unauthorized(SeisaiError):
    """No API key, or one that is unknown or revoked."""


class Forbidden(SeisaiError):
    """A valid key whose role lacks the right."""


class PayloadTooLarge(SeisaiError):
    """A request body over the size limit."""


class TooManyRequests(SeisaiError):
    """A key over its rate limit; ``retry_after`` is in seconds."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NotReady(SeisaiError):
    """The lists are still loading, or none could be loaded."""


# The one exception -> status table; the first class an error is an instance of decides.
STATUS: tuple[tuple[type[BaseException], int], ...] = (
    (Unauthorized, 401),
    (Forbidden, 403),
    (PayloadTooLarge, 413),
    (TooManyRequests, 429),
    (NotReady, 503),
    (QueryError, 400),
    (TransactionError, 400),
    (InputError, 400),
    (NotFoundError, 404),
    (FetchError, 502),
    (StoreError, 503),
    (SQLAlchemyError, 503),
    (SeisaiError, 500),
)


def status_for(exc: BaseException) -> int:
    """The HTTP status of an error, from :data:`STATUS` (500 for anything else)."""
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 500


def headers_for(exc: BaseException) -> dict[str, str]:
    """Headers an error's response needs: the auth challenge of 401, ``Retry-After`` of 429."""
    if isinstance(exc, Unauthorized):
        return {"WWW-Authenticate": 'ApiKey realm="seisai", Bearer realm="seisai"'}
    if isinstance(exc, TooManyRequests):
        return {"Retry-After": str(max(1, round(exc.retry_after + 0.5)))}
    return {}


def message_for(exc: BaseException) -> str:
    """The ``detail`` of an error (database errors are not shown to callers)."""
    if isinstance(exc, SQLAlchemyError):
        return "the store is unavailable; try again shortly"
    return str(exc)


def error_body(detail: Any) -> bytes:
    """``{"detail": ...}`` as JSON bytes."""
    return orjson.dumps({"detail": detail})


async def send_error(send: Send, exc: BaseException) -> None:
    """Answer an ASGI request with the error's status and body (for pure ASGI middleware)."""
    body = error_body(message_for(exc))
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in headers_for(exc).items()]
    await send({"type": "http.response.start", "status": status_for(exc), "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _seisai_error(_request: Request, exc: Exception) -> Response:
    return Response(error_body(message_for(exc)), status_for(exc), headers_for(exc), media_type="application/json")


async def _validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    bad_json = next((e for e in errors if e.get("type") == "json_invalid"), None)
    if bad_json is not None:
        reason = (bad_json.get("ctx") or {}).get("error", "malformed")
        return Response(error_body(f"request body is not valid JSON: {reason}"), 400, media_type="application/json")
    detail = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in errors[:MAX_VALIDATION_ERRORS]
    ]
    if len(errors) > MAX_VALIDATION_ERRORS:
        detail.append({"loc": [], "msg": f"and {len(errors) - MAX_VALIDATION_ERRORS} more errors", "type": "too_many_errors"})
    return Response(error_body(detail), 422, media_type="application/json")


def install(app: FastAPI) -> None:
    """Register the handlers of :data:`STATUS` and of request validation on ``app``."""
    app.add_exception_handler(SeisaiError, _seisai_error)
    app.add_exception_handler(SQLAlchemyError, _seisai_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
