"""SQL of the live status feed: a tenant's status changes and what is visible yet."""

from __future__ import annotations

import uuid

import asyncpg


async def latest_change_id(pool: asyncpg.Pool, tenant_id: uuid.UUID) -> int:
    return int(
        await pool.fetchval(
            "SELECT coalesce(max(id), 0) FROM invoice_status_history WHERE tenant_id = $1", tenant_id
        )
    )


async def changes_after(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, after_id: int, limit: int
) -> list[asyncpg.Record]:
    return await pool.fetch(
        """SELECT id, invoice_id, status, error, at FROM invoice_status_history
           WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3""",
        tenant_id,
        after_id,
        limit,
    )


async def visible_ids(pool: asyncpg.Pool, after_id: int, up_to: int, limit: int) -> list[int]:
    """Committed change ids in (after_id, up_to], every tenant's (ids come from one sequence)."""
    rows = await pool.fetch(
        "SELECT id FROM invoice_status_history WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3",
        after_id,
        up_to,
        limit,
    )
    return [row["id"] for row in rows]


async def running_transactions(pool: asyncpg.Pool) -> frozenset[str]:
    return frozenset(
        await pool.fetchval(
            "SELECT coalesce(array_agg(x::text), '{}') FROM pg_snapshot_xip(pg_current_snapshot()) AS x"
        )
    )
