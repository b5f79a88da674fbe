"""Postgres side of the projection: the fact row and the aggregates change in one transaction."""

from __future__ import annotations

import uuid

import asyncpg

from .domain import Fact, deltas, is_newer


async def apply_invoice(
    pool: asyncpg.Pool,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    event_id: uuid.UUID,
    extraction_version: int,
    new: Fact | None,
) -> bool:
    """Replace the invoice's contribution; False when the event was already applied or is stale."""
    async with pool.acquire() as conn, conn.transaction():
        # Serialise events of one invoice (parallel workers, several instances).
        await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", str(invoice_id))
        row = await conn.fetchrow(
            "SELECT vendor, month, currency, total, extraction_version FROM analytics_invoice_facts"
            " WHERE invoice_id = $1",
            invoice_id,
        )
        if row is not None and not is_newer(extraction_version, row["extraction_version"]):
            return False
        has_old = row is not None and row["total"] is not None
        old = Fact(row["vendor"], row["month"], row["currency"], row["total"]) if has_old else None
        for delta in deltas(old, new):
            await conn.execute(
                """INSERT INTO analytics_aggregates (tenant_id, dimension, key, currency, invoice_count, total_sum)
                   VALUES ($1, $2, $3, $4, $5, $6)
                   ON CONFLICT (tenant_id, dimension, key, currency) DO UPDATE
                   SET invoice_count = analytics_aggregates.invoice_count + EXCLUDED.invoice_count,
                       total_sum = analytics_aggregates.total_sum + EXCLUDED.total_sum""",
                tenant_id, delta.dimension, delta.key, delta.currency, delta.count, delta.total,
            )
        await conn.execute(
            "DELETE FROM analytics_aggregates WHERE tenant_id = $1 AND invoice_count = 0 AND total_sum = 0",
            tenant_id,
        )
        await conn.execute(
            """INSERT INTO analytics_invoice_facts
                 (invoice_id, tenant_id, vendor, month, currency, total, extraction_version, last_event_id)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
               ON CONFLICT (invoice_id) DO UPDATE SET vendor = $3, month = $4, currency = $5, total = $6,
                 extraction_version = $7, last_event_id = $8, updated_at = now()""",
            invoice_id, tenant_id,
            *((new.vendor, new.month, new.currency, new.total) if new else (None, None, None, None)),
            extraction_version, event_id,
        )
    return True
