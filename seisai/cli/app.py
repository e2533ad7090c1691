"""The ``seisai`` command line.

Each module in :mod:`seisai.cli.commands` adds its commands to the app through a
``register(app)`` function, so a new command family needs no change here.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from seisai import __version__
from seisai.cli import commands
from seisai.cli.output import console_err
from seisai.exc import SeisaiError

app = typer.Typer(
    name="seisai",
    help="Sanctions screening and compliance: lists, names, rules.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        typer.echo(f"seisai {__version__}")
        raise typer.Exit()


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(app)


_register_commands()


def main() -> None:
    """Entry point of the console script: user errors print one clear line and exit 2."""
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except SeisaiError as exc:
        console_err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(2)
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", None) or getattr(exc, "code", 0)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Abort:
        console_err.print("aborted")
        sys.exit(1)
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
