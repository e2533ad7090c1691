"""Console helpers shared by the commands: Rich consoles and JSON output for machines."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console

console = Console()
console_err = Console(stderr=True)


def print_json(data: Any) -> None:
    """Write ``data`` as JSON to standard output (UTF-8, not ASCII-escaped), one document."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_jsonl(data: Any) -> None:
    """Write ``data`` as one JSON line to standard output."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
