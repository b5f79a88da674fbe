"""SQL of the live status feed: a tenant's status changes and what is visible yet."""

from __future__ import annotations

import uuid
from datetime import datetime

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


async def database_now(pool: asyncpg.Pool) -> datetime:
    return await pool.fetchval("SELECT clock_timestamp()")


async def writers_started_before(pool: asyncpg.Pool, moment: datetime) -> bool:
    """Does a transaction of this database that has written (it has an xid) and began before
    `moment` still run? Read fresh (pg_stat_activity lists every xid, the newest too)."""
    return bool(
        await pool.fetchval(
            """SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                              WHERE datname = current_database() AND backend_xid IS NOT NULL
                                AND xact_start < $1)""",
            moment,
        )
    )


async def is_visible(pool: asyncpg.Pool, change_id: int) -> bool:
    return bool(
        await pool.fetchval("SELECT EXISTS (SELECT 1 FROM invoice_status_history WHERE id = $1)", change_id)
    )


async def start_point(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, window: int, recent_seconds: float
) -> tuple[int, frozenset[int]]:
    """Where a stream "from now on" starts: before the oldest recent id not visible yet (its
    transaction may still commit: that change happens after the client came; the feed then waits
    for it or skips it), with the tenant's ids after that point that are already visible (those
    happened before). Recent: among the last `window` ids, from the oldest row written in the last
    `recent_seconds` (an older gap is a rollback, or a transaction the feed would stop waiting for
    anyway). One statement, so one snapshot decides all of it."""
    row = await pool.fetchrow(
        """WITH top AS (SELECT coalesce(max(id), 0) AS id FROM invoice_status_history),
                mine AS (SELECT coalesce(max(id), 0) AS id FROM invoice_status_history WHERE tenant_id = $1),
                recent AS (
                    SELECT coalesce(min(latest.id) - 1, (SELECT id FROM top)) AS floor
                    FROM (SELECT id, at FROM invoice_status_history ORDER BY id DESC LIMIT $2) AS latest
                    WHERE latest.at > now() - make_interval(secs => $3)
                ),
                missing AS (
                    SELECT min(candidate) AS id
                    FROM top, recent, generate_series(greatest(recent.floor, 1), top.id) AS candidate
                    WHERE NOT EXISTS (SELECT 1 FROM invoice_status_history h WHERE h.id = candidate)
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
        recent_seconds,
    )
    return int(row["cursor"]), frozenset(row["seen"])
