"""SQL of the analytics routes that the read API in invoiceme_common.analytics_read does not cover."""

from __future__ import annotations

import uuid

import asyncpg


async def aggregates(pool: asyncpg.Pool, tenant_id: uuid.UUID) -> list[asyncpg.Record]:
    return await pool.fetch(
        """SELECT dimension, key, currency, invoice_count, total_sum FROM analytics_aggregates
           WHERE tenant_id = $1 ORDER BY dimension, key, currency""",
        tenant_id,
    )
