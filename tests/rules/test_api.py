"""The public API of seisai.rules, its layering, and robustness of transaction parsing."""

from __future__ import annotations

import inspect
import subprocess
import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import seisai.rules
from seisai.exc import TransactionError
from seisai.rules.transaction import parse_transaction


def test_exported_members() -> None:
    public = {n for n, v in vars(seisai.rules).items() if not n.startswith("_") and not inspect.ismodule(v)}
    assert seisai.rules.__all__ == sorted(seisai.rules.__all__)
    assert public - {"annotations"} == set(seisai.rules.__all__)


def test_rules_never_import_storage_web_or_cli_frameworks() -> None:
    code = (
        "import sys, seisai.rules, seisai.rules.impact, seisai.rules.lint, seisai.rules.io\n"
        "bad = [m for m in ('sqlalchemy', 'fastapi', 'typer', 'dask') if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
FIELDS = st.sampled_from(["type", "date", "parties", "goods", "origin_country", "destination_country", "security",
                          "investment", "service", "oil", "jurisdiction", "destination_region", "purpose"])


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(FIELDS, JSON, max_size=6))
def test_any_json_gives_a_transaction_or_a_field_error(data: dict[str, Any]) -> None:
    try:
        parse_transaction(data)
    except TransactionError as exc:
        assert exc.field and exc.problem
