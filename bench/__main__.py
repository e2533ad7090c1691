"""Run benchmarks: ``python -m bench <name> [args]`` or ``python -m bench all``.

Each benchmark is a module ``bench/<name>.py`` with a ``main(argv: list[str]) -> None`` that
writes its own section of ``docs/benchmarks.md`` (see :mod:`bench.report`).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

SKIP = {"report", "__main__"}


def available() -> list[str]:
    folder = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if m.name not in SKIP and not m.name.startswith("_"))


def main() -> None:
    args = sys.argv[1:]
    names = available()
    if not args or args[0] not in [*names, "all"]:
        print(f"usage: python -m bench <{'|'.join(names)}|all> [args]")
        sys.exit(2)
    chosen = names if args[0] == "all" else [args[0]]
    for name in chosen:
        print(f"== bench {name}", flush=True)
        importlib.import_module(f"bench.{name}").main(args[1:])


if __name__ == "__main__":
    main()
