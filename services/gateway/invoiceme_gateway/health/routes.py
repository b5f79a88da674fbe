from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from invoiceme_gateway.deps import State

router = APIRouter(tags=["health"])


@router.get("/health", summary="Liveness plus whether NATS and Postgres answer")
async def health(state: State) -> JSONResponse:
    async def postgres_ok() -> bool:
        try:
            return await asyncio.wait_for(state.pool.fetchval("SELECT 1"), 2) == 1
        except Exception:
            return False

    nats_ok = state.broker.connection is not None and state.broker.connection.is_connected
    checks = {"nats": "ok" if nats_ok else "down", "postgres": "ok" if await postgres_ok() else "down"}
    healthy = all(value == "ok" for value in checks.values())
    body = {
        "status": "ok" if healthy else "degraded",
        "timestamp": datetime.now(UTC).isoformat(),
        "checks": checks,
    }
    return JSONResponse(body, status_code=200 if healthy else 503)
