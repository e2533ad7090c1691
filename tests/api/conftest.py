"""API fixtures: one store of real lists per test session, a loaded service, keys per role.

The store holds both UN versions (for diffs) and the MOF list (katakana names). Building the
matcher takes a few seconds, so the service is built once per session (per xdist worker) and
shared; tests must not rely on the audit log's length, only on the records they made.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from seisai.api.app import create_app
from seisai.api.service import Service
from seisai.api.settings import ApiSettings
from seisai.store import Store
from seisai.store.audit import AuditLog
from seisai.store.imports import import_paths
from seisai.store.keys import Role, create_key, revoke_key

AUDIT_KEY = b"api-test-audit-key"
UN_OLD = "un/UN_consolidated_2024-11-30.xml"
UN_NEW = "un/UN_consolidated_2026-02-27.xml"
MOF = "japan/mof_shisantouketsu20260305.xlsx"


@pytest.fixture(scope="session")
def api_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``SEISAI_HOME`` for the session: the matcher cache, shared by the xdist workers."""
    home = tmp_path_factory.getbasetemp().parent / "api-home"
    home.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SEISAI_HOME", str(home))
        mp.setenv("SEISAI_AUDIT_KEY", AUDIT_KEY.decode())
        mp.setenv("SEISAI_AUDIT_ANCHORS", str(home / f"anchors-{id(mp)}.jsonl"))
        yield home


@pytest.fixture(scope="session")
def lists_db(tmp_path_factory: pytest.TempPathFactory, lists_dir: Path, api_home: Path) -> str:
    """A SQLite store with the two UN versions and the MOF list."""
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'lists.db'}"
    store = Store.open(url)
    import_paths(store, [lists_dir / UN_OLD, lists_dir / UN_NEW, lists_dir / MOF])
    store.close()
    return url


@pytest.fixture(scope="session")
def service(lists_db: str) -> Service:
    """A loaded service on :func:`lists_db`, with rate limits out of the way."""
    settings = ApiSettings(db_url=lists_db, rate_limit=1e6, anchor_seconds=0)
    svc = Service(settings)
    svc.load()
    return svc


@pytest.fixture(scope="session")
def keys(service: Service) -> dict[str, str]:
    """A secret per role, plus a revoked one."""
    out = {role.value: create_key(service.store, role, label=f"test {role.value}")[1] for role in Role}
    revoked, secret = create_key(service.store, Role.ADMIN)
    revoke_key(service.store, revoked.id)
    out["revoked"] = secret
    return out


@pytest.fixture
def client(service: Service) -> Iterator[TestClient]:
    with TestClient(create_app(service=service, background=False)) as c:
        yield c


def auth(secret: str, scheme: str = "ApiKey") -> dict[str, str]:
    return {"Authorization": f"{scheme} {secret}"}


@pytest.fixture
def analyst(keys: dict[str, str]) -> dict[str, str]:
    return auth(keys["analyst"])


@pytest.fixture
def viewer(keys: dict[str, str]) -> dict[str, str]:
    return auth(keys["viewer"])


@pytest.fixture
def admin(keys: dict[str, str]) -> dict[str, str]:
    return auth(keys["admin"])


def audit_log(service: Service) -> AuditLog:
    return AuditLog(service.store, AUDIT_KEY)
