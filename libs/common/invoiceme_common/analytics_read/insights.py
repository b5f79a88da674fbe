"""Read API of the analytics service's insights (the findings; a user's marks live elsewhere)."""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

COLUMNS = """id, kind, fingerprint, severity, period, business_id, invoice_ids, data, narrative,
             narrative_source, created_at, updated_at"""


ORDER = "CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, updated_at DESC, id"


async def current_insights(pool: asyncpg.Pool, tenant_id: uuid.UUID) -> list[asyncpg.Record]:
    """The tenant's current findings, most severe first, then most recently updated."""
    return await pool.fetch(
        f"SELECT {COLUMNS} FROM insights WHERE tenant_id = $1 ORDER BY {ORDER}", tenant_id
    )


async def insights_page(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, hidden: list[str], limit: int, offset: int
) -> tuple[list[asyncpg.Record], int]:
    """One page of current_insights' order without the `hidden` fingerprints, and how many there are
    in all (a tenant with 100,000 invoices may have thousands: the page, not the whole list, is
    turned into JSON)."""
    rows = await pool.fetch(
        f"""SELECT {COLUMNS}, count(*) OVER () AS matching FROM insights
            WHERE tenant_id = $1 AND fingerprint <> ALL($2::text[])
            ORDER BY {ORDER} LIMIT $3 OFFSET $4""",
        tenant_id,
        hidden,
        limit,
        offset,
    )
    if rows:
        return rows, int(rows[0]["matching"])
    total = await pool.fetchval(
        "SELECT count(*) FROM insights WHERE tenant_id = $1 AND fingerprint <> ALL($2::text[])",
        tenant_id,
        hidden,
    )
    return [], int(total)


async def insight(pool: asyncpg.Pool, tenant_id: uuid.UUID, insight_id: uuid.UUID) -> asyncpg.Record | None:
    return await pool.fetchrow(
        f"SELECT {COLUMNS} FROM insights WHERE tenant_id = $1 AND id = $2", tenant_id, insight_id
    )


async def generated_at(pool: asyncpg.Pool, tenant_id: uuid.UUID) -> datetime | None:
    """When the detectors last read the tenant's facts (None: never)."""
    value: datetime | None = await pool.fetchval(
        "SELECT insights_generated_at FROM analytics_tenant_state WHERE tenant_id = $1", tenant_id
    )
    return value
