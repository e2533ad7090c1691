from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from seisai.api.service import Service
from tests.api.conftest import audit_log

REPO = Path(__file__).resolve().parents[2]
EXPORT = json.loads((REPO / "docs" / "examples" / "tx.json").read_text("utf-8"))
PAYMENT = {
    "id": "PAY-1",
    "type": "payment",
    "date": "2022-06-01",
    "parties": [{"role": "beneficiary", "name": "Sberbank", "schema": "Company", "country": "RU"}],
    "amount": 1000000,
    "currency": "JPY",
}


def test_check_decides_and_cites(client: TestClient, analyst: dict[str, str]) -> None:
    r = client.post("/check", json={"transactions": [EXPORT]}, headers=analyst)
    assert r.status_code == 200, r.text
    body = r.json()
    [decision] = body["decisions"]
    assert decision["id"] == "TX-2022-0320-01" and decision["decision"] == "prohibited"
    assert any(reason["measure_id"] == "JP-2022-013b" for reason in decision["reasons"])
    assert body["audit_id"] == int(r.headers["x-audit-id"])
    assert set(decision["list_versions"]) == {"jp_mof", "un_sc"}


def test_check_many_and_as_of(client: TestClient, analyst: dict[str, str]) -> None:
    before = {**EXPORT, "date": "2022-02-20"}
    r = client.post("/check", json={"transactions": [EXPORT, before, PAYMENT]}, headers=analyst)
    decisions = r.json()["decisions"]
    assert [d["decision"] for d in decisions[:2]] == ["prohibited", "allowed"]
    hits = decisions[2]["party_hits"]
    assert any(h["entity_id"].startswith("jp_mof-") and h["match"] for h in hits)
    assert decisions[2]["decision"] == "prohibited"
    r = client.post("/check", json={"transactions": [EXPORT], "as_of": "2022-02-20"}, headers=analyst)
    assert r.json()["decisions"][0]["decision"] == "allowed" and r.json()["decisions"][0]["as_of"] == "2022-02-20"


def test_check_is_audited(client: TestClient, analyst: dict[str, str], service: Service) -> None:
    r = client.post("/check", json={"transactions": [PAYMENT], "jurisdictions": ["JP", "US"]}, headers=analyst)
    record = audit_log(service).record(r.json()["audit_id"])
    assert record.kind == "check"
    body = record.body
    assert body["options"] == {"as_of": None, "jurisdictions": ["JP", "US"]}
    assert body["transactions"][0]["input"] == PAYMENT
    assert body["transactions"][0]["decision"] == r.json()["decisions"][0]
    assert body["measures_version"] and set(body["lists"]) == {"jp_mof", "un_sc"}


def test_bad_transaction_names_its_place(client: TestClient, analyst: dict[str, str]) -> None:
    bad = {**EXPORT, "goods": [{"hs_code": "85A2"}]}
    r = client.post("/check", json={"transactions": [EXPORT, bad]}, headers=analyst)
    assert r.status_code == 400 and r.json()["detail"].startswith("transactions[1]: goods[0].hs_code")
    r = client.post("/check", json={"transactions": [{**EXPORT, "destinaton_country": "RU"}]}, headers=analyst)
    assert r.status_code == 400 and "destinaton_country" in r.json()["detail"]
    r = client.post("/check", json={"transactions": [EXPORT], "jurisdictions": ["XX"]}, headers=analyst)
    assert r.status_code == 400 and "unknown jurisdiction 'XX'" in r.json()["detail"]


def test_check_shapes(client: TestClient, analyst: dict[str, str], viewer: dict[str, str]) -> None:
    assert client.post("/check", json={"transactions": []}, headers=analyst).status_code == 422
    assert client.post("/check", json={"transactions": [EXPORT] * 101}, headers=analyst).status_code == 422
    assert client.post("/check", json=EXPORT, headers=analyst).status_code == 422
    assert client.post("/check", json={"transactions": [EXPORT]}, headers=viewer).status_code == 403
