from __future__ import annotations

from fastapi.testclient import TestClient

from seisai.api.service import Service


def test_entity_in_ftm_form(client: TestClient, viewer: dict[str, str]) -> None:
    r = client.get("/entities/un_sc-6908048", headers=viewer)
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "un_sc-6908048" and body["schema"] == "Person" and body["datasets"] == ["un_sc"]
    assert body["caption"] == "SADDAM HUSSEIN AL-TIKRITI" and body["target"] is True
    assert all(isinstance(v, list) for v in body["properties"].values())
    assert body["first_seen"] <= body["last_seen"]


def test_delisted_entity_comes_back_as_no_longer_a_target(client: TestClient, viewer: dict[str, str], service: Service) -> None:
    removed_id, caption = service.store.diff("un_sc", "previous", "latest").removed[0]
    body = client.get(f"/entities/{removed_id}", headers=viewer).json()
    assert body["id"] == removed_id and body["caption"] == caption and body["target"] is False
    assert body["last_seen"].startswith("2024-11-30")


def test_unknown_entity_is_404(client: TestClient, viewer: dict[str, str]) -> None:
    r = client.get("/entities/un_sc-nope", headers=viewer)
    assert r.status_code == 404 and r.json() == {"detail": "no entity 'un_sc-nope' in the store"}
