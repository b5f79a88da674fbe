"""`invoiceme demo-data`: realistic Hebrew/English PDFs, uploaded through the real gateway."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

from invoiceme_cli.demo_cmd import seed_demo
from invoiceme_cli.demo_documents import plan_invoices, render_pdf
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.pdf import read_pdf_page
from tests.support.gateway import gateway_client, gateway_settings


class TestDemoDocuments:
    """A year of bills from several vendors, readable by the OCR service's text-layer reader."""

    def test_plan_spreads_over_twelve_months(self):
        invoices = plan_invoices(date(2026, 11, 20), 12, random.Random(1))
        months = {invoice.day.strftime("%Y-%m") for invoice in invoices}
        assert len(months) >= 12 and len({invoice.vendor.name for invoice in invoices}) >= 8
        assert {"ILS", "USD", "EUR"} <= {invoice.vendor.currency for invoice in invoices}
        assert any(invoice.allocation_number for invoice in invoices)

    def test_hebrew_pdf_reads_back_in_logical_order(self):
        invoices = plan_invoices(date(2026, 11, 20), 12, random.Random(1))
        hebrew = next(invoice for invoice in invoices if invoice.vendor.language == "he")
        page = read_pdf_page(render_pdf(hebrew), 0, OcrOptions())
        assert page.method == "text_layer"
        assert hebrew.vendor.name in page.text and f"חשבונית מס מספר {hebrew.number}" in page.text
        assert f'סה"כ לתשלום {hebrew.total:,.2f}' in page.text


class TestSeedThroughGateway:
    """Signs the demo user up, creates businesses with budgets, uploads; a second run adds nothing."""

    async def test_seed_is_idempotent(self, database_url, nats_url, namespace, db):
        async with gateway_client(gateway_settings(database_url, nats_url, namespace)) as client:
            steps: list[tuple[int, int]] = []
            email = f"demo-{namespace}@example.com"
            first = await seed_demo(client, email, "demo-password-1", 2, 5, lambda d, t: steps.append((d, t)))
            assert first.uploaded > 5 and first.businesses_created == 9 and steps[-1][0] == steps[-1][1]
            again = await seed_demo(client, email, "demo-password-1", 2, 5)
            assert (
                again.uploaded == 0 and again.duplicates == first.uploaded and again.businesses_created == 0
            )
        tenant = await db.fetchval("SELECT tenant_id FROM users WHERE email = $1", email)
        statuses = Counter(
            r["status"] for r in await db.fetch("SELECT status FROM invoices WHERE tenant_id = $1", tenant)
        )
        assert sum(statuses.values()) == first.uploaded
        limits = await db.fetch("SELECT monthly_limit FROM businesses WHERE tenant_id = $1", tenant)
        assert sum(1 for r in limits if r["monthly_limit"] is not None) == 4
