"""``seisai serve``: the screening service (FastAPI on uvicorn)."""

from __future__ import annotations

import copy
import os
from typing import Any

import typer

from seisai.cli.output import console_err
from seisai.exc import InputError
from seisai.settings import database_url, normalize_db_url

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (one CPU core each)."),
    db: str | None = typer.Option(None, "--db", help="Database URL (default: $SEISAI_DB or ~/.seisai/seisai.db)."),
    no_auth: bool = typer.Option(False, "--no-auth", help="Turn API keys off: every caller is an admin. Loopback only."),
    max_body: int = typer.Option(1_048_576, "--max-body", min=1, help="Largest request body in bytes."),
    rate: float = typer.Option(100.0, "--rate", min=0.001, help="Default requests per second per key."),
    reload_every: float = typer.Option(10.0, "--reload-every", min=0.5, help="Seconds between checks for new list versions."),
    access_log: bool = typer.Option(False, "--access-log", help="Log every request (the audit log records screenings anyway)."),
    log_level: str = typer.Option("info", "--log-level", help="critical, error, warning, info or debug."),
) -> None:
    """Serve the yente-compatible screening API and seisai's own endpoints.

    SQLite serves one worker well; with several workers use PostgreSQL (SEISAI_DB=postgresql://...).
    Each worker holds the lists in memory, follows list updates in the store within
    --reload-every seconds, and writes every screening to the shared audit log.
    """
    import uvicorn

    from seisai.api.settings import ApiSettings

    if no_auth and host not in LOOPBACK:
        raise InputError(f"--no-auth: refused on {host}; without keys the server may only listen on loopback")
    url = normalize_db_url(db) if db else database_url()
    settings = ApiSettings(db_url=url, auth=not no_auth, max_body_bytes=max_body, rate_limit=rate, workers=workers, reload_seconds=reload_every)
    os.environ.update(settings.to_env())
    if workers > 1 and url.startswith("sqlite"):
        console_err.print(f"note: {workers} workers share one SQLite file; PostgreSQL suits several workers better", highlight=False)
    if no_auth:
        console_err.print("[bold yellow]warning:[/] API keys are off: every caller is an admin", highlight=False)
    uvicorn.run(
        "seisai.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        log_level=log_level,
        log_config=_log_config(),
        timeout_graceful_shutdown=10,
    )


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, with seisai's own messages (list loads, reloads) in the same stream."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["seisai"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
