"""``GET /catalog``, ``/algorithms``, ``/healthz``, ``/readyz``: what the server holds and whether it is up."""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from seisai import __version__
from seisai.api.auth import Viewer
from seisai.api.datasets import Dataset
from seisai.api.deps import ServiceDep, error_responses, json_response
from seisai.api.loaded import Loaded
from seisai.api.models import StatusResponse
from seisai.api.screening import ALGORITHM, algorithm_record
from seisai.matching import DEFAULT_THRESHOLD, scoring_config
from seisai.store.entity_dates import version_date

router = APIRouter(tags=["system (yente API)"])

FEATURES = {
    "name": "Best pair of names, compared across scripts (Latin, Cyrillic, kana, kanji, Arabic, Hangul) by spelling, phonetic key, name variants and initials.",
    "identifier": "A matching identifier (passport, INN, OGRN, IMO, BIC, LEI...); strong kinds weigh more.",
    "birth_date": "Birth dates agree or contradict, at the precision both sides give.",
    "country": "Nationality and country agree or contradict.",
    "gender": "Gender contradicts.",
    "schema": "The kinds of party (person, organisation, vessel) contradict.",
}


def _source(loaded: Loaded, ds: Dataset) -> dict[str, Any]:
    v = loaded.snapshot.versions[ds.name]
    pub = ds.publisher
    return {
        "name": ds.name, "title": ds.title, "summary": ds.summary, "url": pub.homepage if pub else None,
        "version": f"v{v.id}-{(v.published.isoformat() if v.published else v.sha256[:12])}",
        "updated_at": version_date(v).isoformat(), "last_export": v.imported_at.isoformat(),
        "entity_count": v.entity_count, "load": True, "index_current": True, "index_version": f"v{v.id}",
        "children": [], "tags": list(ds.topics), "category": "sanctions",
        "publisher": {"name": pub.publisher, "url": pub.homepage, "country": ds.country, "official": True} if pub else None,
        "coverage": {"countries": [ds.country] if ds.country else []},
    }  # fmt: skip


def _collection(loaded: Loaded, ds: Dataset) -> dict[str, Any]:
    versions = [loaded.snapshot.versions[s] for s in ds.children]
    stamp = hashlib.sha256("".join(f"{v.source}:{v.id};" for v in versions).encode()).hexdigest()[:12]
    return {
        "name": ds.name, "title": ds.title, "summary": ds.summary, "version": stamp,
        "updated_at": max(version_date(v) for v in versions).isoformat(),
        "entity_count": sum(v.entity_count for v in versions), "load": True, "index_current": True,
        "index_version": stamp, "children": list(ds.children), "tags": [], "category": "collection",
    }  # fmt: skip


@router.get("/catalog", responses=error_responses(401, 403, 429, 503))
def catalog(_caller: Viewer, service: ServiceDep) -> Response:
    """Every loaded list (a dataset each) and collection, with its version and entity count."""
    loaded = service.loaded
    datasets = loaded.catalog.datasets(loaded.sources)
    items = [_collection(loaded, d) if d.collection else _source(loaded, d) for d in datasets]
    names = [d.name for d in datasets]
    return json_response({"datasets": items, "current": names, "outdated": [], "index_stale": False})


@router.get("/algorithms", responses=error_responses(401, 403, 429))
def algorithms(_caller: Viewer) -> Response:
    """The matching algorithm, its features and its default threshold."""
    cfg = scoring_config()
    description = (
        "seisai's matcher: score = best of the name score and identifier matches, plus qualifiers "
        f"(birth date, country, gender, schema), clipped to 0..1; default threshold {DEFAULT_THRESHOLD:.2f}."
    )
    info = {
        "name": ALGORITHM, "description": description, "features": FEATURES,
        "docs": {k: {"description": v} for k, v in FEATURES.items()},
        "threshold": DEFAULT_THRESHOLD, "report_cutoff": cfg.report_cutoff, **algorithm_record(),
    }  # fmt: skip
    return json_response({"algorithms": [info], "default": ALGORITHM, "best": ALGORITHM})


@router.get("/healthz", response_model=StatusResponse)
def healthz() -> dict[str, str]:
    """The process is up (no key needed)."""
    return {"status": "ok"}


@router.get("/readyz", response_model=StatusResponse, responses=error_responses(503))
def readyz(service: ServiceDep) -> dict[str, str]:
    """The lists are loaded and screening can run (503 until then; no key needed)."""
    _ = service.loaded
    return {"status": "ok"}


@router.get("/", include_in_schema=False)
def root() -> Response:
    return json_response({"name": "seisai", "version": __version__, "docs": "/docs", "openapi": "/openapi.json"})
