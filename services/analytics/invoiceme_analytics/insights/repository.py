"""SQL of insights (the analytics service writes them): upsert by fingerprint, drop resolved ones.
Reads for other services live in invoiceme_common.analytics_read.insights; a user's read/dismiss
marks are the gateway's (insight_marks, keyed by fingerprint, so they survive refreshes)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg

from .detectors import Insight


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
    """Findings no longer true go away (a user's dismissal is kept by fingerprint in insight_marks)."""
    await conn.execute(
        "DELETE FROM insights WHERE tenant_id = $1 AND NOT (fingerprint = ANY($2::text[]))",
        tenant_id,
        current,
    )


async def reset_changes(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, observed: int, facts_read_at: datetime
) -> None:
    """Subtract the changes this generation saw (not reset to 0: changes made meanwhile still count).
    `insights_generated_at` is when the facts were read, so a refresh asked for after that moment
    is not taken as done by a run that began before it."""
    await conn.execute(
        """INSERT INTO analytics_tenant_state (tenant_id, changes_since_insights, insights_generated_at)
           VALUES ($1, 0, $3) ON CONFLICT (tenant_id) DO UPDATE
           SET changes_since_insights = GREATEST(0, analytics_tenant_state.changes_since_insights - $2),
               insights_generated_at = GREATEST(analytics_tenant_state.insights_generated_at, $3)""",
        tenant_id,
        observed,
        facts_read_at,
    )


async def tenants_with_changes(pool: asyncpg.Pool) -> list[uuid.UUID]:
    rows = await pool.fetch("SELECT tenant_id FROM analytics_tenant_state WHERE changes_since_insights > 0")
    return [row["tenant_id"] for row in rows]


async def changes_since(pool: asyncpg.Pool, tenant_id: uuid.UUID) -> int:
    value = await pool.fetchval(
        "SELECT changes_since_insights FROM analytics_tenant_state WHERE tenant_id = $1", tenant_id
    )
    return int(value or 0)
