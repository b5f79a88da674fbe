"""SQL of insights: upsert by fingerprint (read/dismissed state survives refreshes), list, mark."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from .detectors import Insight

_COLUMNS = """id, kind, severity, period, business_id, invoice_ids, data, narrative, narrative_source,
              created_at, updated_at, read_at, dismissed_at"""


async def known_fingerprints(conn: asyncpg.Connection, tenant_id: uuid.UUID) -> dict[str, dict[str, Any]]:
    rows = await conn.fetch("SELECT fingerprint, data FROM insights WHERE tenant_id = $1", tenant_id)
    return {row["fingerprint"]: row["data"] for row in rows}


async def save(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, insight: Insight, narrative: str, source: str
) -> None:
    await conn.execute(
        """INSERT INTO insights (id, tenant_id, kind, fingerprint, severity, period, business_id, invoice_ids,
                                 data,
                                 narrative, narrative_source)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (tenant_id, fingerprint) DO UPDATE
           SET severity = EXCLUDED.severity, data = EXCLUDED.data,
             invoice_ids = EXCLUDED.invoice_ids, narrative = EXCLUDED.narrative,
             narrative_source = EXCLUDED.narrative_source, updated_at = now()""",
        uuid.uuid4(),
        tenant_id,
        insight.kind,
        insight.fingerprint,
        insight.severity,
        insight.period,
        insight.business_id,
        list(insight.invoice_ids),
        insight.data,
        narrative,
        source,
    )


async def drop_resolved(conn: asyncpg.Connection, tenant_id: uuid.UUID, current: list[str]) -> None:
    """Findings no longer true go away unless the user dismissed them (kept so they stay dismissed)."""
    await conn.execute(
        "DELETE FROM insights WHERE tenant_id = $1 AND dismissed_at IS NULL"
        " AND NOT (fingerprint = ANY($2::text[]))",
        tenant_id,
        current,
    )


async def reset_changes(conn: asyncpg.Connection, tenant_id: uuid.UUID, observed: int) -> None:
    """Subtract the changes this generation saw (not reset to 0: changes made meanwhile still count)."""
    await conn.execute(
        """INSERT INTO analytics_tenant_state (tenant_id, changes_since_insights, insights_generated_at)
           VALUES ($1, 0, now()) ON CONFLICT (tenant_id) DO UPDATE
           SET changes_since_insights = GREATEST(0, analytics_tenant_state.changes_since_insights - $2),
               insights_generated_at = now()""",
        tenant_id,
        observed,
    )


async def tenants_with_changes(pool: asyncpg.Pool) -> list[uuid.UUID]:
    rows = await pool.fetch("SELECT tenant_id FROM analytics_tenant_state WHERE changes_since_insights > 0")
    return [row["tenant_id"] for row in rows]


async def changes_since(pool: asyncpg.Pool, tenant_id: uuid.UUID) -> int:
    value = await pool.fetchval(
        "SELECT changes_since_insights FROM analytics_tenant_state WHERE tenant_id = $1", tenant_id
    )
    return int(value or 0)


async def list_insights(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, include_dismissed: bool = False
) -> list[asyncpg.Record]:
    return await pool.fetch(
        f"""SELECT {_COLUMNS} FROM insights WHERE tenant_id = $1 AND ($2 OR dismissed_at IS NULL)
            ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
                     updated_at DESC, id""",
        tenant_id,
        include_dismissed,
    )


async def get_insight(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, insight_id: uuid.UUID
) -> asyncpg.Record | None:
    return await pool.fetchrow(
        f"SELECT {_COLUMNS} FROM insights WHERE tenant_id = $1 AND id = $2", tenant_id, insight_id
    )


async def mark(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, insight_id: uuid.UUID, column: str
) -> asyncpg.Record | None:
    if column not in ("read_at", "dismissed_at"):
        raise ValueError(column)
    return await pool.fetchrow(
        f"""UPDATE insights SET {column} = COALESCE({column}, now()) WHERE tenant_id = $1 AND id = $2
            RETURNING {_COLUMNS}""",
        tenant_id,
        insight_id,
    )
