from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from seisai.api.app import create_app
from seisai.api.service import Service
from seisai.api.settings import ApiSettings
from tests.api.conftest import auth

TALIBAN = {"queries": {"q": {"schema": "Organization", "properties": {"name": ["Taliban"]}}}}


def test_no_key_is_401_with_a_challenge(client: TestClient) -> None:
    r = client.get("/catalog")
    assert r.status_code == 401 and "ApiKey" in r.headers["www-authenticate"]
    assert r.json()["detail"].startswith("no API key")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("ApiKey seisai_nope_nope", "unknown API key"),
        ("Basic dXNlcjpwYXNz", "expected 'ApiKey <key>' or 'Bearer <key>'"),
        ("ApiKey", "expected 'ApiKey <key>' or 'Bearer <key>'"),
    ],
)
def test_bad_key_is_401(client: TestClient, header: str, message: str) -> None:
    r = client.get("/catalog", headers={"Authorization": header})
    assert r.status_code == 401 and message in r.json()["detail"]


def test_revoked_key_is_401(client: TestClient, keys: dict[str, str]) -> None:
    r = client.get("/catalog", headers=auth(keys["revoked"]))
    assert r.status_code == 401 and "was revoked" in r.json()["detail"]


def test_bearer_token_works_like_apikey(client: TestClient, keys: dict[str, str]) -> None:
    assert client.get("/catalog", headers=auth(keys["viewer"], "Bearer")).status_code == 200
    assert client.get("/catalog", headers=auth(keys["viewer"], "bearer")).status_code == 200


@pytest.mark.parametrize(
    ("role", "method", "path", "allowed"),
    [
        ("viewer", "GET", "/catalog", True),
        ("viewer", "GET", "/search/default?q=Taliban", True),
        ("viewer", "POST", "/match/default", False),
        ("analyst", "POST", "/match/default", True),
        ("admin", "POST", "/match/default", True),
    ],
)
def test_roles(client: TestClient, keys: dict[str, str], role: str, method: str, path: str, allowed: bool) -> None:
    r = client.request(method, path, headers=auth(keys[role]), json=TALIBAN if method == "POST" else None)
    assert r.status_code == (200 if allowed else 403), r.text
    if not allowed:
        assert r.json()["detail"] == f"this needs the analyst role; key {keys[role].split('_')[1]} has the {role} role"


def test_auth_can_be_turned_off(service: Service) -> None:
    settings = ApiSettings(db_url=service.settings.db_url, auth=False, rate_limit=1e6)
    open_service = Service(settings, service.store)
    open_service._loaded = service._loaded  # share the loaded lists
    with TestClient(create_app(service=open_service, background=False)) as c:
        r = c.post("/match/default", json=TALIBAN)
        assert r.status_code == 200
        assert open_service.audit.record(int(r.headers["x-audit-id"])).actor == "anonymous"


def test_store_down_during_the_key_check_is_503(client: TestClient, service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import OperationalError

    def down(secret: str) -> None:
        raise OperationalError("SELECT", {}, Exception("connection refused"))

    monkeypatch.setattr(service.keys, "lookup", down)
    r = client.get("/catalog", headers=auth("seisai_00000000_not-cached-yet"))
    assert r.status_code == 503 and r.json()["detail"] == "the store is unavailable; try again shortly"
