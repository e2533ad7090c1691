from __future__ import annotations

from fastapi.testclient import TestClient


def test_lists_show_current_and_served_versions(client: TestClient, viewer: dict[str, str]) -> None:
    body = client.get("/lists", headers=viewer).json()
    by_source = {item["source"]: item for item in body["lists"]}
    assert set(by_source) == {"jp_mof", "un_sc"}
    un = by_source["un_sc"]
    assert un["versions"] == 2 and un["current"]["published"] == "2026-02-27" and un["served"] == un["current"]["id"]
    assert un["title"] == "UN Security Council consolidated list"


def test_versions_of_one_list(client: TestClient, viewer: dict[str, str]) -> None:
    versions = client.get("/lists/un_sc", headers=viewer).json()
    assert [v["published"] for v in versions] == ["2024-11-30", "2026-02-27"]
    r = client.get("/lists/nope", headers=viewer)
    assert r.status_code == 404 and "no versions of source 'nope'" in r.json()["detail"]


def test_diff(client: TestClient, viewer: dict[str, str]) -> None:
    body = client.get("/lists/un_sc/diff", headers=viewer).json()
    assert body["summary"] == {"added": 136, "removed": 12, "changed": len(body["changed"])}
    assert {"id": "un_sc-110327", "caption": "YAS AIR"} in body["added"]
    back = client.get("/lists/un_sc/diff", params={"old": "2026-02-27", "new": "2024-11-30"}, headers=viewer).json()
    assert back["summary"]["removed"] == 136
    r = client.get("/lists/un_sc/diff", params={"old": "1999-01-01"}, headers=viewer)
    assert r.status_code == 404 and "known versions" in r.json()["detail"]
