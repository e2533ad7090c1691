"""Settings of the HTTP service, read from ``SEISAI_API_*`` environment variables.

``seisai serve`` writes its options into these variables before it starts the workers, so
every worker process reads the same settings (uvicorn starts workers by importing the app
factory; nothing else is passed to them).

=============================  =========  ===================================================
variable                       default    meaning
=============================  =========  ===================================================
``SEISAI_DB``                  (SQLite)   the store (see :mod:`seisai.settings`)
``SEISAI_API_AUTH``            ``1``      ``0`` turns API keys off (every caller is an admin)
``SEISAI_API_MAX_BODY``        1048576    largest request body, in bytes (413 above)
``SEISAI_API_RATE``            100        requests per second per key, all workers together
``SEISAI_API_BURST``           2 x rate   requests a key may send at once before it is slowed
``SEISAI_API_WORKERS``         1          worker processes (each enforces rate / workers)
``SEISAI_API_RELOAD``          10         seconds between checks for new list versions
``SEISAI_API_ANCHOR``          60         seconds between audit anchors (0: none)
``SEISAI_API_KEY_CACHE``       30         seconds a key lookup is cached (revocation delay)
=============================  =========  ===================================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

from seisai.exc import InputError

_ENV = {
    "db_url": "SEISAI_DB",
    "auth": "SEISAI_API_AUTH",
    "max_body_bytes": "SEISAI_API_MAX_BODY",
    "rate_limit": "SEISAI_API_RATE",
    "rate_burst": "SEISAI_API_BURST",
    "workers": "SEISAI_API_WORKERS",
    "reload_seconds": "SEISAI_API_RELOAD",
    "anchor_seconds": "SEISAI_API_ANCHOR",
    "key_cache_seconds": "SEISAI_API_KEY_CACHE",
}


@dataclass(frozen=True)
class ApiSettings:
    """How the service runs; see the module docstring for each field's variable."""

    db_url: str | None = None
    auth: bool = True
    max_body_bytes: int = 1_048_576
    rate_limit: float = 100.0
    rate_burst: float | None = None
    workers: int = 1
    reload_seconds: float = 10.0
    anchor_seconds: float = 60.0
    key_cache_seconds: float = 30.0

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "rate_limit", "workers"):
            if not getattr(self, name) > 0:
                raise InputError(f"{_ENV[name]}: must be positive, got {getattr(self, name)!r}")

    @property
    def burst(self) -> float:
        return self.rate_burst if self.rate_burst is not None else 2 * self.rate_limit

    @classmethod
    def from_env(cls) -> ApiSettings:
        """Settings from the environment, defaults for what is not set."""
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = os.environ.get(_ENV[f.name], "").strip()
            if not raw:
                continue
            values[f.name] = _convert(f.name, raw)
        return cls(**values)  # type: ignore[arg-type]

    def to_env(self) -> dict[str, str]:
        """The environment variables that give these settings (for worker processes)."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            out[_ENV[f.name]] = ("1" if value else "0") if isinstance(value, bool) else str(value)
        return out


def _convert(name: str, raw: str) -> object:
    try:
        if name == "db_url":
            return raw
        if name == "auth":
            if raw.lower() not in {"0", "1", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError("expected 1 or 0")
            return raw.lower() in {"1", "true", "yes", "on"}
        if name in {"max_body_bytes", "workers"}:
            return int(raw)
        return float(raw)
    except ValueError as exc:
        raise InputError(f"{_ENV[name]}: {raw!r} is not valid ({exc})") from None
