from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from invoiceme_gateway.deps import State
from invoiceme_gateway.health import service

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    summary="Liveness plus whether NATS, Postgres and the file store answer (with the reason when not)",
)
async def health(state: State) -> JSONResponse:
    report = await service.report(state)
    body: dict[str, object] = {
        "status": "ok" if report.healthy else "degraded",
        "timestamp": datetime.now(UTC).isoformat(),
        "checks": report.checks,
        "storage_backend": state.storage.backend,
    }
    if report.reasons:
        body["reasons"] = report.reasons
    return JSONResponse(body, status_code=200 if report.healthy else 503)
