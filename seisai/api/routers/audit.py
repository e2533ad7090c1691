"""``GET /audit``, ``/audit/verify``, ``/audit/{id}``: the audit log, for admins and inspectors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from seisai.api.auth import Admin
from seisai.api.deps import ServiceDep, error_responses, json_response
from seisai.api.models_seisai import AuditPage, AuditRecord, VerifyResponse
from seisai.store.audit_verify import anchors_path, read_anchors, verify

router = APIRouter(tags=["audit"])

MAX_ID = 2**53  # record ids are 64-bit in the database; JSON keeps integers exact up to here


@router.get("/audit", response_model=None, responses={200: {"model": AuditPage}, **error_responses(401, 403, 422, 429)})
def records(
    _caller: Admin,
    service: ServiceDep,
    start: Annotated[int, Query(ge=1, le=MAX_ID)] = 1,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    kind: Annotated[str | None, Query(pattern="^(match|search|check)$")] = None,
) -> Response:
    """Records from ``start`` on, in order (``kind`` keeps one kind), ``limit`` at a time."""
    page = []
    for record in service.audit.records(start, kind=kind):
        page.append(record.to_dict())
        if len(page) > limit:
            break
    following = page.pop()["id"] if len(page) > limit else None
    return json_response({"records": page, "next": following})


@router.get("/audit/verify", response_model=None, responses={200: {"model": VerifyResponse}, **error_responses(401, 403, 429)})
def verify_log(_caller: Admin, service: ServiceDep) -> Response:
    """Check the whole hash chain, the head and the anchors file (``ok`` false lists the problems)."""
    path = anchors_path()
    anchors = read_anchors(path) if path.exists() else []
    return json_response(verify(service.audit, anchors=anchors).to_dict())


@router.get("/audit/{record_id}", response_model=None, responses={200: {"model": AuditRecord}, **error_responses(401, 403, 404, 429)})
def record(record_id: Annotated[int, Path(ge=1, le=MAX_ID)], _caller: Admin, service: ServiceDep) -> Response:
    """One record: who, when, the input, the list versions, the candidates and the decision."""
    return json_response(service.audit.record(record_id).to_dict())
