"""Command families; each module defines ``register(app: typer.Typer) -> None``."""
