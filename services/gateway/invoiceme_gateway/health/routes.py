from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from invoiceme_gateway.deps import State
from invoiceme_gateway.health import service

router = APIRouter(tags=["health"])


@router.get("/health", summary="Liveness plus whether NATS and Postgres answer")
async def health(state: State) -> JSONResponse:
    checks = await service.checks(state)
    healthy = all(value == "ok" for value in checks.values())
    body = {
        "status": "ok" if healthy else "degraded",
        "timestamp": datetime.now(UTC).isoformat(),
        "checks": checks,
    }
    return JSONResponse(body, status_code=200 if healthy else 503)
