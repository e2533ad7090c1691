"""yente's own client library and command line, unchanged, against a running ``seisai serve``."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from yente_client import Client
from yente_client.entities import Company, Person
from yente_client.exceptions import AuthenticationError, BadRequestError, NotFoundError

from seisai.api.service import Service
from seisai.store.keys import create_key
from tests.api.conftest import audit_log
from tests.api.server import running_server

pytestmark = pytest.mark.slow

ROWS = [
    # (row id, schema, name, birth date, the entities a right answer names)
    ("1", "Person", "Vladimir Putin", "1952-10-07", {"jp_mof-russia-persons-1"}),
    ("2", "Person", "ウラジーミル・プーチン", "", {"jp_mof-russia-persons-1"}),
    ("3", "Person", "Saddam Hussein al-Tikriti", "", {"jp_mof-iraq-persons-1", "un_sc-6908048"}),
    ("4", "Company", "Sberbank", "", {"jp_mof-russia-banks-8"}),
    ("5", "Company", "ズベルバンク", "", {"jp_mof-russia-banks-8"}),
    ("6", "Person", "Сергей Лавров", "", {"jp_mof-russia-persons-2"}),
    ("7", "Person", "Taro Yamada", "", set()),
]


@pytest.fixture(scope="module")
def server(lists_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(lists_db, tmp_path_factory.mktemp("server") / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def secret(service: Service) -> str:
    return create_key(service.store, "analyst", label="yente-client test")[1]


def test_client_match_names_the_listed_person(server: str, secret: str, service: Service) -> None:
    with Client(base_url=server, api_key=secret) as client:
        response = client.match(Person(name=["ウラジーミル・プーチン"], birthDate=["1952-10-07"]), threshold=0.8, limit=3)
        assert response.top is not None and response.top.id == "jp_mof-russia-persons-1"
        assert response.top.match and response.top.score >= 0.9 and response.limit == 3
        assert response.top.explanations["name"].score > 0.9
        company = client.match(Company(name=["Sberbank"]), datasets=["jp"])
        assert [r.id for r in company.matches][:1] == ["jp_mof-russia-banks-8"]
    seqs = [r.seq for r in audit_log(service).records(kind="match") if r.actor == secret.split("_")[1]]
    assert len(seqs) >= 2


def test_client_reads_catalog_algorithms_entities_and_search(server: str, secret: str) -> None:
    with Client(base_url=server, api_key=secret) as client:
        assert client.healthz().status == "ok" and client.readyz().status == "ok"
        datasets = {d.name: d for d in client.datasets().datasets}
        assert datasets["default"].children == ["jp_mof", "un_sc"] and datasets["un_sc"].entity_count == 1003
        algorithms = client.algorithms()
        assert algorithms.best == "seisai" and algorithms.algorithms[0].name == "seisai"
        entity = client.fetch("un_sc-6908048")
        assert entity.caption == "SADDAM HUSSEIN AL-TIKRITI" and entity.datasets == ["un_sc"]
        found = client.search("プーチン")
        assert "jp_mof-russia-persons-1" in [e.id for e in found.results]
        with pytest.raises(NotFoundError):
            client.fetch("un_sc-nope")
        with pytest.raises(BadRequestError, match="unknown algorithm"):
            client.match(Person(name=["x"]), algorithm="logic-v2")


def test_client_with_a_wrong_key_is_refused(server: str) -> None:
    with Client(base_url=server, api_key="seisai_00000000_wrong") as client, pytest.raises(AuthenticationError):
        client.match(Person(name=["Vladimir Putin"]))


def test_yente_cli_screens_a_csv(server: str, secret: str, tmp_path: Path) -> None:
    source = tmp_path / "customers.csv"
    with source.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["cust_id", "kind", "full_name", "born"])
        writer.writerows([row[:4] for row in ROWS])
    out = tmp_path / "hits.csv"
    cli = Path(sys.executable).with_name("yente-cli")
    env = {**os.environ, "YENTE_BASE_URL": server, "OPENSANCTIONS_API_KEY": secret}
    done = subprocess.run(
        [str(cli), "screen", str(source), str(out), "--schema-column", "kind", "-i", "full_name=name", "-i", "born=birthDate",
         "--match", "--include-empty", "--explanation", "--workers", "4"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "screened 7 rows" in done.stderr and "0 errors" in done.stderr
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    hits: dict[str, set[str]] = {}
    for row in rows:
        assert not row["match_error"], row
        if row["match_id"]:
            assert row["match"] == "true" and row["match_topics"] == "sanction" and "name=" in row["match_explanation"]
            hits.setdefault(row["cust_id"], set()).add(row["match_id"])
    for cust_id, _, _, _, expected in ROWS:
        if expected:
            assert expected <= hits.get(cust_id, set()), (cust_id, hits.get(cust_id))
        else:
            assert cust_id not in hits
