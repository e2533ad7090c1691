from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from seisai.api import errors
from seisai.api.errors import (
    STATUS,
    Forbidden,
    NotReady,
    PayloadTooLarge,
    TooManyRequests,
    Unauthorized,
    status_for,
)
from seisai.exc import (
    FetchError,
    InputError,
    NotFoundError,
    QueryError,
    SeisaiError,
    StoreError,
    TransactionError,
)

CASES = [
    (Unauthorized("no API key"), 401),
    (Forbidden("needs admin"), 403),
    (PayloadTooLarge("too big"), 413),
    (TooManyRequests("slow down", 2.0), 429),
    (NotReady("loading"), 503),
    (QueryError("names: none"), 400),
    (TransactionError("date", "not a date"), 400),
    (InputError("bad"), 400),
    (NotFoundError("no entity"), 404),
    (FetchError("publisher down"), 502),
    (StoreError("refused"), 503),
    (OperationalError("SELECT 1", {}, Exception("gone")), 503),
    (SeisaiError("bug"), 500),
]


def _app(exc: Exception) -> FastAPI:
    app = FastAPI()
    errors.install(app)

    @app.get("/boom")
    def boom() -> None:
        raise exc

    return app


@pytest.mark.parametrize(("exc", "status"), CASES, ids=[type(e).__name__ for e, _ in CASES])
def test_each_error_maps_to_its_status(exc: Exception, status: int) -> None:
    assert status_for(exc) == status
    r = TestClient(_app(exc)).get("/boom")
    assert r.status_code == status
    detail = r.json()["detail"]
    assert detail == ("the store is unavailable; try again shortly" if isinstance(exc, OperationalError) else str(exc))


def test_table_covers_every_api_error() -> None:
    mapped = {cls for cls, _ in STATUS}
    assert {Unauthorized, Forbidden, PayloadTooLarge, TooManyRequests, NotReady, SeisaiError} <= mapped
    assert [s for _, s in CASES] == [status_for(e) for e, _ in CASES]


def test_headers_of_401_and_429() -> None:
    assert "ApiKey" in TestClient(_app(Unauthorized("x"))).get("/boom").headers["www-authenticate"]
    assert TestClient(_app(TooManyRequests("x", 2.2))).get("/boom").headers["retry-after"] == "3"


def test_unexpected_errors_stay_500() -> None:
    assert status_for(ValueError("x")) == 500
