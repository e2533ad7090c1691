"""Settings read from the environment, with their defaults.

``SEISAI_HOME``   folder for seisai's own files (default ``~/.seisai``).
``SEISAI_DB``     database URL: ``sqlite:///path.db`` (default ``$SEISAI_HOME/seisai.db``) or
                  ``postgresql://user@host/db`` (``postgresql+psycopg://`` is implied).
``SEISAI_LISTS``  a folder of list files to import when no publisher can be reached (the quickstart
                  uses ``../shared/data/lists`` when it exists).
"""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    """seisai's own folder, created on first use."""
    path = Path(os.environ.get("SEISAI_HOME", "~/.seisai")).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """The database URL from ``SEISAI_DB``, or the embedded SQLite file in :func:`home`."""
    url = os.environ.get("SEISAI_DB")
    if url:
        return normalize_db_url(url)
    return f"sqlite:///{home() / 'seisai.db'}"


def normalize_db_url(url: str) -> str:
    """Accept ``postgres://`` and ``postgresql://`` and use the psycopg 3 driver; accept a path."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url
