"""Read API of the tenant settings other services need (the gateway's accounts own `tenants`)."""

from __future__ import annotations

import uuid

import asyncpg

DEFAULT_BASE_CURRENCY = "ILS"


async def base_currency(
    conn: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID, for_share: bool = False
) -> str:
    """The currency analytics shows the tenant's figures in. `for_share` (inside a transaction)
    holds the row, so a concurrent change of currency waits until the transaction ends."""
    lock = " FOR SHARE" if for_share else ""
    value = await conn.fetchval(f"SELECT base_currency FROM tenants WHERE id = $1{lock}", tenant_id)
    return value or DEFAULT_BASE_CURRENCY
