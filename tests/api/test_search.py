from __future__ import annotations

from fastapi.testclient import TestClient

from seisai.api.service import Service
from tests.api.conftest import audit_log


def test_search_finds_names_in_any_script_with_facets(client: TestClient, viewer: dict[str, str], service: Service) -> None:
    r = client.get("/search/default", params={"q": "プーチン"}, headers=viewer)
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"results", "facets", "total", "limit", "offset"}
    ids = [e["id"] for e in body["results"]]
    assert "jp_mof-russia-persons-1" in ids
    assert body["total"]["value"] >= len(ids) and body["limit"] == 10 and body["offset"] == 0
    datasets = {v["name"]: v["count"] for v in body["facets"]["datasets"]["values"]}
    assert sum(datasets.values()) == body["total"]["value"]
    record = audit_log(service).record(int(r.headers["x-audit-id"]))
    assert record.kind == "search" and record.body["options"]["q"] == "プーチン" and record.body["results"] == ids


def test_search_filters_and_pages(client: TestClient, viewer: dict[str, str]) -> None:
    everything = client.get("/search/default", params={"q": "Mohammed", "limit": 20}, headers=viewer).json()
    assert everything["total"]["value"] > 3
    page = client.get("/search/default", params={"q": "Mohammed", "limit": 2, "offset": 2}, headers=viewer).json()
    assert [e["id"] for e in page["results"]] == [e["id"] for e in everything["results"][2:4]]
    un = client.get("/search/un_sc", params={"q": "Mohammed", "schema": "Person"}, headers=viewer).json()
    assert un["results"] and all(e["datasets"] == ["un_sc"] and e["schema"] == "Person" for e in un["results"])
    af = client.get("/search/default", params={"q": "Mohammed", "countries": "af"}, headers=viewer).json()
    assert af["results"] and all("af" in e["properties"].get("nationality", []) + e["properties"].get("country", []) for e in af["results"])


def test_search_needs_a_name(client: TestClient, viewer: dict[str, str]) -> None:
    r = client.get("/search/default", headers=viewer)
    assert r.status_code == 400 and r.json()["detail"].startswith("q: a name to search for is needed")
    r = client.get("/search/default", params={"q": "x", "countries": "Atlantis"}, headers=viewer)
    assert r.status_code == 400 and "unknown country 'Atlantis'" in r.json()["detail"]
    r = client.get("/search/default", params={"q": "x", "limit": 400, "offset": 200}, headers=viewer)
    assert r.status_code == 400 and "offset + limit" in r.json()["detail"]
