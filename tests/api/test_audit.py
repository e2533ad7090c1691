from __future__ import annotations

from fastapi.testclient import TestClient

TALIBAN = {"queries": {"q": {"schema": "Organization", "properties": {"name": ["Taliban"]}}}}


def test_admin_reads_records_and_verifies(client: TestClient, analyst: dict[str, str], admin: dict[str, str]) -> None:
    seq = int(client.post("/match/default", json=TALIBAN, headers=analyst).headers["x-audit-id"])
    record = client.get(f"/audit/{seq}", headers=admin).json()
    assert record["id"] == seq and record["kind"] == "match" and len(record["hash"]) == 64
    assert record["body"]["queries"]["q"]["input"]["properties"] == {"name": ["Taliban"]}
    report = client.get("/audit/verify", headers=admin).json()
    assert report["ok"] is True and report["records"] >= seq and report["macs_checked"] is True


def test_paging_through_the_log(client: TestClient, analyst: dict[str, str], admin: dict[str, str]) -> None:
    first = int(client.post("/match/default", json=TALIBAN, headers=analyst).headers["x-audit-id"])
    client.post("/match/default", json=TALIBAN, headers=analyst)
    page = client.get("/audit", params={"start": first, "limit": 1, "kind": "match"}, headers=admin).json()
    assert [r["id"] for r in page["records"]] == [first] and page["next"] is not None and page["next"] > first


def test_audit_needs_admin(client: TestClient, analyst: dict[str, str], admin: dict[str, str]) -> None:
    assert client.get("/audit/1", headers=analyst).status_code == 403
    assert client.get("/audit/verify", headers=analyst).status_code == 403
    r = client.get("/audit/99999999", headers=admin)
    assert r.status_code == 404 and r.json()["detail"] == "no audit record 99999999"
