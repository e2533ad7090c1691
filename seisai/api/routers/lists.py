"""``GET /lists``, ``/lists/{source}``, ``/lists/{source}/diff``: the stored versions of each list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from seisai.api.auth import Viewer
from seisai.api.deps import ServiceDep, error_responses, json_response
from seisai.api.models_seisai import ListsResponse, ListVersion
from seisai.exc import NotFoundError

router = APIRouter(tags=["lists"])

Source = Annotated[str, Path(max_length=64, description="A source id, e.g. `un_sc`, `jp_mof`.")]
Ref = Annotated[str, Query(max_length=40, description="A version id (`12`), publication date (`2026-02-27`), `latest` or `previous`.")]


@router.get("/lists", response_model=None, responses={200: {"model": ListsResponse}, **error_responses(401, 403, 429)})
def lists(_caller: Viewer, service: ServiceDep) -> Response:
    """Each list in the store: its current version, the version served, and how many are stored."""
    served = service.loaded.pins if service.ready else {}
    items = []
    for source, current in sorted(service.store.current_versions().items()):
        pub = service.catalog.publishers.get(source)
        items.append(
            {
                "source": source,
                "title": pub.title if pub else source,
                "current": current.to_dict(),
                "served": served.get(source),
                "versions": len(service.store.versions(source)),
            }
        )
    return json_response({"lists": items})


@router.get("/lists/{source}", response_model=None, responses={200: {"model": list[ListVersion]}, **error_responses(401, 403, 404, 429)})
def versions(source: Source, _caller: Viewer, service: ServiceDep) -> Response:
    """Every stored version of one list, oldest first (by publication date)."""
    found = service.store.versions(source)
    if not found:
        raise NotFoundError(f"no versions of source {source!r} in the store; stored: {', '.join(service.store.sources())}")
    return json_response([v.to_dict() for v in found])


@router.get("/lists/{source}/diff", responses=error_responses(401, 403, 404, 429))
def diff(source: Source, _caller: Viewer, service: ServiceDep, old: Ref = "previous", new: Ref = "latest") -> Response:
    """Entities added, removed and changed (field by field) between two versions of a list."""
    return json_response(service.store.diff(source, old, new).to_dict())
