"""``GET /entities/{id}``: one listed entity in FtM form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from seisai.api.auth import Viewer
from seisai.api.deps import ServiceDep, error_responses, json_response
from seisai.api.ftm import entity_dict
from seisai.api.models import EntityResponse

router = APIRouter(tags=["entities (yente API)"])


@router.get("/entities/{entity_id}", response_model=None, responses={200: {"model": EntityResponse}, **error_responses(401, 403, 404, 429, 503)})
def entity(
    entity_id: Annotated[str, Path(max_length=255, description="`<source>-<publisher's id>`, e.g. `un_sc-6908048`.")],
    _caller: Viewer,
    service: ServiceDep,
    nested: Annotated[bool, Query(description="Accepted for yente clients; entities have no nested parts here.")] = True,
) -> Response:
    """An entity of the current lists; a delisted one at its last listed state, with ``target: false``."""
    loaded = service.loaded
    found = loaded.matcher.entity(entity_id)
    if found is not None:
        return json_response(loaded.entity_json(found))
    old = service.store.entity(entity_id, with_raw=False)
    return json_response(entity_dict(old, loaded.catalog.topics(old.source), loaded.dates.get(entity_id), target=False))
