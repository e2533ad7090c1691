"""Schemathesis against a running ``seisai serve``: generated and malformed requests to every
operation of the OpenAPI spec must never give a 5xx, and responses must match the spec."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from seisai.api.service import Service
from seisai.store.keys import create_key
from tests.api.server import running_server

pytestmark = pytest.mark.slow

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def test_no_operation_gives_a_server_error(lists_db: str, service: Service, tmp_path: Path) -> None:
    secret = create_key(service.store, "admin", label="schemathesis")[1]
    st = Path(sys.executable).with_name("schemathesis")
    with running_server(lists_db, tmp_path / "serve.log", "--rate", "100000") as base:
        done = subprocess.run(
            [str(st), "run", f"{base}/openapi.json", "--header", f"Authorization: ApiKey {secret}",
             "--checks", CHECKS, "--max-examples", "40", "--seed", "20261121", "--workers", "1",
             "--generation-with-security-parameters", "false", "--generation-database", "none"],
            cwd=tmp_path, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
    summary = done.stdout[-4000:]
    assert done.returncode == 0, summary
    assert "Selected: 14/14" in done.stdout and " passed" in summary
    server_log = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in server_log, server_log[-4000:]
