"""Insights are generated when data changes enough (threshold), by the periodic sweep below it, or
on request (a command event), and disappear when no longer true."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from decimal import Decimal

from invoiceme_analytics.insights.narrative import TemplateNarrator
from invoiceme_analytics.insights.service import generate
from invoiceme_common.analytics_read.insights import current_insights
from invoiceme_common.events import InsightsRefreshRequested, InvoiceDeleted, InvoiceSaved

from .support import create_business, create_tenant, running_analytics, wait_drained


def vat_mismatch(tenant_id, invoice_id=None, version=1, total=130.0, business_id=None) -> InvoiceSaved:
    fields = {
        "document_type": "tax_invoice",
        "vendor_name": "X",
        "invoice_date": "2026-03-01",
        "currency": "ILS",
        "subtotal": 100,
        "vat_amount": 18,
        "total": total,
        "invoice_number": uuid.uuid4().hex[:8],
    }
    return InvoiceSaved(
        tenant_id=tenant_id,
        invoice_id=invoice_id or uuid.uuid4(),
        extraction_version=version,
        status="extracted",
        business_id=business_id,
        total=total,
        fields=fields,
    )


async def kinds(db, tenant_id) -> list[str]:
    return sorted(r["kind"] for r in await current_insights(db, tenant_id))


class TestGeneration:
    async def test_threshold_then_sweep(self, database_url, nats_url, namespace, db):
        tenant = await create_tenant(db)
        async with running_analytics(
            database_url, nats_url, namespace, insights_change_threshold=2, insights_sweep_seconds=0.3
        ) as (_ctx, publisher):
            subject = publisher.topology.invoice_saved
            await publisher.publish(vat_mismatch(tenant), subject)
            await wait_drained(nats_url, namespace)
            assert await kinds(db, tenant) == []  # one change: below the threshold
            await publisher.publish(vat_mismatch(tenant), subject)
            await wait_drained(nats_url, namespace)
            assert await kinds(db, tenant) == ["vat_mismatch", "vat_mismatch"]
            await publisher.publish(vat_mismatch(tenant), subject)  # below the threshold again
            for _ in range(50):
                if len(await kinds(db, tenant)) == 3:
                    break
                await asyncio.sleep(0.1)
            assert await kinds(db, tenant) == ["vat_mismatch"] * 3  # the sweep caught up

    async def test_resolved_findings_go(self, database_url, nats_url, namespace, db):
        tenant = await create_tenant(db)
        business = await create_business(db, tenant, "Biz", Decimal("50"))
        invoice_id = uuid.uuid4()
        async with running_analytics(
            database_url, nats_url, namespace, insights_change_threshold=1_000, insights_sweep_seconds=0
        ) as (_ctx, publisher):
            await publisher.publish(
                vat_mismatch(tenant, invoice_id, business_id=business), publisher.topology.invoice_saved
            )
            await wait_drained(nats_url, namespace)
            narrator = TemplateNarrator()
            await generate(db, narrator, tenant, date(2026, 3, 20))
            assert await kinds(db, tenant) == ["budget_overrun", "vat_mismatch"]
            await publisher.publish(
                vat_mismatch(tenant, invoice_id, version=2, total=118.0, business_id=business),
                publisher.topology.invoice_saved,
            )  # the edit fixes the VAT
            await wait_drained(nats_url, namespace)
            await generate(db, narrator, tenant, date(2026, 3, 20))
            assert await kinds(db, tenant) == ["budget_overrun"]
            await publisher.publish(
                InvoiceDeleted(tenant_id=tenant, invoice_id=invoice_id, extraction_version=3),
                publisher.topology.invoice_deleted,
            )
            await wait_drained(nats_url, namespace)
            await generate(db, narrator, tenant, date(2026, 3, 20))
            assert await kinds(db, tenant) == []

    async def test_a_refresh_request_regenerates_in_the_asked_language(
        self, database_url, nats_url, namespace, db
    ):
        tenant = await create_tenant(db)
        async with running_analytics(
            database_url, nats_url, namespace, insights_change_threshold=1_000, insights_sweep_seconds=0
        ) as (_ctx, publisher):
            await publisher.publish(vat_mismatch(tenant), publisher.topology.invoice_saved)
            await wait_drained(nats_url, namespace)
            assert await kinds(db, tenant) == []  # below the threshold: nothing yet
            request = InsightsRefreshRequested(tenant_id=tenant, as_of=date(2026, 3, 20), language="he")
            await publisher.publish(request, publisher.topology.insights_refresh_requested)
            await wait_drained(nats_url, namespace)
            rows = await current_insights(db, tenant)
            assert [row["kind"] for row in rows] == ["vat_mismatch"]
            assert any("\u0590" <= ch <= "\u05ff" for ch in rows[0]["narrative"])
