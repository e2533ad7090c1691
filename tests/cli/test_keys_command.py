from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from seisai.cli.app import app
from seisai.store import Store
from seisai.store.keys import find_key

runner = CliRunner()


def test_create_list_and_revoke_a_key(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'k.db'}"
    made = runner.invoke(app, ["keys", "create", "--role", "analyst", "--label", "core banking", "--db", db])
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip().splitlines()[0]
    key = find_key(Store.open(db), secret)
    assert key is not None and key.role.value == "analyst" and key.label == "core banking"
    listed = runner.invoke(app, ["keys", "list", "--json", "--db", db])
    [row] = json.loads(listed.stdout)
    assert row["id"] == key.id and secret not in listed.stdout
    assert runner.invoke(app, ["keys", "revoke", key.id, "--db", db]).exit_code == 0
    assert json.loads(runner.invoke(app, ["keys", "list", "--json", "--db", db]).stdout) == []
    assert json.loads(runner.invoke(app, ["keys", "list", "--all", "--json", "--db", db]).stdout)[0]["revoked_at"]


def test_create_as_json_and_bad_role(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'k.db'}"
    out = json.loads(runner.invoke(app, ["keys", "create", "-r", "viewer", "--rate", "5", "--json", "--db", db]).stdout)
    assert out["role"] == "viewer" and out["rate_limit"] == 5 and out["key"].startswith(f"seisai_{out['id']}_")
    bad = runner.invoke(app, ["keys", "create", "--role", "root", "--db", db])
    assert bad.exit_code != 0 and "role: expected one of viewer, analyst, admin" in str(bad.exception)
