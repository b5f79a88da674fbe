"""Postgres side of the projection: the fact row, the summary aggregates and the change counter
move in one transaction, guarded by the invoice's version (so redeliveries and stale events are no-ops).

A deleted invoice leaves a tombstone row (`deleted`), so an InvoiceSaved that arrives after its
deletion (out of order, or redelivered) cannot bring it back.
"""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from invoiceme_common import tenants

from .domain import Fact, deltas, is_newer
from .facts import InvoiceFact


def fact_row(fact: InvoiceFact | None) -> dict[str, Any]:
    """The projection's columns for one invoice (all None for a deleted one), named once here."""
    inv = fact.invoice if fact else None
    rate = fact.rate if fact else None
    return {
        "vendor": inv.vendor if inv else None,
        "month": inv.month if inv else None,
        "currency": inv.currency if inv else None,
        "total": inv.total if inv else None,
        "business_id": inv.business_id if inv else None,
        "invoice_date": inv.invoice_date if inv else None,
        "status": inv.status if inv else None,
        "document_type": inv.document_type if inv else None,
        "invoice_number": inv.invoice_number if inv else None,
        "subtotal": inv.subtotal if inv else None,
        "vat_amount": inv.vat_amount if inv else None,
        "allocation_number": inv.allocation_number if inv else None,
        "before_vat_ils": fact.before_vat_ils if fact else None,
        "base_currency": fact.base_currency if fact else None,
        "base_total": fact.base_total if fact else None,
        "fx_rate": rate.value if rate else None,
        "fx_rate_date": rate.rate_date if rate else None,
        "fx_source": rate.source if rate else None,
        "fx_warning": fact.fx_warning if fact else None,
        "reclaimable_vat": fact.reclaimable_vat if fact else None,
        "vat_reclaim_reason": fact.vat_reclaim_reason if fact else None,
    }


FACT_COLUMNS = tuple(fact_row(None))


def fact_values(fact: InvoiceFact | None) -> list[Any]:
    """fact_row's values in FACT_COLUMNS order (for positional SQL parameters)."""
    return list(fact_row(fact).values())


def summary_fact(fact: InvoiceFact | None) -> Fact | None:
    """The spine's vendor/month/currency contribution (only invoices with a total count)."""
    if fact is None or fact.invoice.total is None:
        return None
    inv = fact.invoice
    return Fact(inv.vendor, inv.month, inv.currency, fact.invoice.total)


class BaseCurrencyChanged(Exception):
    """The tenant's base currency changed while the invoice was being priced: price it again."""


async def tenant_base_currency(pool: asyncpg.Pool, tenant_id: uuid.UUID) -> str:
    return await tenants.base_currency(pool, tenant_id)


async def _move_summary(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, old: Fact | None, new: Fact | None
) -> None:
    """All of the invoice's aggregate moves in one statement (in key order, as before: no deadlock
    between two workers); a second one only when a row reached zero, to drop it."""
    moves = deltas(old, new)
    if not moves:
        return
    reached_zero = await conn.fetchval(
        """WITH moved AS (
               INSERT INTO analytics_aggregates
                 (tenant_id, dimension, key, currency, invoice_count, total_sum)
               SELECT $1, m.dimension, m.key, m.currency, m.count, m.total
               FROM unnest($2::text[], $3::text[], $4::text[], $5::integer[], $6::numeric[])
                    WITH ORDINALITY AS m(dimension, key, currency, count, total, position)
               ORDER BY m.position
               ON CONFLICT (tenant_id, dimension, key, currency) DO UPDATE
               SET invoice_count = analytics_aggregates.invoice_count + EXCLUDED.invoice_count,
                   total_sum = analytics_aggregates.total_sum + EXCLUDED.total_sum
               RETURNING invoice_count, total_sum
           )
           SELECT count(*) FROM moved WHERE invoice_count = 0 AND total_sum = 0""",
        tenant_id,
        [move.dimension for move in moves],
        [move.key for move in moves],
        [move.currency for move in moves],
        [move.count for move in moves],
        [move.total for move in moves],
    )
    if reached_zero:
        await conn.execute(
            "DELETE FROM analytics_aggregates WHERE tenant_id = $1 AND invoice_count = 0 AND total_sum = 0",
            tenant_id,
        )


async def lock_invoice(conn: asyncpg.Connection, invoice_id: uuid.UUID) -> None:
    """Serialise changes to one invoice's fact (parallel workers, several instances, re-pricing)."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", str(invoice_id))


async def _lock_and_read(conn: asyncpg.Connection, invoice_id: uuid.UUID) -> asyncpg.Record | None:
    await lock_invoice(conn, invoice_id)
    return await conn.fetchrow(
        "SELECT vendor, month, currency, total, extraction_version, deleted FROM analytics_invoice_facts"
        " WHERE invoice_id = $1",
        invoice_id,
    )


def _stored_summary(row: asyncpg.Record | None) -> Fact | None:
    if row is None or row["deleted"] or row["total"] is None:
        return None
    return Fact(row["vendor"], row["month"], row["currency"], row["total"])


async def _write_fact(
    conn: asyncpg.Connection,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    event_id: uuid.UUID,
    version: int,
    fact: InvoiceFact | None,
    deleted: bool,
) -> int:
    """Returns the tenant's changes since its insights were last generated, this one included."""
    names = ", ".join(FACT_COLUMNS)
    params = ", ".join(f"${i}" for i in range(6, 6 + len(FACT_COLUMNS)))
    updates = ", ".join(f"{name} = EXCLUDED.{name}" for name in FACT_COLUMNS)
    # The fact and the tenant's change count in one statement (one round trip).
    return await conn.fetchval(
        f"""WITH fact AS (
              INSERT INTO analytics_invoice_facts
                (invoice_id, tenant_id, extraction_version, last_event_id, deleted, {names})
              VALUES ($1, $2, $3, $4, $5, {params})
              ON CONFLICT (invoice_id) DO UPDATE SET extraction_version = EXCLUDED.extraction_version,
                last_event_id = EXCLUDED.last_event_id, deleted = EXCLUDED.deleted, updated_at = now(),
                {updates}
            )
            INSERT INTO analytics_tenant_state (tenant_id, changes_since_insights) VALUES ($2, 1)
            ON CONFLICT (tenant_id) DO UPDATE
            SET changes_since_insights = analytics_tenant_state.changes_since_insights + 1
            RETURNING changes_since_insights""",
        invoice_id,
        tenant_id,
        version,
        event_id,
        deleted,
        *fact_values(fact),
    )


async def apply_saved(
    pool: asyncpg.Pool,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    event_id: uuid.UUID,
    version: int,
    fact: InvoiceFact | None,
    replay: bool = False,
) -> int | None:
    """Replace the invoice's contribution; returns the tenant's changes since its last insights (see
    `_write_fact`), or None when the event was already applied, stale, or the invoice was deleted.
    A replay (`invoiceme replay --stage analytics`) also replaces it at the same
    version: replacing is idempotent, so nothing is counted twice."""
    async with pool.acquire() as conn, conn.transaction():
        row = await _lock_and_read(conn, invoice_id)
        stored = row["extraction_version"] if row is not None else None
        current = is_newer(version, stored) or (replay and version == stored)
        if row is not None and (row["deleted"] or not current):
            return None
        current_base = await tenants.base_currency(conn, tenant_id, for_share=True)
        if fact is not None and current_base != fact.base_currency:
            raise BaseCurrencyChanged(tenant_id)
        await _move_summary(conn, tenant_id, _stored_summary(row), summary_fact(fact))
        return await _write_fact(conn, tenant_id, invoice_id, event_id, version, fact, deleted=False)


async def apply_deleted(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, invoice_id: uuid.UUID, event_id: uuid.UUID, version: int
) -> int | None:
    """Take the invoice's contribution out and leave a tombstone; returns the tenant's changes since
    its last insights, or None when already deleted."""
    async with pool.acquire() as conn, conn.transaction():
        row = await _lock_and_read(conn, invoice_id)
        if row is not None and row["deleted"]:
            return None
        await _move_summary(conn, tenant_id, _stored_summary(row), None)
        stored_version = row["extraction_version"] if row is not None else 0
        return await _write_fact(
            conn, tenant_id, invoice_id, event_id, max(version, stored_version), None, deleted=True
        )
