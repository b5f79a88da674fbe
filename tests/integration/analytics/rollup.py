"""References for the monthly rollup (migration 0070): the same sums computed straight from the current
facts, and the overall totals as the read model computed them before the rollup (over every fact)."""

from __future__ import annotations

import uuid

import asyncpg

from invoiceme_common.analytics_read.read_model import (
    BusinessSpend,
    CurrencyTotals,
    MonthTotals,
    OverallTotals,
)

ROLLUP_COLUMNS = """month, currency, business_id, invoice_count, total_sum, converted_count,
                    base_total_sum, reclaimable_vat_sum"""


async def rollup_rows(db: asyncpg.Pool, tenant_id: uuid.UUID) -> set[tuple]:
    rows = await db.fetch(f"SELECT {ROLLUP_COLUMNS} FROM analytics_monthly WHERE tenant_id = $1", tenant_id)
    return {tuple(row) for row in rows}


async def rollup_from_facts(db: asyncpg.Pool, tenant_id: uuid.UUID) -> set[tuple]:
    """What the rollup must hold: the current facts with a total, summed per month/currency/business."""
    rows = await db.fetch(
        """SELECT month, currency, business_id, count(*)::int, sum(total), count(base_total)::int,
                  coalesce(sum(base_total), 0), coalesce(sum(reclaimable_vat), 0)
           FROM analytics_invoice_facts WHERE tenant_id = $1 AND NOT deleted AND total IS NOT NULL
           GROUP BY 1, 2, 3""",
        tenant_id,
    )
    return {tuple(row) for row in rows}


async def totals_rows(db: asyncpg.Pool, tenant_id: uuid.UUID) -> set[tuple]:
    rows = await db.fetch(
        """SELECT month, currency, invoice_count, unassigned_count, total_sum, converted_count,
                  base_total_sum, reclaimable_vat_sum FROM analytics_monthly_totals WHERE tenant_id = $1""",
        tenant_id,
    )
    return {tuple(row) for row in rows}


async def totals_from_facts(db: asyncpg.Pool, tenant_id: uuid.UUID) -> set[tuple]:
    rows = await db.fetch(
        """SELECT month, currency, count(*)::int, count(*) FILTER (WHERE business_id IS NULL)::int,
                  sum(total), count(base_total)::int, coalesce(sum(base_total), 0),
                  coalesce(sum(reclaimable_vat), 0)
           FROM analytics_invoice_facts WHERE tenant_id = $1 AND NOT deleted AND total IS NOT NULL
           GROUP BY 1, 2""",
        tenant_id,
    )
    return {tuple(row) for row in rows}


async def assert_rollup_exact(db: asyncpg.Pool, tenant_id: uuid.UUID) -> None:
    """Both grains of the rollup hold exactly the current facts summed (no row left at zero)."""
    expected = await rollup_from_facts(db, tenant_id)
    assert expected, "the history left no facts: nothing was checked"
    assert await rollup_rows(db, tenant_id) == expected
    assert await totals_rows(db, tenant_id) == await totals_from_facts(db, tenant_id)


async def overall_totals_over_facts(
    db: asyncpg.Pool, tenant_id: uuid.UUID, months: list[str]
) -> OverallTotals:
    """The read model's overall totals as computed before the rollup: one scan over every fact."""
    rows = await db.fetch(
        """SELECT GROUPING(currency, month, business_id) AS grouping_set, currency, month, business_id,
                  count(*) AS n, sum(total) AS total, coalesce(sum(base_total), 0) AS base_total,
                  count(*) FILTER (WHERE business_id IS NULL) AS unassigned,
                  count(*) FILTER (WHERE base_total IS NULL) AS unconverted,
                  coalesce(sum(reclaimable_vat), 0) AS reclaimable_vat,
                  count(base_total) FILTER (WHERE month = ANY($2)) AS window_converted,
                  coalesce(sum(base_total) FILTER (WHERE month = ANY($2)), 0) AS window_spend,
                  coalesce(sum(base_total) FILTER (WHERE month = $3), 0) AS this_month
           FROM analytics_invoice_facts
           WHERE tenant_id = $1 AND NOT deleted AND total IS NOT NULL
           GROUP BY GROUPING SETS ((currency), (month), (business_id))""",
        tenant_id,
        months,
        months[-1],
    )
    currencies = [r for r in rows if r["grouping_set"] == 0b011]
    return OverallTotals(
        invoice_count=sum(r["n"] for r in currencies),
        unassigned_count=sum(r["unassigned"] for r in currencies),
        unconverted_count=sum(r["unconverted"] for r in currencies),
        by_currency=sorted(
            (CurrencyTotals(r["currency"], r["n"], r["total"], r["base_total"]) for r in currencies),
            key=lambda entry: entry.currency,
        ),
        months={
            r["month"]: MonthTotals(r["base_total"], r["n"], r["reclaimable_vat"])
            for r in rows
            if r["grouping_set"] == 0b101 and r["month"] in set(months)
        },
        businesses={
            r["business_id"]: BusinessSpend(r["window_spend"], r["this_month"])
            for r in rows
            if r["grouping_set"] == 0b110 and r["business_id"] is not None and r["window_converted"]
        },
    )
