"""SQL of the live status feed: a tenant's status changes and what is visible yet."""

from __future__ import annotations

import uuid

import asyncpg


async def changes_after(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, after_id: int, limit: int
) -> list[asyncpg.Record]:
    return await conn.fetch(
        """SELECT id, invoice_id, status, error, at FROM invoice_status_history
           WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3""",
        tenant_id,
        after_id,
        limit,
    )


async def visible_ids(conn: asyncpg.Connection, after_id: int, up_to: int, limit: int) -> list[int]:
    """Committed change ids in (after_id, up_to], every tenant's (ids come from one sequence)."""
    rows = await conn.fetch(
        "SELECT id FROM invoice_status_history WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3",
        after_id,
        up_to,
        limit,
    )
    return [row["id"] for row in rows]


async def running_transactions(conn: asyncpg.Connection) -> frozenset[str]:
    """Transactions in progress in the caller's snapshot (the feed reads everything in one)."""
    return frozenset(
        await conn.fetchval(
            "SELECT coalesce(array_agg(x::text), '{}') FROM pg_snapshot_xip(pg_current_snapshot()) AS x"
        )
    )


async def start_point(pool: asyncpg.Pool, tenant_id: uuid.UUID, window: int) -> tuple[int, frozenset[int]]:
    """Where a stream "from now on" starts: before the oldest id of the last `window` that is not
    visible while transactions run (one may still commit it: it happens after the client came), with
    the tenant's ids after that point that are already visible (those happened before)."""
    row = await pool.fetchrow(
        """WITH top AS (SELECT coalesce(max(id), 0) AS id FROM invoice_status_history),
                mine AS (SELECT coalesce(max(id), 0) AS id FROM invoice_status_history WHERE tenant_id = $1),
                missing AS (
                    SELECT min(candidate) AS id
                    FROM top, generate_series(greatest(top.id - $2, 0) + 1, top.id) AS candidate
                    WHERE NOT EXISTS (SELECT 1 FROM invoice_status_history h WHERE h.id = candidate)
                      AND EXISTS (SELECT 1 FROM pg_snapshot_xip(pg_current_snapshot()))
                ),
                start AS (
                    SELECT least(mine.id, coalesce(missing.id - 1, mine.id)) AS cursor, mine.id AS latest
                    FROM mine, missing
                )
           SELECT start.cursor,
                  coalesce((SELECT array_agg(h.id) FROM invoice_status_history h
                            WHERE h.tenant_id = $1 AND h.id > start.cursor AND h.id <= start.latest),
                           '{}') AS seen
           FROM start""",
        tenant_id,
        window,
    )
    return int(row["cursor"]), frozenset(row["seen"])
