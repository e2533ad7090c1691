"""``POST /match/{dataset}``: yente's screening by example, audited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from seisai.api.auth import Analyst
from seisai.api.deps import ServiceDep, error_responses, json_response, request_record
from seisai.api.models import MatchRequest, MatchResponse
from seisai.api.screening import (
    DEFAULT_LIMIT,
    MAX_EXCLUDE_IDS,
    MAX_LIMIT,
    MAX_WORK,
    match_audit,
    match_response,
    parse_queries,
    resolve_options,
    run_match,
)
from seisai.exc import QueryError

router = APIRouter(tags=["screening (yente API)"])

Names = Annotated[list[Annotated[str, Query(max_length=64)]], Query(max_length=50)]


@router.post(
    "/match/{dataset}",
    response_model=None,
    responses={
        200: {"model": MatchResponse, "headers": {"X-Audit-Id": {"description": "The audit record of this request."}}},
        **error_responses(400, 401, 403, 404, 413, 422, 429, 503),
    },
)
async def match(
    dataset: Annotated[str, Path(max_length=64, examples=["default", "sanctions", "jp", "jp_mof"], description="A dataset (`jp_mof`) or collection (`default`, `sanctions`, `jp`).")],
    body: MatchRequest,
    request: Request,
    caller: Analyst,
    service: ServiceDep,
    threshold: Annotated[float | None, Query(ge=0, le=1, description="Score at which a result is a match (default 0.70).")] = None,
    cutoff: Annotated[float | None, Query(ge=0, le=1, description="Drop results under min(cutoff, threshold).")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    algorithm: Annotated[str, Query(max_length=64, description="`best` (default) or `seisai`.")] = "best",
    include_dataset: Names = [],  # noqa: B006  (FastAPI copies defaults)
    exclude_dataset: Names = [],  # noqa: B006
    exclude_schema: Names = [],  # noqa: B006
    exclude_entity_ids: Annotated[list[Annotated[str, Query(max_length=255)]], Query(max_length=MAX_EXCLUDE_IDS)] = [],  # noqa: B006
    topics: Names = [],  # noqa: B006
    changed_since: Annotated[str | None, Query(max_length=40, description="Only entities changed since this date.")] = None,
) -> Response:
    """Screen up to 100 entities (queries by example) against a dataset.

    Same request and response as yente's: results best first with ``score`` 0..1, ``match``
    when the score reaches ``threshold``, and one explanation per feature. Every request is
    written to the audit log (input, list versions, options, every candidate); its id is in
    the ``X-Audit-Id`` header.
    """
    if body.weights or body.config:
        unknown = ", ".join(sorted({*body.weights, *body.config}))
        raise QueryError(f"weights/config: per-request options are not supported ({unknown}); the weights live in seisai/data/matching/scoring.yml")
    loaded = service.loaded
    options = resolve_options(
        loaded, dataset, threshold=threshold, cutoff=cutoff, limit=limit, algorithm=algorithm,
        include_dataset=include_dataset, exclude_dataset=exclude_dataset, exclude_schema=exclude_schema,
        exclude_entity_ids=exclude_entity_ids, topics=topics, changed_since=changed_since,
    )  # fmt: skip
    examples = {key: query.as_dict() for key, query in body.queries.items()}
    queries = parse_queries(examples)
    if len(queries) * options.limit > MAX_WORK:
        raise QueryError(f"queries x limit: at most {MAX_WORK} candidates per request, asked {len(queries)} x {options.limit}")
    service.charge(caller, len(queries) - 1)
    results = run_match(loaded, options, queries)
    record = service.audit.append(
        "match", caller.key_id, match_audit(loaded, options, examples, results, request_record(request, caller))
    )
    headers = {"X-Batch-Size": str(len(results)), "X-Audit-Id": str(record.seq)}
    return json_response(match_response(loaded, options, examples, results), headers=headers)
