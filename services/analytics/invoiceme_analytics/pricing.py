"""Prices an invoice in its tenant's base currency (rate lookups around the pure `price_invoice`),
and re-prices a whole tenant when its base currency changes."""

from __future__ import annotations

import uuid
from datetime import date

import asyncpg

from invoiceme_common.money import VAT_RECLAIM_DOCUMENT_TYPES, Rate

from .domain import UNKNOWN_CURRENCY
from .facts import InvoiceFact, ParsedInvoice, price_invoice
from .rates import RateService
from .repository import FACT_COLUMNS, fact_values, lock_invoice, tenant_base_currency


async def _rate(rates: RateService, base: str, quote: str, on: date) -> Rate | None:
    if base == UNKNOWN_CURRENCY:
        return None
    return await rates.rate(base, quote, on)


async def price(
    rates: RateService, invoice: ParsedInvoice, base_currency: str, max_age_days: int
) -> InvoiceFact:
    to_base = (
        await _rate(rates, invoice.currency, base_currency, invoice.rate_day)
        if invoice.total is not None
        else None
    )
    to_ils = None
    if invoice.document_type in VAT_RECLAIM_DOCUMENT_TYPES:
        to_ils = await _rate(rates, invoice.currency, "ILS", invoice.rate_day)
    return price_invoice(invoice, base_currency, to_base, to_ils, max_age_days)


async def price_for_tenant(
    pool: asyncpg.Pool,
    rates: RateService,
    tenant_id: uuid.UUID,
    invoice: ParsedInvoice,
    max_age_days: int,
    known_base: str | None = None,
) -> InvoiceFact:
    """`known_base`: the tenant's base currency if the caller knows it (else it is read)."""
    base = known_base or await tenant_base_currency(pool, tenant_id)
    return await price(rates, invoice, base, max_age_days)


def _invoice_from_row(row: asyncpg.Record) -> ParsedInvoice:
    return ParsedInvoice(
        business_id=row["business_id"],
        status=row["status"] or "",
        vendor=row["vendor"],
        invoice_date=row["invoice_date"],
        rate_day=row["invoice_date"] or row["updated_at"].date(),
        currency=row["currency"],
        total=row["total"],
        subtotal=row["subtotal"],
        vat_amount=row["vat_amount"],
        document_type=row["document_type"],
        invoice_number=row["invoice_number"],
        allocation_number=row["allocation_number"],
    )


async def reprice_tenant(
    pool: asyncpg.Pool, rates: RateService, tenant_id: uuid.UUID, max_age_days: int
) -> int:
    """Recompute every converted figure of a tenant in its (new) base currency; returns rows changed.
    Each row is re-priced under the same per-invoice lock the projection uses."""
    base = await tenant_base_currency(pool, tenant_id)
    ids = await pool.fetch(
        "SELECT invoice_id FROM analytics_invoice_facts WHERE tenant_id = $1 AND NOT deleted"
        " AND vendor IS NOT NULL AND base_currency IS DISTINCT FROM $2",
        tenant_id,
        base,
    )
    changed = 0
    for record in ids:
        async with pool.acquire() as conn, conn.transaction():
            await lock_invoice(conn, record["invoice_id"])
            row = await conn.fetchrow(
                "SELECT * FROM analytics_invoice_facts WHERE invoice_id = $1 AND NOT deleted",
                record["invoice_id"],
            )
            if row is None:
                continue
            fact = await price(rates, _invoice_from_row(row), base, max_age_days)
            assignments = ", ".join(f"{name} = ${i}" for i, name in enumerate(FACT_COLUMNS, start=2))
            await conn.execute(
                f"UPDATE analytics_invoice_facts SET {assignments}, updated_at = now() WHERE invoice_id = $1",
                record["invoice_id"],
                *fact_values(fact),
            )
            changed += 1
    return changed
