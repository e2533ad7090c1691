from __future__ import annotations

from typer.testing import CliRunner

from seisai.cli.app import app


def test_no_auth_is_refused_off_loopback() -> None:
    result = CliRunner().invoke(app, ["serve", "--no-auth", "--host", "0.0.0.0"])
    assert result.exit_code != 0 and "--no-auth: refused on 0.0.0.0" in str(result.exception)
