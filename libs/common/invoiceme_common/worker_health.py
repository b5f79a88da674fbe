"""A worker's consumer lag (sampled from JetStream into the lag gauges) and its /health report."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
from nats.aio.client import Client as NatsClient

from . import metrics
from .logging import get_logger

log = get_logger(__name__)


def lag_of(info: Any) -> dict[str, int]:
    """The lag numbers of a JetStream ConsumerInfo."""
    return {
        "pending": info.num_pending or 0,
        "ack_pending": info.num_ack_pending or 0,
        "redelivered": info.num_redelivered or 0,
    }


async def sample_lag(nc: NatsClient, stream: str, durables: list[str], infos: dict[str, Any]) -> None:
    """Read each consumer's info into the lag gauges and `infos` (None where it could not be read)."""
    js = nc.jetstream()
    for durable in durables:
        try:
            info = await js.consumer_info(stream, durable)
        except Exception as error:  # NATS away or consumer gone: health says so
            infos[durable] = None
            log.debug("consumer_info_failed", consumer=durable, error=str(error))
            continue
        infos[durable] = info
        lag = lag_of(info)
        metrics.CONSUMER_PENDING.labels(durable).set(lag["pending"])
        metrics.CONSUMER_ACK_PENDING.labels(durable).set(lag["ack_pending"])


async def health_report(
    service: str, nc: NatsClient | None, pool: asyncpg.Pool | None, stream: str, durables: list[str]
) -> dict[str, Any]:
    """NATS connected, Postgres answers, every consumer exists (bound), with its lag and the last error."""
    checks = {"nats": "ok" if nc is not None and nc.is_connected else "not connected"}
    try:
        if pool is None:
            raise RuntimeError("not started")
        await asyncio.wait_for(pool.fetchval("SELECT 1"), timeout=3)
        checks["postgres"] = "ok"
    except Exception as error:
        checks["postgres"] = f"{type(error).__name__}: {error}"[:200]
    infos: dict[str, Any] = {}
    if nc is not None:
        await asyncio.wait_for(sample_lag(nc, stream, durables, infos), timeout=5)
    consumers = {}
    for durable in durables:
        info = infos.get(durable)
        checks[f"consumer {durable}"] = "ok" if info is not None else "not bound"
        if info is not None:
            consumers[durable] = lag_of(info)
    return {
        "service": service,
        "ok": all(value == "ok" for value in checks.values()),
        "checks": checks,
        "consumers": consumers,
        "last_error": metrics.last_error,
    }
