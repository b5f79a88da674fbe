"""The one query of the health check."""

from __future__ import annotations

import asyncpg


async def ping(pool: asyncpg.Pool) -> bool:
    return await pool.fetchval("SELECT 1") == 1
