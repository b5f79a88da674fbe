"""Reads of the projection used by the gateway's analytics/insights/exports and by insight generation."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import asyncpg

from invoiceme_common import tenants


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


async def load_facts(pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID) -> list[FactRow]:
    """Every current (not deleted) invoice of the tenant that has a total."""
    rows = await pool.fetch(
        """SELECT invoice_id, business_id, vendor, invoice_date, month, document_type, invoice_number,
                  currency,
                  total, base_total, subtotal, vat_amount, allocation_number, before_vat_ils, reclaimable_vat,
                  fx_warning
           FROM analytics_invoice_facts
           WHERE tenant_id = $1 AND NOT deleted AND total IS NOT NULL
           ORDER BY invoice_date NULLS LAST, invoice_id""",
        tenant_id,
    )
    return [FactRow(**dict(row)) for row in rows]


async def load_businesses(
    pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID
) -> dict[uuid.UUID, BusinessRow]:
    rows = await pool.fetch("SELECT id, name, monthly_limit FROM businesses WHERE tenant_id = $1", tenant_id)
    return {row["id"]: BusinessRow(row["id"], row["name"], row["monthly_limit"]) for row in rows}


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


async def aggregates(pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID) -> list[asyncpg.Record]:
    """Per-vendor, per-month and per-currency counts and sums (the simple summary)."""
    return await pool.fetch(
        """SELECT dimension, key, currency, invoice_count, total_sum FROM analytics_aggregates
           WHERE tenant_id = $1 ORDER BY dimension, key, currency""",
        tenant_id,
    )
