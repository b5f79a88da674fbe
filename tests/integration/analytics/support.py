"""Helpers for analytics tests: tenants, businesses and invoices written straight to Postgres, events
published to real NATS, and the analytics service run in-process until its consumers are drained."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal
from typing import Any

import asyncpg
import nats
from faststream import TestApp
from faststream.nats import NatsBroker

from invoiceme_analytics.app import build_app
from invoiceme_analytics.context import AnalyticsContext
from invoiceme_analytics.settings import AnalyticsSettings
from invoiceme_common.bus import HEADER_INVOICE, HEADER_TENANT, make_broker, publish_event
from invoiceme_common.events import Event
from invoiceme_common.topology import Topology


async def create_tenant(pool: asyncpg.Pool, base_currency: str = "ILS") -> uuid.UUID:
    tenant_id = uuid.uuid4()
    await pool.execute(
        "INSERT INTO tenants (id, name, base_currency) VALUES ($1, $2, $3)",
        tenant_id,
        f"t-{tenant_id.hex[:6]}",
        base_currency,
    )
    return tenant_id


async def create_business(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, name: str, monthly_limit: Decimal | None = None
) -> uuid.UUID:
    business_id = uuid.uuid4()
    has_name_key = await pool.fetchval(
        "SELECT 1 FROM information_schema.columns"
        " WHERE table_name = 'businesses' AND column_name = 'name_key'"
    )
    if has_name_key:
        await pool.execute(
            "INSERT INTO businesses (id, tenant_id, name, name_key, monthly_limit)"
            " VALUES ($1, $2, $3, $4, $5)",
            business_id,
            tenant_id,
            name,
            name.casefold(),
            monthly_limit,
        )
    else:
        await pool.execute(
            "INSERT INTO businesses (id, tenant_id, name, monthly_limit) VALUES ($1, $2, $3, $4)",
            business_id,
            tenant_id,
            name,
            monthly_limit,
        )
    return business_id


async def insert_invoice(
    pool: asyncpg.Pool,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    fields: dict[str, Any],
    business_id: uuid.UUID | None,
    version: int,
    status: str = "extracted",
) -> None:
    await pool.execute(
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key, fields,
                                 extraction_version, business_id)
           VALUES ($1, $2, $3, 'x.pdf', 1, $4, $5, $6, $7, $8)""",
        invoice_id,
        tenant_id,
        status,
        hashlib.sha256(invoice_id.bytes).hexdigest(),
        f"originals/{tenant_id}/{invoice_id}",
        fields,
        version,
        business_id,
    )


class Publisher:
    """Publishes events like the services do; `redeliver` sends one again *without* a dedup id, as a
    redelivery after the duplicate window would arrive."""

    def __init__(self, broker: NatsBroker, topology: Topology) -> None:
        self.broker, self.topology = broker, topology

    async def publish(self, event: Event, subject: str) -> None:
        await publish_event(self.broker, event, subject, self.topology.stream, None)

    async def redeliver(self, event: Event, subject: str) -> None:
        headers = {HEADER_TENANT: str(event.tenant_id), HEADER_INVOICE: str(event.invoice_id)}
        await self.broker.publish(event, subject, stream=self.topology.stream, headers=headers)


@asynccontextmanager
async def running_analytics(
    database_url: str, nats_url: str, namespace: str, **overrides: Any
) -> AsyncIterator[tuple[AnalyticsContext, Publisher]]:
    settings = AnalyticsSettings(
        database_url=database_url,
        nats_url=nats_url,
        invoiceme_namespace=namespace,
        environment="test",
        log_format="console",
        **overrides,
    )
    app, ctx = build_app(settings)
    broker = make_broker(nats_url, "test-publisher")
    async with TestApp(app):
        await broker.start()
        try:
            yield ctx, Publisher(broker, Topology(namespace))
        finally:
            await broker.stop()


async def wait_drained(nats_url: str, namespace: str, within_seconds: float = 30.0) -> None:
    """Until every analytics consumer has nothing pending or unacknowledged."""
    topology = Topology(namespace)
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        durables = [
            f"{namespace}-analytics",
            f"{namespace}-analytics-deleted",
            f"{namespace}-analytics-settings",
            f"{namespace}-analytics-insights",
        ]
        deadline = asyncio.get_running_loop().time() + within_seconds
        while True:
            infos = [await js.consumer_info(topology.stream, durable) for durable in durables]
            if all(info.num_pending == 0 and info.num_ack_pending == 0 for info in infos):
                return
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"analytics consumers not drained: {infos}")
            await asyncio.sleep(0.1)
    finally:
        await nc.close()


async def tenant_of(pool: asyncpg.Pool, headers: dict[str, str], client: Any) -> uuid.UUID:
    """The tenant behind a signed-up user's token (via /api/me when present, else the users table)."""
    me = await client.get("/api/me", headers=headers)
    if me.status_code == 200 and "tenant_id" in me.json():
        return uuid.UUID(me.json()["tenant_id"])
    email = me.json().get("email") if me.status_code == 200 else None
    return await pool.fetchval("SELECT tenant_id FROM users WHERE email = $1", email)


async def upload_and_save(
    client: Any,
    headers: dict[str, str],
    pool: asyncpg.Pool,
    publisher: Publisher,
    fields: dict[str, Any],
    business_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Upload a small PDF through the gateway (so the original is stored), then save fields the way the
    extractor does (row + InvoiceSaved on NATS)."""
    from invoiceme_common.events import InvoiceSaved

    pdf = b"%PDF-1.4\n% " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
    response = await client.post(
        "/api/invoices", headers=headers, files={"file": ("a.pdf", pdf, "application/pdf")}
    )
    assert response.status_code == 202, response.text
    invoice_id = uuid.UUID(response.json()["id"])
    # Through ocr_done, as the pipeline goes: the state machine (migration 0040) refuses a skipped step.
    await pool.execute("UPDATE invoices SET status = 'ocr_done' WHERE id = $1", invoice_id)
    row = await pool.fetchrow(
        "UPDATE invoices SET fields = $2, business_id = $3, status = 'extracted', extraction_version = 1"
        " WHERE id = $1 RETURNING tenant_id",
        invoice_id,
        fields,
        business_id,
    )
    await publisher.publish(
        InvoiceSaved(
            tenant_id=row["tenant_id"],
            invoice_id=invoice_id,
            extraction_version=1,
            status="extracted",
            business_id=business_id,
            vendor_name=fields.get("vendor_name"),
            invoice_date=fields.get("invoice_date"),
            currency=fields.get("currency"),
            total=fields.get("total"),
            fields=fields,
        ),
        publisher.topology.invoice_saved,
    )
    return invoice_id
