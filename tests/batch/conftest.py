"""Batch fixtures: a store with the two real UN versions (and OFAC's, for slow tests), and books.

The stores are built once per test session (per xdist worker; batch tests share one group)
in a temporary ``SEISAI_HOME``, from the snapshots in ``lists_dir``.
"""

from __future__ import annotations

import csv
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from seisai.store import Store
from seisai.store.imports import import_paths

FILLER = [
    "Taro Yamada", "山田 太郎", "スズキ イチロー", "Ivan Petrov", "Иван Петров", "John Smith", "Maria Garcia",
    "Li Wei", "株式会社 東京商事", "佐藤 花子", "Сергей Смирнов", "Tanaka Trading Co., Ltd.",
]  # fmt: skip


@pytest.fixture(scope="session")
def batch_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("seisai-home")
    old = os.environ.get("SEISAI_HOME")
    os.environ["SEISAI_HOME"] = str(home)
    yield home
    if old is None:
        os.environ.pop("SEISAI_HOME", None)
    else:
        os.environ["SEISAI_HOME"] = old


def _store(home: Path, name: str, publications: list[list[Path]]) -> Store:
    store = Store.open(f"sqlite:///{home / name}")
    for paths in publications:
        import_paths(store, paths)
    return store


@pytest.fixture(scope="session")
def un_store(batch_home: Path, lists_dir: Path) -> Store:
    """Versions 1 (2024-11-30) and 2 (2026-02-27) of the UN consolidated list."""
    un = lists_dir / "un"
    return _store(batch_home, "un.db", [[un / "UN_consolidated_2024-11-30.xml"], [un / "UN_consolidated_2026-02-27.xml"]])


@pytest.fixture(scope="session")
def ofac_store(batch_home: Path, lists_dir: Path) -> Store:
    """The OFAC SDN list of 2023-12-28 (with its add/alt files), then that of 2024-05-03."""
    o = lists_dir / "ofac"
    old = [o / "sdn_2023-12-28.csv", o / "add_2023-12-28.csv", o / "alt_2023-12-28.csv"]
    return _store(batch_home, "ofac.db", [old, [o / "sdn_2024-05-03.csv"]])


def names_of(store: Store, count: int) -> list[str]:
    """Names from every version in the store (listed names, for near-misses)."""
    names: list[str] = []
    for version in store.versions():
        for entity in store.entities_at(version.id):
            names.extend(n.value for n in entity.names[:2])
    return names[:count] if count < len(names) else names


def write_book(path: Path, listed: list[str], rows: int, seed: int = 7) -> Path:
    """A CSV book: a third listed names (some with a typo), the rest ordinary customers."""
    rnd = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["customer_id", "name", "country", "dob"])
        for i in range(rows):
            if rnd.random() < 0.35:
                name = rnd.choice(listed)
                if rnd.random() < 0.3 and len(name) > 6:
                    name = name[:-1]
            else:
                name = rnd.choice(FILLER)
            writer.writerow([f"C{i:05d}", name, rnd.choice(["", "jp", "ru", "af", "iq", "kp"]), rnd.choice(["", "", "1965", "1970-05-01"])])
    return path


def read_hits(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
