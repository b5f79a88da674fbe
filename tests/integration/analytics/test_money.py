"""Rates providers against a local server in their formats, the Postgres cache, the bundled fallback,
explicit warnings for missing/stale rates, and base-currency changes re-pricing every figure."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import httpx

from invoiceme_analytics.rates import RateService, online_providers
from invoiceme_common.analytics_read import read_model
from invoiceme_common.events import InvoiceSaved, TenantSettingsChanged
from invoiceme_common.money import load_bundled_rates

from .fake_servers import fake_server
from .support import create_tenant, running_analytics, wait_drained


class TestProviders:
    """Bank of Israel for ILS pairs, Frankfurter for the rest, cached; bundled file when offline."""

    async def test_online_then_cached_then_bundled(self, db):
        with fake_server() as fake:
            async with httpx.AsyncClient() as client:
                service = RateService(
                    db,
                    online_providers(client, f"{fake.url}/boi", f"{fake.url}/frankfurter"),
                    load_bundled_rates(),
                )
                usd_ils = await service.rate("USD", "ILS", date(2024, 3, 10))
                assert (usd_ils.value, usd_ils.rate_date, usd_ils.source) == (
                    Decimal("3.6120"),
                    date(2024, 3, 8),
                    "bank-of-israel",
                )
                ils_usd = await service.rate("ILS", "USD", date(2024, 3, 10))
                assert ils_usd.value == (Decimal(1) / Decimal("3.6120")).quantize(Decimal("0.00000001"))
                usd_eur = await service.rate("USD", "EUR", date(2024, 3, 11))
                assert (usd_eur.value, usd_eur.source) == (Decimal("0.9234"), "frankfurter-ecb")
                asked = len(fake.requests)
                again = await service.rate("USD", "EUR", date(2024, 3, 11))
                assert again.value == Decimal("0.9234") and len(fake.requests) == asked  # from Postgres
                fake.fail = True
                offline = await service.rate("GBP", "ILS", date(2024, 3, 11))
                assert offline.source == "ecb-bundled" and offline.rate_date == date(2024, 3, 11)
        boi_request = next(query for path, query in fake.requests if path.startswith("/boi"))
        assert boi_request["endperiod"] == "2024-03-10" and boi_request["format"] == "csv"
        assert ("/frankfurter/2024-03-11", {"base": "USD", "symbols": "EUR"}) in fake.requests


def saved(tenant_id, day, currency, total, version=1, invoice_id=None):
    fields = {
        "invoice_date": day,
        "currency": currency,
        "total": total,
        "vendor_name": "V",
        "document_type": "receipt",
    }
    return InvoiceSaved(
        tenant_id=tenant_id,
        extraction_version=version,
        status="extracted",
        invoice_date=day,
        currency=currency,
        total=total,
        fields=fields,
        invoice_id=invoice_id or uuid.uuid4(),
    )


class TestConversionInThePipeline:
    """Each invoice is converted at its own date's rate, records which rate, and warns when it can't."""

    async def test_rate_of_the_invoice_date_and_warnings(self, database_url, nats_url, namespace, db):
        tenant = await create_tenant(db)
        async with running_analytics(database_url, nats_url, namespace) as (_ctx, publisher):
            topology = publisher.topology
            for event in (
                saved(tenant, "2024-03-08", "USD", 100.0),
                saved(tenant, "2026-11-20", "USD", 10.0),
                saved(tenant, "2024-03-08", "JPY", 1000.0),
            ):
                await publisher.publish(event, topology.invoice_saved)
            await wait_drained(nats_url, namespace)
        rows = {(r.invoice_date.isoformat(), r.currency): r for r in await read_model.load_facts(db, tenant)}
        bundled = load_bundled_rates().rate("USD", "ILS", date(2024, 3, 8))
        march = rows[("2024-03-08", "USD")]
        assert march.base_total == (Decimal("100") * bundled.value).quantize(Decimal("0.01"))
        assert march.fx_warning is None
        recorded = await db.fetchrow(
            "SELECT fx_rate, fx_rate_date, fx_source FROM analytics_invoice_facts WHERE invoice_id = $1",
            march.invoice_id,
        )
        assert (recorded["fx_rate"], recorded["fx_rate_date"], recorded["fx_source"]) == (
            bundled.value,
            date(2024, 3, 8),
            "ecb-bundled",
        )
        stale = rows[("2026-11-20", "USD")]
        assert stale.base_total is not None and "2026-10-30" in stale.fx_warning
        missing = rows[("2024-03-08", "JPY")]
        assert missing.base_total is None and "no JPY->ILS exchange rate" in missing.fx_warning

    async def test_base_currency_change_reprices_everything(self, database_url, nats_url, namespace, db):
        tenant = await create_tenant(db)
        async with running_analytics(database_url, nats_url, namespace) as (_ctx, publisher):
            topology = publisher.topology
            await publisher.publish(saved(tenant, "2025-06-10", "ILS", 360.0), topology.invoice_saved)
            await wait_drained(nats_url, namespace)
            await db.execute("UPDATE tenants SET base_currency = 'USD' WHERE id = $1", tenant)
            await publisher.publish(
                TenantSettingsChanged(tenant_id=tenant, base_currency="USD", previous_base_currency="ILS"),
                topology.tenant_settings_changed,
            )
            await wait_drained(nats_url, namespace)
        (row,) = await read_model.load_facts(db, tenant)
        rate = load_bundled_rates().rate("ILS", "USD", date(2025, 6, 10))
        assert row.base_total == (Decimal("360") * rate.value).quantize(Decimal("0.01"))
        assert (
            await db.fetchval(
                "SELECT base_currency FROM analytics_invoice_facts WHERE tenant_id = $1", tenant
            )
            == "USD"
        )
