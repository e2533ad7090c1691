"""Reading transactions from files: one JSON object, a JSON array, or JSON lines.

Errors name the file and the line (JSON lines) or the item (array) and the field:
``book.jsonl line 3: goods[0].hs_code: invalid HS code '85A2'``. Files are read as a stream,
so a book of any size can be checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from seisai.exc import TransactionError
from seisai.rules.transaction import Transaction, parse_transaction


def _first_char(stream: IO[str]) -> str:
    while True:
        char = stream.read(1)
        if not char or not char.isspace():
            return char


def read_transactions(path: Path | str) -> Iterator[tuple[str, Transaction]]:
    """``(where, transaction)`` for each transaction in the file, in order."""
    path = Path(path)
    name = path.name
    try:
        stream = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise TransactionError(name, f"cannot read: {exc.strerror}") from None
    with stream:
        first = _first_char(stream)
        stream.seek(0)
        if first == "[":
            yield from _array(name, stream.read())
            return
        text = stream.read() if first == "{" else None
        if text is not None and _single_object(text):
            yield name, parse_transaction(json.loads(text), where=name)
            return
        stream.seek(0)
        yield from _lines(name, stream)


def _single_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except json.JSONDecodeError:
        return False


def _array(name: str, text: str) -> Iterator[tuple[str, Transaction]]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TransactionError(f"{name} line {exc.lineno}", f"not valid JSON: {exc.msg}") from None
    for i, item in enumerate(items):
        where = f"{name} item {i}"
        yield where, parse_transaction(item, where=where)


def _lines(name: str, stream: IO[str]) -> Iterator[tuple[str, Transaction]]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TransactionError(where, f"not valid JSON: {exc.msg} (column {exc.colno})") from None
        yield where, parse_transaction(data, where=where)
