"""``seisai quickstart``: import the lists and screen a few names, the main job end to end.

With ``--lists DIR`` (the Makefile passes ``../shared/data/lists`` when it exists) the official
list files in that folder are imported; otherwise the lists are downloaded from their
publishers. Files licensed for non-commercial use only (the OpenSanctions samples) are never
imported by the quickstart. Then a few names in several scripts are screened and the results
printed with their explanations. Running it again imports nothing twice.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from seisai.cli.commands.screen import _print_results
from seisai.cli.context import get_store, progress_bar
from seisai.cli.output import console
from seisai.matching import DEFAULT_THRESHOLD, Query
from seisai.store.imports import import_paths
from seisai.store.snapshot import load_matcher
from seisai.store.update import update

# Folders of the snapshot tree that are not official lists a product may ship with.
NOT_OFFICIAL = {"opensanctions"}

DEMO_NAMES = (
    "ウラジーミル・プーチン",  # katakana, as the MOF list writes him
    "Сергей Лавров",  # Cyrillic
    "ｽﾞﾍﾞﾙﾊﾞﾝｸ",  # half-width Zengin kana, as a bank transfer carries it
    "株式会社ロスオボロンエクスポルト",  # Japanese company name with its legal form
    "Rosoboronexport JSC",
    "山田太郎",  # a common Japanese name on no list
)


def register(app: typer.Typer) -> None:
    app.command("quickstart")(quickstart_command)


def quickstart_command(
    lists: Path | None = typer.Option(None, "--lists", help="Folder of list files; default: download from the publishers."),
    db: str | None = typer.Option(None, "--db", help="Database URL."),
) -> None:
    """Import every official list, then screen a few names in several scripts."""
    store = get_store(db)
    console.rule("[bold]1. Lists")
    with progress_bar() as progress:
        if lists is not None and lists.is_dir():
            folders = sorted(p for p in lists.iterdir() if p.is_dir() and p.name not in NOT_OFFICIAL)
            import_paths(store, folders, progress=progress)  # type: ignore[arg-type]
        else:
            console.print("no local list folder: downloading from the publishers")
            update(store, progress=progress)  # type: ignore[arg-type]
    table = Table("source", "current version", "published", "entities")
    for source, version in sorted(store.current_versions().items()):
        table.add_row(source, f"v{version.id}", str(version.published or "-"), f"{version.entity_count:,}")
    console.print(table)
    console.rule("[bold]2. Screening")
    snapshot = load_matcher(store)
    console.print(f"{len(snapshot.matcher):,} entities indexed from {len(snapshot.versions)} lists\n")
    for name in DEMO_NAMES:
        results = snapshot.matcher.screen(Query(names=[name]), threshold=DEFAULT_THRESHOLD, limit=3)
        _print_results(name, results, DEFAULT_THRESHOLD)
    console.print(
        "\nNext: `seisai screen NAME`, `seisai check docs/examples/tx.json`, "
        "`seisai lists diff un_sc previous latest`, `seisai serve`."
    )
