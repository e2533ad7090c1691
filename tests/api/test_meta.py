from __future__ import annotations

from fastapi.testclient import TestClient

from seisai.api.app import create_app
from seisai.api.service import Service
from seisai.api.settings import ApiSettings


def test_health_and_readiness_need_no_key(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}


def test_not_ready_until_the_lists_are_loaded(lists_db: str, keys: dict[str, str]) -> None:
    service = Service(ApiSettings(db_url=lists_db))
    with TestClient(create_app(service=service, background=False)) as c:
        assert c.get("/healthz").status_code == 200
        r = c.get("/readyz")
        assert r.status_code == 503 and "loading" in r.json()["detail"]
        r = c.get("/catalog", headers={"Authorization": f"ApiKey {keys['viewer']}"})
        assert r.status_code == 503


def test_catalog_lists_sources_and_collections(client: TestClient, viewer: dict[str, str]) -> None:
    body = client.get("/catalog", headers=viewer).json()
    by_name = {d["name"]: d for d in body["datasets"]}
    assert {"un_sc", "jp_mof", "default", "sanctions", "jp", "un"} == set(by_name) == set(body["current"])
    un = by_name["un_sc"]
    assert un["entity_count"] == 1003 and un["load"] is True and un["updated_at"].startswith("2026-02-27")
    assert un["publisher"]["name"] == "United Nations Security Council" and un["children"] == []
    default = by_name["default"]
    assert default["children"] == ["jp_mof", "un_sc"] and default["entity_count"] == 1003 + by_name["jp_mof"]["entity_count"]
    assert by_name["jp"]["children"] == ["jp_mof"]


def test_algorithms(client: TestClient, viewer: dict[str, str]) -> None:
    body = client.get("/algorithms", headers=viewer).json()
    assert body["default"] == body["best"] == "seisai"
    [algo] = body["algorithms"]
    assert algo["name"] == "seisai" and algo["threshold"] == 0.7 and "name" in algo["features"]


def test_openapi_documents_the_endpoints_and_the_key(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/match/{dataset}", "/search/{dataset}", "/entities/{entity_id}", "/catalog", "/algorithms", "/readyz"):
        assert path in spec["paths"]
    assert spec["components"]["securitySchemes"]["ApiKey"]["name"] == "Authorization"
    match = spec["paths"]["/match/{dataset}"]["post"]
    assert "MatchResponse" in str(match["responses"]["200"]) and "examples" in str(spec["components"]["schemas"]["MatchRequest"])
