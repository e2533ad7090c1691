"""``POST /check``: decide transactions under the sanctions measures, audited."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from seisai.api.auth import Analyst
from seisai.api.checks import check_audit, engine_for, run_checks
from seisai.api.deps import ServiceDep, error_responses, json_response, request_record
from seisai.api.models_seisai import CheckRequest, CheckResponse

router = APIRouter(tags=["transactions"])


@router.post("/check", response_model=None, responses={200: {"model": CheckResponse}, **error_responses(400, 401, 403, 413, 422, 429, 503)})
def check(body: CheckRequest, request: Request, caller: Analyst, service: ServiceDep) -> Response:
    """Decide up to 100 transactions: ``prohibited``, ``licence_required``, ``review`` or ``allowed``,
    citing every measure that applied and the party hits (see docs/rules.md).

    Parties are screened against the lists this server holds. A transaction with a wrong
    field fails the request with 400 naming it (``transactions[0].goods[0].hs_code: ...``).
    """
    loaded = service.loaded
    engine = engine_for(loaded)
    service.charge(caller, len(body.transactions) - 1)
    decisions = run_checks(engine, body.transactions, body.as_of, body.jurisdictions)
    options = {"as_of": body.as_of.isoformat() if body.as_of else None, "jurisdictions": body.jurisdictions}
    audit = check_audit(loaded, engine, body.transactions, decisions, options, request_record(request, caller))
    record = service.audit.append("check", caller.key_id, audit)
    result = {"decisions": [d.to_dict() for d in decisions], "audit_id": record.seq}
    return json_response(result, headers={"X-Audit-Id": str(record.seq)})
