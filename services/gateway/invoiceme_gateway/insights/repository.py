"""SQL of a user's insight marks (read, dismissed): the gateway's own table, keyed by fingerprint."""

from __future__ import annotations

import uuid

import asyncpg


async def marks(pool: asyncpg.Pool, tenant_id: uuid.UUID) -> dict[str, asyncpg.Record]:
    rows = await pool.fetch(
        "SELECT fingerprint, read_at, dismissed_at FROM insight_marks WHERE tenant_id = $1", tenant_id
    )
    return {row["fingerprint"]: row for row in rows}


async def mark(pool: asyncpg.Pool, tenant_id: uuid.UUID, fingerprint: str, column: str) -> asyncpg.Record:
    """Set `column` (read_at | dismissed_at) to now unless already set; returns the marks."""
    if column not in ("read_at", "dismissed_at"):
        raise ValueError(column)
    return await pool.fetchrow(
        f"""INSERT INTO insight_marks (tenant_id, fingerprint, {column}) VALUES ($1, $2, now())
            ON CONFLICT (tenant_id, fingerprint)
            DO UPDATE SET {column} = coalesce(insight_marks.{column}, now())
            RETURNING read_at, dismissed_at""",
        tenant_id,
        fingerprint,
    )
