"""Changing the base currency through PATCH /api/me re-prices every analytics figure (gateway ->
TenantSettingsChanged on NATS -> analytics service), each invoice at its own date's rate."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from invoiceme_common.money import convert, load_bundled_rates, money
from tests.integration.analytics.support import running_analytics, tenant_of, upload_and_save, wait_drained
from tests.support.gateway import gateway_client, gateway_settings, signup


def fields(day: str, total: float, currency: str) -> dict:
    return {
        "document_type": "receipt",
        "vendor_name": "Vendor",
        "invoice_date": day,
        "currency": currency,
        "total": total,
    }


class TestBaseCurrency:
    """Figures follow the tenant's base currency; the rate used is the invoice date's."""

    async def test_patch_me_reprices(self, database_url, nats_url, namespace, db):
        rates = load_bundled_rates()
        async with (
            gateway_client(gateway_settings(database_url, nats_url, namespace)) as client,
            running_analytics(database_url, nats_url, namespace) as (_ctx, publisher),
        ):
            alice = await signup(client)
            await tenant_of(db, alice, client)
            await upload_and_save(client, alice, db, publisher, fields("2025-03-10", 1000.0, "ILS"))
            await upload_and_save(client, alice, db, publisher, fields("2025-03-20", 50.0, "EUR"))
            await wait_drained(nats_url, namespace)
            before = (
                await client.get("/api/analytics/overall", params={"month": "2025-03"}, headers=alice)
            ).json()
            eur_ils = rates.rate("EUR", "ILS", date(2025, 3, 20))
            assert Decimal(str(before["spend_this_month"])) == Decimal("1000") + convert(money(50), eur_ils)

            patched = await client.patch("/api/me", json={"base_currency": "USD"}, headers=alice)
            assert patched.status_code == 200, patched.text
            await wait_drained(nats_url, namespace)
            after = (
                await client.get("/api/analytics/overall", params={"month": "2025-03"}, headers=alice)
            ).json()
        expected = convert(money(1000), rates.rate("ILS", "USD", date(2025, 3, 10))) + convert(
            money(50), rates.rate("EUR", "USD", date(2025, 3, 20))
        )
        assert after["base_currency"] == "USD"
        assert Decimal(str(after["spend_this_month"])) == expected
        assert {c["currency"]: c["base_total"] for c in after["by_currency"]}["ILS"] == float(
            convert(money(1000), rates.rate("ILS", "USD", date(2025, 3, 10)))
        )
