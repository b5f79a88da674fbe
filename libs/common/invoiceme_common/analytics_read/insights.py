"""Read API of the analytics service's insights (the findings; a user's marks live elsewhere)."""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

COLUMNS = """id, kind, fingerprint, severity, period, business_id, invoice_ids, data, narrative,
             narrative_source, created_at, updated_at"""


async def current_insights(pool: asyncpg.Pool, tenant_id: uuid.UUID) -> list[asyncpg.Record]:
    """The tenant's current findings, most severe first, then most recently updated."""
    return await pool.fetch(
        f"""SELECT {COLUMNS} FROM insights WHERE tenant_id = $1
            ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
                     updated_at DESC, id""",
        tenant_id,
    )


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
