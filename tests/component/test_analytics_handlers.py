"""The analytics handlers behind FastStream's in-memory broker (no NATS server), over the real
projection tables: a saved invoice is counted once (a redelivery changes nothing), a deletion
removes it, and a refresh command produces insights."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import asyncpg
from faststream.nats import NatsBroker, NatsMessage, TestNatsBroker

from invoiceme_analytics import handlers
from invoiceme_analytics.context import AnalyticsContext
from invoiceme_analytics.settings import AnalyticsSettings
from invoiceme_common.analytics_read import read_model
from invoiceme_common.analytics_read.insights import current_insights
from invoiceme_common.events import InsightsRefreshRequested, InvoiceDeleted, InvoiceSaved
from invoiceme_common.topology import Topology
from tests.integration.analytics.support import create_tenant

TOPOLOGY = Topology("component")


def saved(tenant_id: uuid.UUID, invoice_id: uuid.UUID, total: float = 118.0) -> InvoiceSaved:
    fields = {
        "document_type": "tax_invoice",
        "vendor_name": "Acme",
        "invoice_date": "2026-03-01",
        "currency": "ILS",
        "subtotal": 100,
        "vat_amount": 18,
        "total": total,
        "invoice_number": "7",
    }
    return InvoiceSaved(
        tenant_id=tenant_id, invoice_id=invoice_id, extraction_version=1, status="extracted", fields=fields
    )


def analytics_broker(ctx: AnalyticsContext) -> NatsBroker:
    """The analytics subscriptions of app.py, on plain subjects (delivery is tested elsewhere)."""
    broker = NatsBroker()

    @broker.subscriber(TOPOLOGY.invoice_saved)
    async def on_saved(event: InvoiceSaved, msg: NatsMessage) -> None:
        await handlers.on_invoice_saved(event, ctx)

    @broker.subscriber(TOPOLOGY.invoice_deleted)
    async def on_deleted(event: InvoiceDeleted, msg: NatsMessage) -> None:
        await handlers.on_invoice_deleted(event, ctx)

    @broker.subscriber(TOPOLOGY.insights_refresh_requested)
    async def on_refresh(event: InsightsRefreshRequested, msg: NatsMessage) -> None:
        await handlers.on_insights_refresh_requested(event, ctx)

    return broker


class TestAnalyticsOverTheBroker:
    async def test_saved_counted_once_then_deleted_and_insights_on_request(
        self, database_url: str, db: asyncpg.Pool
    ) -> None:
        settings = AnalyticsSettings(database_url=database_url, insights_change_threshold=1_000)
        ctx = AnalyticsContext(settings, lambda: db)
        await ctx.start()
        tenant, invoice = await create_tenant(db), uuid.uuid4()
        event = saved(tenant, invoice, total=130.0)  # 100 + 18 != 130: a VAT mismatch finding
        try:
            async with TestNatsBroker(analytics_broker(ctx)) as broker:
                for _ in range(2):  # the same event twice: applied once
                    await broker.publish(event.model_dump(mode="json"), TOPOLOGY.invoice_saved)
                facts = await read_model.load_facts(db, tenant)
                assert [(f.invoice_id, f.total) for f in facts] == [(invoice, Decimal("130.00"))]
                by_currency = [
                    r for r in await read_model.aggregates(db, tenant) if r["dimension"] == "currency"
                ]
                assert [(r["invoice_count"], r["total_sum"]) for r in by_currency] == [(1, Decimal("130.00"))]
                request = InsightsRefreshRequested(tenant_id=tenant, as_of=date(2026, 3, 20))
                await broker.publish(request.model_dump(mode="json"), TOPOLOGY.insights_refresh_requested)
                assert [row["kind"] for row in await current_insights(db, tenant)] == ["vat_mismatch"]
                deleted = InvoiceDeleted(tenant_id=tenant, invoice_id=invoice, extraction_version=2)
                await broker.publish(deleted.model_dump(mode="json"), TOPOLOGY.invoice_deleted)
                assert await read_model.load_facts(db, tenant) == []
        finally:
            await ctx.stop()

    async def test_an_invoice_after_a_base_currency_change_is_priced_in_the_new_one(
        self, database_url: str, db: asyncpg.Pool
    ) -> None:
        """The handler remembers each tenant's base currency; a change it has not heard of yet is
        caught by the projection's locked check and priced again."""
        settings = AnalyticsSettings(database_url=database_url, insights_change_threshold=1_000)
        ctx = AnalyticsContext(settings, lambda: db)
        await ctx.start()
        tenant, first, second = await create_tenant(db), uuid.uuid4(), uuid.uuid4()
        try:
            await handlers.on_invoice_saved(saved(tenant, first), ctx)
            await db.execute("UPDATE tenants SET base_currency = 'USD' WHERE id = $1", tenant)
            await handlers.on_invoice_saved(saved(tenant, second), ctx)
            bases = dict(
                await db.fetch(
                    "SELECT invoice_id, base_currency FROM analytics_invoice_facts WHERE tenant_id = $1",
                    tenant,
                )
            )
            assert bases == {first: "ILS", second: "USD"}
        finally:
            await ctx.stop()
