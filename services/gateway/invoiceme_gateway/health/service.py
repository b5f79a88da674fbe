"""Whether the gateway's dependencies answer (NATS, Postgres)."""

from __future__ import annotations

import asyncio

from invoiceme_gateway.health import repository
from invoiceme_gateway.state import GatewayState


async def postgres_answers(state: GatewayState, timeout_seconds: float = 2.0) -> bool:
    try:
        return await asyncio.wait_for(repository.ping(state.pool), timeout_seconds)
    except Exception:
        return False


def nats_connected(state: GatewayState) -> bool:
    return state.broker.connection is not None and state.broker.connection.is_connected


async def checks(state: GatewayState) -> dict[str, str]:
    postgres_ok = await postgres_answers(state)
    return {"nats": "ok" if nats_connected(state) else "down", "postgres": "ok" if postgres_ok else "down"}
