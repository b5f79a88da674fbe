"""Outbox relay throughput: how many events per second reach JetStream (acknowledged, Nats-Msg-Id =
outbox id) with 1, 2 and 4 relays sharing one outbox (FOR UPDATE SKIP LOCKED), as when several service
processes run.

    .venv/bin/python -m bench.outbox.run [--events 3000]

Uses NATS_URL / DATABASE_URL (defaults: the local ones) in a fresh database and namespace; prints a
Markdown table for docs/SCALING.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import nats

from invoiceme_common import outbox
from invoiceme_common.db import create_pool, migrate
from invoiceme_common.events import InvoiceUploaded
from invoiceme_common.topology import Topology, ensure_stream


def sample_upload(tenant_id: uuid.UUID, index: int) -> InvoiceUploaded:
    """An upload event of a made-up file (also used by the relay's tests)."""
    return InvoiceUploaded(
        tenant_id=tenant_id,
        invoice_id=uuid.uuid4(),
        storage_key=f"originals/{tenant_id}/{index}",
        filename=f"{index}.pdf",
        size_bytes=1000,
        sha256=uuid.uuid4().hex,
        run=1,
    )


async def _fill(pool: asyncpg.Pool, topology: Topology, events: int) -> None:
    tenant_id = uuid.uuid4()
    async with pool.acquire() as conn, conn.transaction():
        for i in range(events):
            await outbox.add(conn, sample_upload(tenant_id, i), topology.invoice_uploaded, topology.stream)


async def _drain(pool: asyncpg.Pool, js: nats.js.JetStreamContext, topology: Topology, relays: int) -> None:
    async def relay() -> None:
        while await outbox.publish_pending(pool, js, topology.stream, batch=100):
            pass

    await asyncio.gather(*(relay() for _ in range(relays)))


async def measure(database_url: str, nats_url: str, events: int) -> list[tuple[int, float]]:
    await migrate(database_url)
    pool = await create_pool(database_url, 1, 8)
    connection = await nats.connect(nats_url)
    results = []
    try:
        for relays in (1, 2, 4):
            topology = Topology(f"bench{uuid.uuid4().hex[:8]}")
            js = connection.jetstream()
            await ensure_stream(js, topology)
            await _fill(pool, topology, events)
            started = time.perf_counter()
            await _drain(pool, js, topology, relays)
            seconds = time.perf_counter() - started
            stored = (await js.stream_info(topology.stream)).state.messages
            assert stored == events, f"{stored} of {events} events in the stream"
            results.append((relays, events / seconds))
            await js.delete_stream(topology.stream)
    finally:
        await connection.close()
        await pool.close()
    return results


async def _drop(base_url: str, database_url: str) -> None:
    admin = await asyncpg.connect(urlunsplit(urlsplit(base_url)._replace(path="/postgres")))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{urlsplit(database_url).path[1:]}" WITH (FORCE)')
    finally:
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=3000)
    args = parser.parse_args()
    base = os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/invoiceme")
    database_url = urlunsplit(urlsplit(base)._replace(path=f"/invoiceme_bench_{uuid.uuid4().hex[:8]}"))
    nats_url = os.environ.get("NATS_URL", "nats://127.0.0.1:4222")
    try:
        results = asyncio.run(measure(database_url, nats_url, args.events))
    finally:
        asyncio.run(_drop(base, database_url))
    print(f"load: {os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} cores")
    print("| relays | events/s |\n|---|---|")
    for relays, rate in results:
        print(f"| {relays} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
