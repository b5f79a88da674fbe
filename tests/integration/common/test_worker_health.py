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


async def test_a_taken_metrics_port_does_not_stop_the_worker(nats_url: str, database_url: str) -> None:
    import socket

    from invoiceme_common.service import create_service_app
    from invoiceme_common.settings import CommonSettings

    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        settings = CommonSettings(
            nats_url=nats_url,
            database_url=database_url,
            invoiceme_namespace=f"health{uuid.uuid4().hex[:8]}",
            metrics_port=taken.getsockname()[1],
            reconcile_every_seconds=0,
        )
        _, runtime = create_service_app("t", settings, lambda runtime: None)
        await runtime.start()
        try:
            assert await runtime.pool.fetchval("SELECT 1") == 1  # started and working
            assert (await runtime.health())["checks"]["postgres"] == "ok"
        finally:
            await runtime.stop()
