"""Whether the gateway's dependencies answer (NATS, Postgres, the file store), and why not."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from invoiceme_common.storage import StorageUnavailable
from invoiceme_gateway.health import repository
from invoiceme_gateway.state import GatewayState


@dataclass(frozen=True)
class HealthReport:
    checks: dict[str, str]  # dependency -> "ok" | "down" | "failing"
    reasons: dict[str, str] = field(default_factory=dict)  # dependency -> what an operator can act on

    @property
    def healthy(self) -> bool:
        return all(value == "ok" for value in self.checks.values())


async def postgres_answers(state: GatewayState, timeout_seconds: float = 2.0) -> bool:
    try:
        return await asyncio.wait_for(repository.ping(state.pool), timeout_seconds)
    except Exception:
        return False


def nats_connected(state: GatewayState) -> bool:
    return state.broker.connection is not None and state.broker.connection.is_connected


async def storage_problem(state: GatewayState) -> str | None:
    """None when the file store can be used; otherwise the reason (missing bucket, credentials...)."""
    try:
        await state.storage.check()
    except StorageUnavailable as exc:
        return exc.reason
    return None


async def report(state: GatewayState) -> HealthReport:
    postgres_ok = await postgres_answers(state)
    checks = {"nats": "ok" if nats_connected(state) else "down", "postgres": "ok" if postgres_ok else "down"}
    storage_reason = await storage_problem(state)
    checks["storage"] = "failing" if storage_reason else "ok"
    return HealthReport(checks, {"storage": storage_reason} if storage_reason else {})
