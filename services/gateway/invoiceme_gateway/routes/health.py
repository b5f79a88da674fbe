from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from invoiceme_common.storage import StorageUnavailable

from ..deps import State

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    summary="Liveness plus whether NATS, Postgres and the file store answer (with the reason when not)",
)
async def health(state: State) -> JSONResponse:
    async def postgres_ok() -> bool:
        try:
            return await asyncio.wait_for(state.pool.fetchval("SELECT 1"), 2) == 1
        except Exception:
            return False

    async def storage_problem() -> str | None:
        try:
            await state.storage.check()
        except StorageUnavailable as exc:
            return exc.reason
        return None

    nats_ok = state.broker.connection is not None and state.broker.connection.is_connected
    checks = {"nats": "ok" if nats_ok else "down", "postgres": "ok" if await postgres_ok() else "down"}
    storage_reason = await storage_problem()
    checks["storage"] = "failing" if storage_reason else "ok"
    healthy = all(value == "ok" for value in checks.values())
    body: dict[str, object] = {
        "status": "ok" if healthy else "degraded",
        "timestamp": datetime.now(UTC).isoformat(),
        "checks": checks,
        "storage_backend": state.storage.backend,
    }
    if storage_reason:
        body["reasons"] = {"storage": storage_reason}
    return JSONResponse(body, status_code=200 if healthy else 503)
