"""A worker's /health report against real NATS and Postgres: what is missing makes it not ok."""

from __future__ import annotations

import uuid

import nats
from nats.js.api import ConsumerConfig, StreamConfig

from invoiceme_common.db import create_pool
from invoiceme_common.worker_health import health_report


async def test_health_names_the_consumer_that_is_not_bound(nats_url: str, database_url: str) -> None:
    stream = f"health{uuid.uuid4().hex[:8]}"
    nc = await nats.connect(nats_url)
    pool = await create_pool(database_url, 1, 1)
    js = nc.jetstream()
    try:
        await js.add_stream(StreamConfig(name=stream, subjects=[f"{stream}.>"]))
        await js.add_consumer(stream, ConsumerConfig(durable_name="bound", filter_subject=f"{stream}.a"))
        await js.publish(f"{stream}.a", b"{}")
        report = await health_report("t", nc, pool, stream, ["bound"])
        assert report["ok"], report
        assert report["consumers"]["bound"]["pending"] == 1
        report = await health_report("t", nc, pool, stream, ["bound", "missing"])
        assert not report["ok"] and report["checks"]["consumer missing"] == "not bound"
        report = await health_report("t", nc, None, stream, ["bound"])
        assert not report["ok"] and report["checks"]["postgres"].startswith("RuntimeError")
    finally:
        await js.delete_stream(stream)
        await pool.close()
        await nc.close()
