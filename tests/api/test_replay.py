from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from seisai.api.replay import replay
from seisai.api.service import Service
from seisai.exc import InputError
from seisai.store.audit import AuditRecord
from tests.api.conftest import audit_log
from tests.api.test_check import EXPORT, PAYMENT

QUERIES = {
    "putin": {"schema": "Person", "properties": {"name": ["ウラジーミル・プーチン"]}},
    "taliban": {"schema": "Organization", "properties": {"name": ["Taliban"]}},
}


def test_replayed_match_gives_the_recorded_results(client: TestClient, analyst: dict[str, str], service: Service) -> None:
    r = client.post("/match/default", json={"queries": QUERIES}, headers=analyst, params={"threshold": 0.6, "limit": 3})
    report = replay(service.store, audit_log(service).record(int(r.headers["x-audit-id"])))
    assert report.kind == "match" and report.same and report.notes == []
    assert [i.key for i in report.items] == ["putin", "taliban"]
    returned = r.json()["responses"]["putin"]["results"]
    assert report.items[0].replayed == [[x["id"], x["score"], x["match"]] for x in returned]


def test_replayed_search_and_check(client: TestClient, analyst: dict[str, str], service: Service) -> None:
    r = client.get("/search/default", params={"q": "Taliban", "limit": 3}, headers=analyst)
    assert replay(service.store, audit_log(service).record(int(r.headers["x-audit-id"]))).same
    r = client.post("/check", json={"transactions": [EXPORT, PAYMENT]}, headers=analyst)
    report = replay(service.store, audit_log(service).record(r.json()["audit_id"]))
    assert report.same and [i.key for i in report.items] == ["TX-2022-0320-01", "PAY-1"]


def test_a_changed_record_replays_differently(client: TestClient, analyst: dict[str, str], service: Service) -> None:
    r = client.post("/match/default", json={"queries": QUERIES}, headers=analyst)
    record = audit_log(service).record(int(r.headers["x-audit-id"]))
    body = record.body
    body["queries"]["putin"]["results"][0]["score"] = 0.1  # as if the record said something else
    edited = AuditRecord(record.seq, record.recorded_at, record.kind, record.actor, json.dumps(body), "", "", "")
    report = replay(service.store, edited)
    assert not report.same and [i.same for i in report.items] == [False, True]
    body["algorithm"]["scoring"] = "0" * 16
    notes = replay(service.store, AuditRecord(record.seq, "", "match", "", json.dumps(body), "", "", "")).notes
    assert notes == [f"the scoring table changed since: recorded {'0' * 16}, now {record.body['algorithm']['scoring']}"]


def test_unknown_kind_cannot_be_replayed(service: Service) -> None:
    record = AuditRecord(1, "", "export", "", json.dumps({"lists": {}}), "", "", "")
    with pytest.raises(InputError, match="kind 'export' cannot be replayed"):
        replay(service.store, record)
