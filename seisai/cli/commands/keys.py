"""``seisai keys``: create, list and revoke the API keys of the screening service."""

from __future__ import annotations

import typer
from rich.table import Table

from seisai.cli.context import get_store
from seisai.cli.output import console, console_err, print_json
from seisai.store.keys import create_key, list_keys, parse_role, revoke_key

keys_app = typer.Typer(help="API keys of the screening service (`seisai serve`).", no_args_is_help=True)

DB_OPTION = typer.Option(None, "--db", help="Database URL (default: $SEISAI_DB or ~/.seisai/seisai.db).")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON for machines.")


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")


@keys_app.command("create")
def create_command(
    role: str = typer.Option(..., "--role", "-r", help="viewer (read lists), analyst (also screen and check) or admin (also the audit log)."),
    label: str | None = typer.Option(None, "--label", "-l", help="Who or what uses the key (shown in the audit log)."),
    rate: float | None = typer.Option(None, "--rate", help="Requests per second for this key (default: the server's)."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Create a key and print it. It is shown only now: the store keeps only its hash."""
    key, secret = create_key(get_store(db), parse_role(role), label=label, rate_limit=rate)
    if as_json:
        print_json({**key.to_dict(), "key": secret})
        return
    console.print(secret, highlight=False, soft_wrap=True)
    console_err.print(
        f"key {key.id} ({key.role.value}{', ' + label if label else ''}) created; store it now, it cannot be shown again. "
        "Send it as 'Authorization: ApiKey <key>'.",
        highlight=False,
    )


@keys_app.command("list")
def list_command(
    all_keys: bool = typer.Option(False, "--all", help="Include revoked keys."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The keys (never their secrets): id, role, label, rate, when created and revoked."""
    keys = list_keys(get_store(db), include_revoked=all_keys)
    if as_json:
        print_json([k.to_dict() for k in keys])
        return
    table = Table("id", "role", "label", "rate/s", "created", "revoked")
    for k in keys:
        table.add_row(
            k.id, k.role.value, k.label or "", f"{k.rate_limit:g}" if k.rate_limit else "default",
            k.created_at.strftime("%Y-%m-%d %H:%M"), k.revoked_at.strftime("%Y-%m-%d %H:%M") if k.revoked_at else "",
        )  # fmt: skip
    console.print(table)


@keys_app.command("revoke")
def revoke_command(key_id: str = typer.Argument(..., help="The key's id (from `seisai keys list`)."), db: str | None = DB_OPTION) -> None:
    """Revoke a key; servers refuse it within their key cache time (30 s by default)."""
    key = revoke_key(get_store(db), key_id)
    console_err.print(f"key {key.id} ({key.role.value}) revoked", highlight=False)
