"""``GET /search/{dataset}``: yente's name search, audited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from seisai.api.auth import Viewer
from seisai.api.deps import ServiceDep, error_responses, json_response, request_record
from seisai.api.models import SearchResponse
from seisai.api.screening import algorithm_record
from seisai.api.search import MAX_WINDOW, run_search, search_options, search_response

router = APIRouter(tags=["screening (yente API)"])


@router.get("/search/{dataset}", response_model=None, responses={200: {"model": SearchResponse}, **error_responses(400, 401, 403, 404, 422, 429, 503)})
def search(
    dataset: Annotated[str, Path(max_length=64, examples=["default", "jp"])],
    request: Request,
    caller: Viewer,
    service: ServiceDep,
    q: Annotated[str, Query(max_length=500, examples=["Vladimir Putin", "プーチン"], description="A name, in any script.")] = "",
    schema: Annotated[str | None, Query(max_length=64)] = None,
    countries: Annotated[list[Annotated[str, Query(max_length=64)]], Query(max_length=50)] = [],  # noqa: B006
    include_dataset: Annotated[list[Annotated[str, Query(max_length=64)]], Query(max_length=50)] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=0, le=MAX_WINDOW)] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_WINDOW)] = 0,
) -> Response:
    """Search the names of a dataset's entities, best match first, with facets.

    ``q`` is read as a name by the same matcher as ``/match`` (any script, spelling variants);
    there is no full-text or browse mode. Searches are written to the audit log.
    """
    loaded = service.loaded
    options = search_options(
        loaded, dataset, q, schema=schema, countries=countries, include_dataset=include_dataset, limit=limit, offset=offset
    )
    result = run_search(loaded, options)
    body = {
        "request": request_record(request, caller),
        "options": options.to_dict(),
        "algorithm": algorithm_record(),
        "lists": loaded.lists_record(),
        "total": result.total,
        "results": [e.id for e in result.entities],
    }
    record = service.audit.append("search", caller.key_id, body)
    return json_response(search_response(loaded, options, result), headers={"X-Audit-Id": str(record.seq)})
