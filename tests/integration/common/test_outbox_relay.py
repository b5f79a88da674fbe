"""The outbox relay publishes every committed event promptly on NOTIFY alone (the poll is far away
here), however the events arrive: one per transaction back to back, or more than one batch at once."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import nats
import pytest

from bench.outbox.run import sample_upload
from invoiceme_common import outbox
from invoiceme_common.db import create_pool
from invoiceme_common.topology import Topology, ensure_stream


@pytest.fixture
async def relay_setup(database_url, nats_url, namespace):
    topology = Topology(namespace)
    connection = await nats.connect(nats_url)
    js = connection.jetstream()
    await ensure_stream(js, topology)
    pool = await create_pool(database_url, 1, 4)
    relay = outbox.OutboxRelay(pool, js, topology.stream, database_url, poll_seconds=60.0, batch=2)
    relay.start()
    await asyncio.sleep(0.5)  # its LISTEN connection is up
    try:
        yield pool, js, topology
    finally:
        await relay.stop()
        await pool.close()
        await js.delete_stream(topology.stream)
        await connection.close()


async def _stored(js, topology: Topology, expected: int) -> int:
    for _ in range(100):
        stored = (await js.stream_info(topology.stream)).state.messages
        if stored >= expected:
            return stored
        await asyncio.sleep(0.05)
    return stored


class TestRelay:
    """No event waits for the poll (60 s here): each commit's NOTIFY is enough."""

    async def test_events_committed_back_to_back_are_all_published(self, relay_setup):
        pool, js, topology = relay_setup
        tenant_id = uuid.uuid4()
        for i in range(7):
            async with pool.acquire() as conn, conn.transaction():
                await outbox.add(
                    conn, sample_upload(tenant_id, i), topology.invoice_uploaded, topology.stream
                )
        assert await _stored(js, topology, 7) == 7

    async def test_more_than_a_batch_in_one_transaction_is_all_published(self, relay_setup):
        pool, js, topology = relay_setup
        tenant_id = uuid.uuid4()
        async with pool.acquire() as conn, conn.transaction():
            for i in range(5):  # the relay takes 2 at a time
                await outbox.add(
                    conn, sample_upload(tenant_id, i), topology.invoice_uploaded, topology.stream
                )
        assert await _stored(js, topology, 5) == 5

    async def test_another_processs_event_is_published_after_a_short_wait(self, relay_setup, database_url):
        """Written by a connection this process never wrote outbox rows through (as another service
        would): its relay, not running here, would have published it; ours does, after a moment."""
        _, js, topology = relay_setup
        event = sample_upload(uuid.uuid4(), 0)
        other_process = await asyncpg.connect(database_url)
        try:
            await other_process.execute(
                """INSERT INTO outbox (id, stream, subject, payload, headers, tenant_id, invoice_id)
                   VALUES ($1, $2, $3, $4, '{}'::jsonb, $5, $6)""",
                event.event_id,
                topology.stream,
                topology.invoice_uploaded,
                event.model_dump_json(),
                event.tenant_id,
                event.invoice_id,
            )
        finally:
            await other_process.close()
        assert await _stored(js, topology, 1) == 1
