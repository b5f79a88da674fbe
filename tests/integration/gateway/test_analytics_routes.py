"""Analytics, insights and export routes over data that went through the gateway, NATS and the real
analytics service (fields saved the way the extractor saves them)."""

from __future__ import annotations

import asyncio
import csv
import io
import uuid
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest

from invoiceme_common.money import convert, load_bundled_rates, money
from tests.integration.analytics.support import (
    create_business,
    running_analytics,
    tenant_of,
    upload_and_save,
    wait_drained,
)
from tests.support.gateway import gateway_client, gateway_settings, signup

USD_ON_OCT_5 = load_bundled_rates().rate("USD", "ILS", date(2026, 10, 5))


def invoice(day: str, total: str, currency: str = "ILS", **extra) -> dict:
    fields = {
        "document_type": "tax_invoice",
        "vendor_name": "בזק",
        "invoice_number": uuid.uuid4().hex[:6],
        "invoice_date": day,
        "currency": currency,
        "total": float(total),
    }
    fields.update(extra)
    return fields


@pytest.fixture
async def world(database_url, nats_url, namespace, db):
    """Alice with two businesses and invoices in Sep/Oct 2026; Bob with nothing."""
    async with (
        gateway_client(gateway_settings(database_url, nats_url, namespace)) as client,
        running_analytics(database_url, nats_url, namespace, insights_change_threshold=1) as (
            _ctx,
            publisher,
        ),
    ):
        alice, bob = await signup(client), await signup(client)
        tenant = await tenant_of(db, alice, client)
        bezeq = await create_business(db, tenant, "בזק", Decimal("1000"))
        aws = await create_business(db, tenant, "AWS", None)
        ids = {
            "sep": await upload_and_save(client, alice, db, publisher, invoice("2026-09-10", "400"), bezeq),
            "oct1": await upload_and_save(client, alice, db, publisher, invoice("2026-10-03", "700"), bezeq),
            "oct2": await upload_and_save(client, alice, db, publisher, invoice("2026-10-04", "500"), bezeq),
            "usd": await upload_and_save(
                client,
                alice,
                db,
                publisher,
                invoice("2026-10-05", "100", "USD", vendor_name="AWS", document_type="receipt"),
                aws,
            ),
            "big": await upload_and_save(
                client,
                alice,
                db,
                publisher,
                invoice("2026-10-06", "35400", subtotal=30000, vat_amount=5400, vendor_name="ספק גדול"),
                None,
            ),
            "vat": await upload_and_save(
                client,
                alice,
                db,
                publisher,
                invoice(
                    "2026-10-07",
                    "118",
                    subtotal=100,
                    vat_amount=18,
                    allocation_number=None,
                    vendor_name="ספק קטן",
                ),
                None,
            ),
        }
        await wait_drained(nats_url, namespace)
        yield client, alice, bob, {"bezeq": bezeq, "aws": aws, **ids}


class TestAnalyticsRoutes:
    """Overall and per-business figures equal the invoices, in the base currency, tenant-scoped."""

    async def test_overall(self, world):
        client, alice, _bob, _ = world
        body = (await client.get("/api/analytics/overall", params={"month": "2026-10"}, headers=alice)).json()
        usd_in_ils = convert(money(100), USD_ON_OCT_5)
        expected = Decimal("700") + Decimal("500") + usd_in_ils + Decimal("35400") + Decimal("118")
        assert Decimal(str(body["spend_this_month"])) == expected
        assert body["spend_last_month"] == 400
        assert body["count_this_month"] == 5 and body["invoice_count"] == 6
        assert body["unassigned_count"] == 2
        assert body["total_budgets"] == 1000 and body["budget_remaining"] == 1000 - 1200
        assert body["top_businesses"][0]["name"] == "בזק"
        assert {c["currency"] for c in body["by_currency"]} == {"ILS", "USD"}
        assert len(body["series"]) == 12 and body["series"][-1]["month"] == "2026-10"
        # 18 % VAT of the 700 and 500 tax invoices is unknown (no vat_amount); the big one lacks an
        # allocation number (required above 5,000 ILS from 2026-06); only the 118 one is deductible.
        assert body["reclaimable_vat_this_month"] == 18

    async def test_business(self, world):
        client, alice, bob, ids = world
        response = await client.get(
            f"/api/analytics/businesses/{ids['bezeq']}", params={"month": "2026-10"}, headers=alice
        )
        body = response.json()
        assert body["spend_this_month"] == 1200 and body["monthly_limit"] == 1000
        assert body["utilization_percent"] == 120.0
        assert body["monthly_average"] == 800 and body["average_months"] == 2
        assert body["year_to_date"] == 1600
        assert body["available_periods"] == ["2026-10", "2026-09"]
        assert (await client.get(f"/api/analytics/businesses/{ids['bezeq']}", headers=bob)).status_code == 404
        assert (await client.get("/api/analytics/overall", headers=bob)).json()["invoice_count"] == 0

    async def test_invoice_money_says_which_rate(self, world):
        client, alice, bob, ids = world
        body = (await client.get(f"/api/analytics/invoices/{ids['usd']}", headers=alice)).json()
        assert (body["currency"], body["total"], body["base_currency"]) == ("USD", 100, "ILS")
        assert body["fx_rate"] == float(USD_ON_OCT_5.value) and body["fx_source"] == "ecb-bundled"
        assert body["fx_rate_date"] == USD_ON_OCT_5.rate_date.isoformat()
        assert body["vat_reclaim_reason"].startswith("a receipt does not allow")
        assert (await client.get(f"/api/analytics/invoices/{ids['usd']}", headers=bob)).status_code == 404

    async def test_summary_still_works(self, world):
        client, alice, _bob, _ = world
        body = (await client.get("/api/analytics/summary", headers=alice)).json()
        assert {row["key"] for row in body["by_month"]} == {"2026-09", "2026-10"}
        vendors = body["by_vendor"]
        assert body["vendor_rows_total"] == len(vendors) >= 2
        # The vendors with the most invoices first; `vendors` keeps the top of that order.
        counts = [row["count"] for row in vendors]
        assert counts == sorted(counts, reverse=True)
        top = (await client.get("/api/analytics/summary", headers=alice, params={"vendors": 1})).json()
        assert (top["by_vendor"], top["vendor_rows_total"]) == (vendors[:1], len(vendors))
        assert top["by_month"] == body["by_month"] and top["by_currency"] == body["by_currency"]


class TestInsightsRoutes:
    """Detectors find the seeded problems; insights are listed, read and dismissed per tenant."""

    async def test_refresh_list_read_dismiss(self, world):
        client, alice, bob, _ = world
        # Generated automatically by the analytics service already (threshold 1): allocation and VAT.
        kinds = {item["kind"] for item in (await client.get("/api/insights", headers=alice)).json()["items"]}
        assert {"missing_allocation_number"} <= kinds
        refreshed = await client.post("/api/insights/refresh", params={"month": "2026-10"}, headers=alice)
        assert refreshed.status_code == 202 and refreshed.json()["queued"] is True
        # The list says when the refresh is done: its findings are there once generated_at has caught up.
        items = await insights_after(client, alice, datetime.fromisoformat(refreshed.json()["requested_at"]))
        by_kind = {item["kind"]: item for item in items}
        assert {"budget_overrun", "missing_allocation_number", "month_over_month"} <= set(by_kind)
        overrun = by_kind["budget_overrun"]
        assert overrun["data"]["spent"] == "1200.00" and "1200.00" in overrun["narrative"]
        assert overrun["narrative_source"] == "template"
        assert (await client.get(f"/api/insights/{overrun['id']}", headers=bob)).status_code == 404
        assert (await client.post(f"/api/insights/{overrun['id']}/dismiss", headers=bob)).status_code == 404
        assert (await client.post(f"/api/insights/{overrun['id']}/read", headers=bob)).status_code == 404
        looked = (await client.get(f"/api/insights/{overrun['id']}", headers=alice)).json()
        assert looked["read_at"] is None  # a GET never writes
        read = (await client.post(f"/api/insights/{overrun['id']}/read", headers=alice)).json()
        assert read["read_at"] is not None
        assert (await client.post(f"/api/insights/{overrun['id']}/dismiss", headers=alice)).status_code == 200
        remaining = {
            item["id"] for item in (await client.get("/api/insights", headers=alice)).json()["items"]
        }
        assert overrun["id"] not in remaining
        assert (await client.get("/api/insights", headers=bob)).json()["items"] == []
        hebrew = await client.post(
            "/api/insights/refresh", params={"month": "2026-10", "language": "he"}, headers=alice
        )
        assert hebrew.status_code == 202

        def all_hebrew(items: list[dict]) -> bool:
            return bool(items) and all(
                any("\u0590" <= ch <= "\u05ff" for ch in i["narrative"]) for i in items
            )

        await insights_once(client, alice, all_hebrew)
        # The regenerated overrun (same finding, same fingerprint) is still dismissed.
        dismissed = await client.get("/api/insights", headers=alice, params={"include_dismissed": True})
        again = {item["id"]: item for item in dismissed.json()["items"]}[overrun["id"]]
        assert again["dismissed_at"] is not None and again["read_at"] is not None
        assert overrun["id"] not in {
            item["id"] for item in (await client.get("/api/insights", headers=alice)).json()["items"]
        }

    async def test_insights_come_in_pages(self, world):
        client, alice, _bob, _ = world
        refreshed = await client.post("/api/insights/refresh", params={"month": "2026-10"}, headers=alice)
        await insights_after(client, alice, datetime.fromisoformat(refreshed.json()["requested_at"]))
        every = {"include_dismissed": True}
        whole = (await client.get("/api/insights", headers=alice, params=every)).json()
        assert whole["total"] == len(whole["items"]) >= 2
        paged = []
        for offset in range(whole["total"]):
            page = (
                await client.get(
                    "/api/insights", headers=alice, params={**every, "limit": 1, "offset": offset}
                )
            ).json()
            assert page["total"] == whole["total"] and len(page["items"]) == 1
            paged += page["items"]
        assert {item["id"] for item in paged} == {item["id"] for item in whole["items"]}
        past = (
            await client.get("/api/insights", headers=alice, params={**every, "offset": whole["total"]})
        ).json()
        assert (past["items"], past["total"]) == ([], whole["total"])
        # Dismissed ones are left out of the count as well as the page.
        dismissed = sum(1 for item in whole["items"] if item["dismissed_at"])
        assert (await client.get("/api/insights", headers=alice)).json()["total"] == whole[
            "total"
        ] - dismissed
        assert (await client.get("/api/insights", headers=alice, params={"limit": 0})).status_code == 422


async def insights_after(client, headers, requested_at: datetime, within: float = 10.0) -> list[dict]:
    """The tenant's insights once the detectors have run on facts read at or after `requested_at`."""
    for _ in range(int(within / 0.1)):
        body = (await client.get("/api/insights", headers=headers)).json()
        if body["generated_at"] and datetime.fromisoformat(body["generated_at"]) >= requested_at:
            return list(body["items"])
        await asyncio.sleep(0.1)
    raise AssertionError(f"no insights generated after {requested_at} within {within} s")


async def insights_once(client, headers, wanted, within: float = 10.0) -> list[dict]:
    """The tenant's insights once `wanted(items)` holds (the analytics service works asynchronously)."""
    items: list[dict] = []
    for _ in range(int(within / 0.1)):
        items = (await client.get("/api/insights", headers=headers)).json()["items"]
        if wanted(items):
            return items
        await asyncio.sleep(0.1)
    raise AssertionError(f"insights never became what the test waits for: {items}")


class TestExports:
    """CSV (BOM, Hebrew) and JSON with the list's filters; analytics CSV; the accountant ZIP."""

    async def test_csv_and_json_with_filters(self, world):
        client, alice, bob, _ = world
        response = await client.get("/api/exports/invoices.csv", headers=alice)
        assert response.status_code == 200 and response.content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == 6 and "בזק" in {row["business"] for row in rows}
        usd = (
            await client.get("/api/exports/invoices.json", params={"currency": "USD"}, headers=alice)
        ).json()
        assert usd["count"] == 1 and usd["items"][0]["base_total"] == float(convert(money(100), USD_ON_OCT_5))
        assert usd["items"][0]["fx_source"] == "ecb-bundled"
        unassigned = await client.get(
            "/api/exports/invoices.json", params={"unassigned": "true"}, headers=alice
        )
        assert unassigned.json()["count"] == 2
        assert (await client.get("/api/exports/invoices.json", headers=bob)).json()["count"] == 0

    async def test_analytics_csv(self, world):
        client, alice, bob, ids = world
        overall = await client.get(
            "/api/exports/analytics/overall.csv", params={"month": "2026-10"}, headers=alice
        )
        lines = overall.content.decode("utf-8-sig").splitlines()
        assert lines[0] == "month,count,spend_ILS,reclaimable_vat_ILS" and lines[-1].startswith("2026-10,5,")
        per = await client.get(
            f"/api/exports/analytics/businesses/{ids['bezeq']}.csv",
            params={"month": "2026-10"},
            headers=alice,
        )
        assert per.content.decode("utf-8-sig").splitlines()[-1] == "2026-10,2,1200.00,0.00"
        assert (
            await client.get(f"/api/exports/analytics/businesses/{ids['bezeq']}.csv", headers=bob)
        ).status_code == 404

    async def test_accountant_zip(self, world):
        client, alice, bob, _ = world
        response = await client.get("/api/exports/accountant/2026-10.zip", headers=alice)
        assert response.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        names = archive.namelist()
        assert "invoices.csv" in names
        originals = [name for name in names if name.startswith("originals/")]
        assert len(originals) == 5 and any(name.startswith("originals/2026-10-03_בזק_") for name in originals)
        assert all(archive.read(name).startswith(b"%PDF") for name in originals)
        empty = zipfile.ZipFile(
            io.BytesIO((await client.get("/api/exports/accountant/2026-10.zip", headers=bob)).content)
        )
        assert empty.namelist() == ["invoices.csv"]
