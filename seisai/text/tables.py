"""Load the editable reference tables under ``seisai/data/`` (YAML), once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_table(package: str, name: str) -> Any:
    """The parsed YAML file ``name`` of the data package ``seisai.data.<package>``.

    Tables are read once and shared; callers must not mutate what they get.
    """
    text = resources.files(f"seisai.data.{package}").joinpath(name).read_text("utf-8")
    return yaml.safe_load(text)
