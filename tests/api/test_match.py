from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from seisai.api.service import Service
from tests.api.conftest import audit_log

PUTIN_KANA = {"schema": "Person", "properties": {"name": ["ウラジーミル・プーチン"], "birthDate": ["1952-10-07"]}}
TALIBAN = {"schema": "Organization", "properties": {"name": ["Taliban"]}}


def _match(client: TestClient, headers: dict[str, str], queries: dict[str, Any], path: str = "/match/default", **params: Any) -> Any:
    r = client.post(path, json={"queries": queries}, headers=headers, params=params)
    assert r.status_code == 200, r.text
    return r


def test_match_has_yentes_shape_and_finds_the_listed_person(client: TestClient, analyst: dict[str, str]) -> None:
    r = _match(client, analyst, {"q1": PUTIN_KANA})
    body = r.json()
    assert set(body) == {"responses", "limit"} and body["limit"] == 5
    assert r.headers["x-batch-size"] == "1" and int(r.headers["x-audit-id"]) > 0
    q1 = body["responses"]["q1"]
    assert q1["status"] == 200 and q1["total"] == {"value": len(q1["results"]), "relation": "eq"}
    assert q1["query"] == {"id": None, **PUTIN_KANA}
    top = q1["results"][0]
    assert top["id"] == "jp_mof-russia-persons-1" and top["match"] is True and top["score"] >= 0.9
    assert top["datasets"] == ["jp_mof"] and top["schema"] == "Person" and top["target"] is True
    assert "ウラジーミル・プーチン" in top["properties"]["name"] + top["properties"].get("alias", [])
    assert top["properties"]["topics"] == ["sanction"]
    assert top["first_seen"].startswith("2026-03-05")
    name = top["explanations"]["name"]
    assert set(name) == {"score", "weight", "detail", "query", "candidate"} and name["query"] == "ウラジーミル・プーチン"
    assert "birth_date" in top["explanations"]
    scores = [x["score"] for x in q1["results"]]
    assert scores == sorted(scores, reverse=True)


def test_batch_of_queries_answers_each_key(client: TestClient, analyst: dict[str, str]) -> None:
    queries = {f"k{i}": TALIBAN for i in range(3)} | {"putin": PUTIN_KANA}
    body = _match(client, analyst, queries).json()
    assert set(body["responses"]) == set(queries)
    assert body["responses"]["k0"]["results"] == body["responses"]["k2"]["results"]


def test_threshold_and_limit(client: TestClient, analyst: dict[str, str]) -> None:
    low = _match(client, analyst, {"q": TALIBAN}, limit=2, threshold=0.5).json()["responses"]["q"]["results"]
    assert len(low) <= 2 and all(x["match"] == (x["score"] >= 0.5) for x in low)
    strict = _match(client, analyst, {"q": TALIBAN}, threshold=1.0).json()["responses"]["q"]["results"]
    assert all(x["match"] == (x["score"] >= 1.0) for x in strict)


def test_dataset_and_collection_filters(client: TestClient, analyst: dict[str, str]) -> None:
    only_un = _match(client, analyst, {"q": PUTIN_KANA}, "/match/un_sc").json()["responses"]["q"]["results"]
    assert all(x["datasets"] == ["un_sc"] for x in only_un)
    jp = _match(client, analyst, {"q": PUTIN_KANA}, "/match/jp").json()["responses"]["q"]["results"]
    assert jp and all(x["datasets"] == ["jp_mof"] for x in jp)
    without = _match(client, analyst, {"q": PUTIN_KANA}, exclude_dataset="jp_mof").json()["responses"]["q"]["results"]
    assert all(x["datasets"] != ["jp_mof"] for x in without)
    included = _match(client, analyst, {"q": PUTIN_KANA}, include_dataset="un_sc").json()["responses"]["q"]["results"]
    assert all(x["datasets"] == ["un_sc"] for x in included)


def test_schema_filters(client: TestClient, analyst: dict[str, str]) -> None:
    person = {"schema": "Person", "properties": {"name": ["Taliban"]}}
    results = _match(client, analyst, {"q": person}).json()["responses"]["q"]["results"]
    assert all(x["schema"] in {"Person", "LegalEntity"} for x in results)
    orgs = _match(client, analyst, {"q": TALIBAN}, exclude_schema="Organization").json()["responses"]["q"]["results"]
    assert all(x["schema"] != "Organization" for x in orgs)


def test_excluded_entity_ids_are_left_out(client: TestClient, analyst: dict[str, str]) -> None:
    first = _match(client, analyst, {"q": PUTIN_KANA}).json()["responses"]["q"]["results"][0]["id"]
    again = _match(client, analyst, {"q": PUTIN_KANA}, exclude_entity_ids=first).json()["responses"]["q"]["results"]
    assert first not in {x["id"] for x in again}


def test_name_parts_and_identifiers_are_used(client: TestClient, analyst: dict[str, str]) -> None:
    parts = {"schema": "Person", "properties": {"firstName": ["Vladimir"], "lastName": ["Putin"]}}
    top = _match(client, analyst, {"q": parts}).json()["responses"]["q"]["results"][0]
    assert top["match"] and "Putin" in top["explanations"]["name"]["query"]


def test_every_match_is_audited_with_lists_and_candidates(client: TestClient, analyst: dict[str, str], service: Service) -> None:
    r = _match(client, analyst, {"p": PUTIN_KANA}, "/match/jp", threshold=0.8)
    record = audit_log(service).record(int(r.headers["x-audit-id"]))
    body = record.body
    assert record.kind == "match" and record.actor == body["request"]["caller"]["key"]
    assert body["request"]["path"] == "/match/jp" and body["request"]["caller"]["role"] == "analyst"
    assert body["options"]["threshold"] == 0.8 and body["options"]["sources"] == ["jp_mof"]
    assert body["algorithm"]["name"] == "seisai" and len(body["algorithm"]["scoring"]) == 16
    assert set(body["lists"]) == {"jp_mof", "un_sc"} and body["lists"]["un_sc"]["published"] == "2026-02-27"
    query = body["queries"]["p"]
    assert query["input"]["properties"] == PUTIN_KANA["properties"] and query["matched"] is True
    returned = r.json()["responses"]["p"]["results"]
    assert [(c["id"], c["score"], c["match"]) for c in query["results"]] == [(x["id"], x["score"], x["match"]) for x in returned]
    assert query["results"][0]["explanations"]["name"]["detail"]


@pytest.mark.parametrize(
    ("params", "queries", "status", "message"),
    [
        ({}, {}, 400, "queries: no queries given"),
        ({"algorithm": "logic-v2"}, {"q": TALIBAN}, 400, "unknown algorithm 'logic-v2'"),
        ({}, {"q": {"schema": "Person", "properties": {"birthDate": ["1950"]}}}, 400, "queries.q.names"),
        ({}, {"q": {"schema": "Person", "properties": {"name": ["x"], "birthDate": ["soon"]}}}, 400, "queries.q.birth_dates"),
        ({"exclude_schema": "Thing"}, {"q": TALIBAN}, 400, "exclude_schema: unknown schema 'Thing'"),
        ({"changed_since": "yesterday"}, {"q": TALIBAN}, 400, "changed_since"),
        ({"include_dataset": "nope"}, {"q": TALIBAN}, 404, "no dataset 'nope'"),
        ({"topics": "crime"}, {"q": TALIBAN}, 400, "no list left to screen"),
        ({"limit": 100}, {f"q{i}": TALIBAN for i in range(51)}, 400, "queries x limit: at most 5000 candidates per request, asked 51 x 100"),
    ],
)
def test_bad_requests_name_the_problem(
    client: TestClient, analyst: dict[str, str], params: dict[str, str], queries: dict[str, Any], status: int, message: str
) -> None:
    r = client.post("/match/default", json={"queries": queries}, headers=analyst, params=params)
    assert r.status_code == status and message in r.json()["detail"]


def test_schemas_of_the_request_model_are_those_the_matcher_knows() -> None:
    from typing import get_args

    from seisai.api.ftm import _PARENT
    from seisai.api.models import MatchSchema

    assert set(get_args(MatchSchema)) == set(_PARENT)


def test_unknown_dataset_is_404(client: TestClient, analyst: dict[str, str]) -> None:
    r = client.post("/match/nope", json={"queries": {"q": TALIBAN}}, headers=analyst)
    assert r.status_code == 404 and r.json()["detail"].startswith("no dataset 'nope'; known datasets: ")


def test_known_list_that_is_not_loaded_is_404_not_an_empty_result(client: TestClient, analyst: dict[str, str]) -> None:
    r = client.post("/match/us_ofac_sdn", json={"queries": {"q": TALIBAN}}, headers=analyst)
    assert r.status_code == 404 and "not loaded" in r.json()["detail"]
    r = client.post("/match/us", json={"queries": {"q": TALIBAN}}, headers=analyst)
    assert r.status_code == 404 and "none of its lists is loaded" in r.json()["detail"]


def test_weights_and_config_are_refused(client: TestClient, analyst: dict[str, str]) -> None:
    r = client.post("/match/default", json={"queries": {"q": TALIBAN}, "config": {"nm_number_mismatch": 0.3}}, headers=analyst)
    assert r.status_code == 400 and "nm_number_mismatch" in r.json()["detail"]
    ok = client.post("/match/default", json={"queries": {"q": TALIBAN}, "weights": {}, "config": {}}, headers=analyst)
    assert ok.status_code == 200


def test_ten_thousand_queries_are_refused_clearly(client: TestClient, analyst: dict[str, str]) -> None:
    queries = {f"q{i}": {"schema": "Person", "properties": {"name": ["A"]}} for i in range(10_000)}
    r = client.post("/match/default", json={"queries": queries}, headers=analyst)
    assert r.status_code in {413, 422}
    small = {f"q{i}": {"schema": "Person", "properties": {"name": ["A"]}} for i in range(101)}
    r = client.post("/match/default", json={"queries": small}, headers=analyst)
    assert r.status_code == 422 and "at most 100 queries per request, got 101" in r.text


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"queries": []}, "queries"),
        ({"queries": {"q": {"properties": {"name": ["x"]}}}}, "schema"),
        ({"queries": {"q": {"schema": "Document", "properties": {"name": ["x"]}}}}, "schema"),
        ({"queries": {"q": {"schema": "Person", "properties": {"name": [1]}}}}, "name"),
        ({"queries": {"q": {"schema": "Person", "properties": {"name": ["x" * 2000]}}}}, "name"),
        ([1, 2], "body"),
    ],
)
def test_wrong_shapes_are_422_with_the_field(client: TestClient, analyst: dict[str, str], body: Any, where: str) -> None:
    r = client.post("/match/default", json=body, headers=analyst)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert any(where in [str(p) for p in d["loc"]] for d in detail), detail
    assert all("input" not in d for d in detail)
