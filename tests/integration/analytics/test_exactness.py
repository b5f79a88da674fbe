"""The analytics figures always equal a SQL sum over the current invoices, after random sequences of
uploads, edits, reassignments, deletions, duplicate redeliveries and stale out-of-order events —
published to real NATS and consumed by the real analytics service."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest

from invoiceme_common.analytics_read import figures, read_model
from invoiceme_common.events import Event, InvoiceDeleted, InvoiceSaved, TenantSettingsChanged
from invoiceme_common.money import (
    amount_before_vat,
    convert,
    load_bundled_rates,
    money,
    reclaimable_vat,
)

from .rollup import assert_rollup_exact, overall_totals_over_facts
from .support import create_business, create_tenant, insert_invoice, running_analytics, wait_drained

AS_OF = date(2026, 10, 31)
RATES = load_bundled_rates()


def random_fields(rng: random.Random) -> dict:
    subtotal = Decimal(rng.randrange(1_000, 3_000_000)) / 100
    vat = (subtotal * Decimal("0.18")).quantize(Decimal("0.01"))
    return {
        "document_type": rng.choice(
            ["tax_invoice", "tax_invoice_receipt", "receipt", "invoice", "credit_note"]
        ),
        "vendor_name": rng.choice(["חברת החשמל", "Bezeq", "AWS", "שופרסל"]),
        "invoice_number": str(rng.randrange(1000, 9999)),
        "invoice_date": date(2026, rng.randint(1, 10), rng.randint(1, 28)).isoformat(),
        "currency": rng.choice(["ILS", "ILS", "USD", "EUR"]),
        "subtotal": float(subtotal),
        "vat_amount": float(vat),
        "total": float(subtotal + vat),
        "allocation_number": rng.choice([None, "123456789", "12345"]),
    }


def saved(tenant_id, invoice_id, version, fields, business_id) -> InvoiceSaved:
    return InvoiceSaved(
        tenant_id=tenant_id,
        invoice_id=invoice_id,
        extraction_version=version,
        status="extracted",
        business_id=business_id,
        vendor_name=fields["vendor_name"],
        invoice_date=fields["invoice_date"],
        currency=fields["currency"],
        total=fields["total"],
        fields=fields,
    )


async def run_random_history(db, tenant_id, businesses, publisher, rng: random.Random, steps: int) -> None:
    topology = publisher.topology
    live: dict[uuid.UUID, dict] = {}
    sent: list[tuple[Event, str]] = []

    async def send(event: Event, subject: str) -> None:
        sent.append((event, subject))
        await publisher.publish(event, subject)

    for _ in range(steps):
        action = rng.choices(["upload", "edit", "assign", "delete", "redeliver", "base"], [4, 3, 2, 1, 2, 1])[
            0
        ]
        if action == "base":  # the tenant changes its base currency (as PATCH /api/me does)
            old = await db.fetchval("SELECT base_currency FROM tenants WHERE id = $1", tenant_id)
            new = rng.choice([c for c in ("ILS", "USD", "EUR") if c != old])
            await db.execute("UPDATE tenants SET base_currency = $2 WHERE id = $1", tenant_id, new)
            changed = TenantSettingsChanged(
                tenant_id=tenant_id, base_currency=new, previous_base_currency=old
            )
            await send(changed, topology.tenant_settings_changed)
            continue
        if action == "upload" or not live:
            invoice_id, fields = uuid.uuid4(), random_fields(rng)
            business_id = rng.choice([*businesses, None])
            await insert_invoice(db, tenant_id, invoice_id, fields, business_id, 1)
            live[invoice_id] = {"version": 1, "fields": fields, "business_id": business_id}
            await send(saved(tenant_id, invoice_id, 1, fields, business_id), topology.invoice_saved)
            continue
        invoice_id = rng.choice(sorted(live, key=str))
        state = live[invoice_id]
        state["version"] += 1
        if action == "edit":
            state["fields"] = {
                **state["fields"],
                **{
                    k: v
                    for k, v in random_fields(rng).items()
                    if k in ("total", "invoice_date", "currency", "vat_amount")
                },
            }
        elif action == "assign":
            state["business_id"] = rng.choice([*businesses, None])
        elif action == "delete":
            await db.execute("DELETE FROM invoices WHERE id = $1", invoice_id)
            del live[invoice_id]
            await send(
                InvoiceDeleted(
                    tenant_id=tenant_id, invoice_id=invoice_id, extraction_version=state["version"]
                ),
                topology.invoice_deleted,
            )
            continue
        elif action == "redeliver":
            state["version"] -= 1
            event, subject = rng.choice(sent)  # a duplicate, or a stale version arriving late
            await publisher.redeliver(event, subject)
            continue
        await db.execute(
            "UPDATE invoices SET fields = $2, business_id = $3, extraction_version = $4 WHERE id = $1",
            invoice_id,
            state["fields"],
            state["business_id"],
            state["version"],
        )
        await send(
            saved(tenant_id, invoice_id, state["version"], state["fields"], state["business_id"]),
            topology.invoice_saved,
        )


async def reference(db, tenant_id) -> dict:
    """Ground truth: SQL over the current invoices (conversion and VAT rules applied per row)."""
    grouped = await db.fetch(
        """SELECT business_id, to_char((fields->>'invoice_date')::date, 'YYYY-MM') AS month,
                  fields->>'currency' AS currency, count(*) AS n,
                  sum(CASE WHEN fields->>'document_type' = 'credit_note'
                      THEN -abs((fields->>'total')::numeric) ELSE (fields->>'total')::numeric END) AS total
           FROM invoices WHERE tenant_id = $1 AND fields->>'total' IS NOT NULL GROUP BY 1, 2, 3""",
        tenant_id,
    )
    rows = await db.fetch("SELECT business_id, fields FROM invoices WHERE tenant_id = $1", tenant_id)
    base = await db.fetchval("SELECT base_currency FROM tenants WHERE id = $1", tenant_id)
    spend: dict[str, Decimal] = defaultdict(Decimal)
    vat: dict[str, Decimal] = defaultdict(Decimal)
    spend_by_business: dict[tuple, Decimal] = defaultdict(Decimal)
    for row in rows:
        f = row["fields"]
        day = date.fromisoformat(f["invoice_date"])
        to_ils, to_base = RATES.rate(f["currency"], "ILS", day), RATES.rate(f["currency"], base, day)
        sign = -1 if f["document_type"] == "credit_note" else 1
        total = convert(money(f["total"]) * sign, to_base)
        spend[day.strftime("%Y-%m")] += total
        spend_by_business[(row["business_id"], day.strftime("%Y-%m"))] += total
        before = convert(
            amount_before_vat(money(f["subtotal"]), money(f["total"]), money(f["vat_amount"])), to_ils
        )
        reclaim = reclaimable_vat(
            f["document_type"], money(f["vat_amount"]), before, f["allocation_number"], day
        )
        vat[day.strftime("%Y-%m")] += convert(reclaim.amount, to_base)
    return {
        "groups": {(r["business_id"], r["month"], r["currency"]): (r["n"], r["total"]) for r in grouped},
        "spend": spend,
        "vat": vat,
        "spend_by_business": spend_by_business,
        "unassigned": sum(1 for row in rows if row["business_id"] is None),
        "base": base,
    }


def projected_groups(facts) -> dict:
    groups: dict[tuple, list] = defaultdict(lambda: [0, Decimal(0)])
    for fact in facts:
        groups[(fact.business_id, fact.month, fact.currency)][0] += 1
        groups[(fact.business_id, fact.month, fact.currency)][1] += fact.total
    return {key: tuple(value) for key, value in groups.items()}


class TestExactness:
    """Figures equal SQL over current invoices after random histories with redeliveries and stale events."""

    @pytest.mark.parametrize("seed", [7, 2026, 31337])
    async def test_random_history(self, database_url, nats_url, namespace, db, seed):
        rng = random.Random(seed)
        tenant_id = await create_tenant(db)
        businesses = [
            await create_business(db, tenant_id, f"Biz {i}", Decimal(5000 * (i + 1))) for i in range(3)
        ]
        async with running_analytics(database_url, nats_url, namespace, insights_change_threshold=10_000) as (
            _ctx,
            publisher,
        ):
            await run_random_history(db, tenant_id, businesses, publisher, rng, steps=80)
            await wait_drained(nats_url, namespace)

        truth = await reference(db, tenant_id)
        facts = await read_model.load_facts(db, tenant_id)
        assert projected_groups(facts) == truth["groups"]
        await assert_rollup_exact(db, tenant_id)
        known = await read_model.load_businesses(db, tenant_id)
        totals = await read_model.overall_totals(db, tenant_id, figures.last_months(AS_OF))
        assert totals == await overall_totals_over_facts(db, tenant_id, figures.last_months(AS_OF))
        overall = figures.overall_figures(totals, known, AS_OF, truth["base"])
        for point in overall["series"]:
            assert point["spend"] == truth["spend"].get(point["month"], 0), point["month"]
            assert point["reclaimable_vat"] == truth["vat"].get(point["month"], 0), point["month"]
        assert overall["unassigned_count"] == truth["unassigned"]
        assert overall["unconverted_count"] == 0
        assert overall["invoice_count"] == len(facts)
        window = {point["month"] for point in overall["series"]}
        for top in overall["top_businesses"]:
            assert top["spend"] == sum(
                spend
                for (business_id, month), spend in truth["spend_by_business"].items()
                if business_id == top["business_id"] and month in window
            )
        for business_id in businesses:
            mine = await read_model.load_facts(db, tenant_id, business_id)
            assert mine == [fact for fact in facts if fact.business_id == business_id]
            per_month = await read_model.business_months(db, tenant_id, business_id)
            assert per_month == figures.month_totals(mine)  # the rollup equals the facts summed
            per = figures.business_figures(per_month, known[business_id], AS_OF, truth["base"])
            for point in per["series"]:
                assert point["spend"] == truth["spend_by_business"].get((business_id, point["month"]), 0)

        summary = await db.fetch(
            "SELECT key, currency, invoice_count, total_sum FROM analytics_aggregates"
            " WHERE tenant_id = $1 AND dimension = 'month'",
            tenant_id,
        )
        by_month_currency: dict[tuple, list] = defaultdict(lambda: [0, Decimal(0)])
        for (_, month, currency), (n, total) in truth["groups"].items():
            by_month_currency[(month, currency)][0] += n
            by_month_currency[(month, currency)][1] += total
        assert {(r["key"], r["currency"]): (r["invoice_count"], r["total_sum"]) for r in summary} == {
            key: tuple(value) for key, value in by_month_currency.items()
        }
