"""Reads of the projection used by the gateway's analytics/insights/exports and by insight generation."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import asyncpg

from invoiceme_common import tenants

# The facts' month of an invoice without a date (invoiceme_analytics.domain.UNKNOWN_MONTH).
NO_DATE_MONTH = "unknown"


@dataclass(frozen=True)
class FactRow:
    invoice_id: uuid.UUID
    business_id: uuid.UUID | None
    vendor: str
    invoice_date: date | None
    month: str
    document_type: str | None
    invoice_number: str | None
    currency: str
    total: Decimal
    base_total: Decimal | None
    subtotal: Decimal | None
    vat_amount: Decimal | None
    allocation_number: str | None
    before_vat_ils: Decimal | None
    reclaimable_vat: Decimal | None
    fx_warning: str | None


@dataclass(frozen=True)
class BusinessRow:
    id: uuid.UUID
    name: str
    monthly_limit: Decimal | None


@dataclass(frozen=True)
class MonthTotals:
    spend: Decimal  # base-currency sum of the converted invoices
    count: int
    reclaimable_vat: Decimal


@dataclass(frozen=True)
class CurrencyTotals:
    currency: str
    count: int
    total: Decimal
    base_total: Decimal


@dataclass(frozen=True)
class BusinessSpend:
    window: Decimal  # base-currency spend over the months asked about
    this_month: Decimal  # ... of which in the last of them


@dataclass(frozen=True)
class OverallTotals:
    """The tenant's facts summed in SQL (what the overall figures need), so a tenant with 100,000
    invoices is not read row by row. `months`: those asked about, with data; `businesses`: spend of
    each business with converted invoices in those months."""

    invoice_count: int
    unassigned_count: int
    unconverted_count: int
    by_currency: list[CurrencyTotals]
    months: dict[str, MonthTotals]
    businesses: dict[uuid.UUID, BusinessSpend]


async def load_facts(
    pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID, business_id: uuid.UUID | None = None
) -> list[FactRow]:
    """Every current (not deleted) invoice of the tenant that has a total (of one business if given)."""
    # Two statements, not `($2 IS NULL OR business_id = $2)`: a cached generic plan of that one
    # scans the whole tenant instead of using the business index.
    of_business = "AND business_id = $2" if business_id is not None else ""
    rows = await pool.fetch(
        f"""SELECT invoice_id, business_id, vendor, invoice_date, month, document_type, invoice_number,
                   currency,
                   total, base_total, subtotal, vat_amount, allocation_number, before_vat_ils,
                   reclaimable_vat, fx_warning
            FROM analytics_invoice_facts
            WHERE tenant_id = $1 AND NOT deleted AND total IS NOT NULL {of_business}
            ORDER BY invoice_date NULLS LAST, invoice_id""",
        *([tenant_id, business_id] if business_id is not None else [tenant_id]),
    )
    return [FactRow(**dict(row)) for row in rows]


async def overall_totals(
    pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID, months: list[str]
) -> OverallTotals:
    """Sums over current facts with a total: per currency (all months), per month and per business
    (only `months`; the business's `this_month` is the last of them). From the monthly rollup
    (migration 0070): the tenant's month x currency totals, and the business rows of `months` only."""
    rows = await pool.fetch(
        """SELECT GROUPING(currency, month) AS grouping_set, currency, month,
                  sum(invoice_count) AS n, sum(total_sum) AS total, sum(base_total_sum) AS base_total,
                  sum(unassigned_count) AS unassigned, sum(invoice_count - converted_count) AS unconverted,
                  sum(reclaimable_vat_sum) AS reclaimable_vat
           FROM analytics_monthly_totals WHERE tenant_id = $1
           GROUP BY GROUPING SETS ((currency), (month))""",
        tenant_id,
    )
    spenders = await pool.fetch(
        """SELECT business_id, sum(base_total_sum) AS window_spend,
                  coalesce(sum(base_total_sum) FILTER (WHERE month = $3), 0) AS this_month
           FROM analytics_monthly
           WHERE tenant_id = $1 AND month = ANY($2) AND business_id IS NOT NULL
           GROUP BY business_id HAVING sum(converted_count) > 0""",
        tenant_id,
        months,
        months[-1],
    )
    # GROUPING() sets a bit for each column the row is NOT grouped by (currency, month).
    currencies = [r for r in rows if r["grouping_set"] == 0b01]
    window = set(months)
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
            if r["grouping_set"] == 0b10 and r["month"] in window
        },
        businesses={r["business_id"]: BusinessSpend(r["window_spend"], r["this_month"]) for r in spenders},
    )


async def business_months(
    pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID, business_id: uuid.UUID
) -> dict[str, MonthTotals]:
    """One business's current facts with a total, summed per month (NO_DATE_MONTH included), from
    the monthly rollup: a few dozen rows however many invoices it has."""
    rows = await pool.fetch(
        """SELECT month, sum(invoice_count) AS n, sum(base_total_sum) AS spend,
                  sum(reclaimable_vat_sum) AS reclaimable_vat
           FROM analytics_monthly WHERE tenant_id = $1 AND business_id = $2 GROUP BY month""",
        tenant_id,
        business_id,
    )
    return {r["month"]: MonthTotals(r["spend"], r["n"], r["reclaimable_vat"]) for r in rows}


_BUSINESSES = "SELECT id, name, monthly_limit FROM businesses WHERE tenant_id = $1"


def _business_row(row: asyncpg.Record) -> BusinessRow:
    return BusinessRow(row["id"], row["name"], row["monthly_limit"])


async def load_businesses(
    pool: asyncpg.Pool | asyncpg.Connection,
    tenant_id: uuid.UUID,
    budgeted_and: list[uuid.UUID] | None = None,
) -> dict[uuid.UUID, BusinessRow]:
    """Every business of the tenant; with `budgeted_and`, only those with a budget and those ids
    (the overall figures name a few of 2,000)."""
    if budgeted_and is None:
        rows = await pool.fetch(_BUSINESSES, tenant_id)
    else:
        rows = await pool.fetch(
            f"{_BUSINESSES} AND (monthly_limit IS NOT NULL OR id = ANY($2))", tenant_id, budgeted_and
        )
    return {row["id"]: _business_row(row) for row in rows}


async def load_business(
    pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID, business_id: uuid.UUID
) -> BusinessRow | None:
    row = await pool.fetchrow(f"{_BUSINESSES} AND id = $2", tenant_id, business_id)
    return _business_row(row) if row else None


async def base_currency(pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID) -> str:
    return await tenants.base_currency(pool, tenant_id)


async def invoice_money(
    pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID, invoice_id: uuid.UUID
) -> asyncpg.Record | None:
    """How one invoice was priced: original amount, converted amount, the rate used, VAT reclaim."""
    return await pool.fetchrow(
        """SELECT invoice_id, currency, total, base_currency, base_total, fx_rate, fx_rate_date, fx_source,
                  fx_warning, vat_amount, reclaimable_vat, vat_reclaim_reason, extraction_version
           FROM analytics_invoice_facts WHERE tenant_id = $1 AND invoice_id = $2 AND NOT deleted""",
        tenant_id,
        invoice_id,
    )


MONEY_COLUMNS = (
    "base_currency",
    "base_total",
    "fx_rate",
    "fx_rate_date",
    "fx_source",
    "fx_warning",
    "reclaimable_vat",
)


async def money_by_invoice(
    pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID, invoice_ids: list[uuid.UUID]
) -> dict[uuid.UUID, asyncpg.Record]:
    """The converted amounts of many invoices at once (exports), by invoice id."""
    rows = await pool.fetch(
        f"""SELECT invoice_id, {", ".join(MONEY_COLUMNS)} FROM analytics_invoice_facts
            WHERE tenant_id = $1 AND invoice_id = ANY($2::uuid[]) AND NOT deleted""",
        tenant_id,
        invoice_ids,
    )
    return {row["invoice_id"]: row for row in rows}


async def top_vendor_aggregates(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, limit: int
) -> tuple[list[asyncpg.Record], int]:
    """The `limit` per-vendor rows with the most invoices, and how many vendor rows there are in all
    (one tenant with 100,000 invoices has ~9,000: 0.7 MB of JSON when all were sent)."""
    rows = await pool.fetch(
        """SELECT key, currency, invoice_count, total_sum, count(*) OVER () AS matching
           FROM analytics_aggregates WHERE tenant_id = $1 AND dimension = 'vendor'
           ORDER BY invoice_count DESC, key, currency LIMIT $2""",
        tenant_id,
        limit,
    )
    return rows, int(rows[0]["matching"]) if rows else 0


async def aggregates(
    pool: asyncpg.Pool | asyncpg.Connection,
    tenant_id: uuid.UUID,
    dimensions: tuple[str, ...] = ("currency", "month", "vendor"),
) -> list[asyncpg.Record]:
    """Per-vendor, per-month and per-currency counts and sums (the simple summary; its thousands of
    vendor rows come from `top_vendor_aggregates`)."""
    return await pool.fetch(
        """SELECT dimension, key, currency, invoice_count, total_sum FROM analytics_aggregates
           WHERE tenant_id = $1 AND dimension = ANY($2::text[]) ORDER BY dimension, key, currency""",
        tenant_id,
        list(dimensions),
    )
