"""SQL for users, tenants, refresh tokens, the operator role and rate-limit buckets."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from invoiceme_gateway.accounts import revocations
from invoiceme_gateway.accounts.rate_limits import Limit


async def create_account(
    conn: asyncpg.Connection,
    email: str,
    password_hash: str,
    full_name: str,
    business_tax_id: str | None,
    base_currency: str,
    external_subject: str | None = None,
) -> tuple[uuid.UUID, uuid.UUID]:
    """Create a tenant and its first user; raises UniqueViolationError when the email exists."""
    user_id, tenant_id = uuid.uuid4(), uuid.uuid4()
    async with conn.transaction():
        await conn.execute(
            "INSERT INTO tenants (id, name, business_tax_id, base_currency) VALUES ($1, $2, $3, $4)",
            tenant_id,
            full_name or email,
            business_tax_id,
            base_currency,
        )
        await conn.execute(
            """INSERT INTO users (id, tenant_id, email, password_hash, full_name, external_subject)
               VALUES ($1, $2, $3, $4, $5, $6)""",
            user_id,
            tenant_id,
            email,
            password_hash,
            full_name,
            external_subject,
        )
    return user_id, tenant_id


async def find_login(pool: asyncpg.Pool, email: str) -> asyncpg.Record | None:
    return await pool.fetchrow("SELECT id, tenant_id, password_hash FROM users WHERE email = $1", email)


async def find_external(pool: asyncpg.Pool, subject: str, email: str | None) -> asyncpg.Record | None:
    """A Supabase user's local account: by Supabase id, else by email (and then linked)."""
    row = await pool.fetchrow("SELECT id, tenant_id FROM users WHERE external_subject = $1", subject)
    if row is None and email:
        row = await pool.fetchrow(
            "UPDATE users SET external_subject = $1 WHERE email = $2 AND external_subject IS NULL "
            "RETURNING id, tenant_id",
            subject,
            email,
        )
    return row


async def get_profile(pool: asyncpg.Pool, user_id: uuid.UUID, tenant_id: uuid.UUID) -> asyncpg.Record | None:
    return await pool.fetchrow(
        """SELECT u.id, u.email, u.full_name, t.id AS tenant_id, t.business_tax_id, t.base_currency,
                  u.created_at
           FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = $1 AND t.id = $2""",
        user_id,
        tenant_id,
    )


async def update_profile(
    conn: asyncpg.Connection, user_id: uuid.UUID, tenant_id: uuid.UUID, changes: dict[str, Any]
) -> None:
    if "full_name" in changes:
        await conn.execute(
            "UPDATE users SET full_name = $3 WHERE id = $1 AND tenant_id = $2",
            user_id,
            tenant_id,
            changes["full_name"],
        )
    if "business_id" in changes:
        await conn.execute(
            "UPDATE tenants SET business_tax_id = $2 WHERE id = $1", tenant_id, changes["business_id"]
        )
    if "base_currency" in changes:
        await conn.execute(
            "UPDATE tenants SET base_currency = $2 WHERE id = $1", tenant_id, changes["base_currency"]
        )


# --- refresh tokens ----------------------------------------------------------------------------
async def store_refresh(
    pool: asyncpg.Pool | asyncpg.Connection,
    token_hash: str,
    family_id: uuid.UUID,
    user_id: uuid.UUID,
    tenant_id: uuid.UUID,
    ttl: timedelta,
) -> None:
    await pool.execute(
        """INSERT INTO refresh_tokens (token_hash, family_id, user_id, tenant_id, expires_at)
           VALUES ($1, $2, $3, $4, $5)""",
        token_hash,
        family_id,
        user_id,
        tenant_id,
        datetime.now(UTC) + ttl,
    )


async def consume_refresh(conn: asyncpg.Connection, token_hash: str) -> tuple[str, asyncpg.Record | None]:
    """Mark a refresh token used. Returns ("ok", row), ("reused", row) after revoking its family,
    or ("invalid", None) for unknown, expired or revoked tokens."""
    row = await conn.fetchrow("SELECT * FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE", token_hash)
    if row is None or row["revoked_at"] is not None or row["expires_at"] <= datetime.now(UTC):
        return "invalid", None
    if row["used_at"] is not None:
        await revoke_family(conn, row["family_id"])
        return "reused", row
    await conn.execute("UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1", token_hash)
    return "ok", row


# Every revocation NOTIFYs in its own statement (delivered when it commits), so each gateway
# process's in-memory list (accounts/revocations.py) hears of it without asking per request.
async def revoke_family(conn: asyncpg.Connection | asyncpg.Pool, family_id: uuid.UUID) -> None:
    await conn.execute(
        """WITH revoked AS (UPDATE refresh_tokens SET revoked_at = now()
                            WHERE family_id = $1 AND revoked_at IS NULL)
           SELECT pg_notify($2, $3)""",
        family_id,
        revocations.CHANNEL,
        revocations.family_payload(family_id),
    )


async def revoke_user_refresh_tokens(pool: asyncpg.Pool, user_id: uuid.UUID) -> None:
    await pool.execute(
        """WITH revoked AS (UPDATE refresh_tokens SET revoked_at = now()
                            WHERE user_id = $1 AND revoked_at IS NULL RETURNING family_id)
           SELECT pg_notify($2, $3::text || family_id::text)
           FROM (SELECT DISTINCT family_id FROM revoked) families""",
        user_id,
        revocations.CHANNEL,
        revocations.FAMILY_PREFIX,
    )


async def revoke_access_token(
    pool: asyncpg.Pool | asyncpg.Connection, token_id: uuid.UUID, expires_at: datetime
) -> None:
    await pool.execute(
        """WITH revoked AS (INSERT INTO revoked_tokens (jti, expires_at) VALUES ($1, $2)
                            ON CONFLICT DO NOTHING)
           SELECT pg_notify($3, $4)""",
        token_id,
        expires_at,
        revocations.CHANNEL,
        revocations.token_payload(token_id, expires_at),
    )


# --- rate limits (leaky buckets, migration 0051) --------------------------------------------------
# The bucket's level now: drained by one per refill interval ($3) since it last changed.
_DRAINED = "greatest(0, b.level - extract(epoch FROM now() - b.updated_at) / $3::float8)"
_TAKE = f"""INSERT INTO rate_buckets AS b (key, level, taken) VALUES ($1, 1, 1 <= $2::float8)
    ON CONFLICT (key) DO UPDATE SET
        level = CASE WHEN {_DRAINED} + 1 <= $2::float8 THEN {_DRAINED} + 1 ELSE {_DRAINED} END,
        taken = {_DRAINED} + 1 <= $2::float8,
        updated_at = now()
    RETURNING level, taken"""


async def take(pool: asyncpg.Pool, key: str, limit: Limit) -> int:
    """Take one attempt from the key's bucket in one statement (no race between check and record).
    Returns 0 when taken, else the seconds to wait; a refused attempt adds nothing to the bucket."""
    if limit.burst <= 0:
        return 0
    row = await pool.fetchrow(_TAKE, key, limit.burst, limit.refill_seconds)
    return 0 if row["taken"] else limit.wait_seconds(row["level"])


async def forget(pool: asyncpg.Pool, key: str) -> None:
    await pool.execute("DELETE FROM rate_buckets WHERE key = $1", key)


async def find_refresh(pool: asyncpg.Pool, token_hash: str) -> asyncpg.Record | None:
    return await pool.fetchrow(
        "SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1", token_hash
    )


async def is_revoked(pool: asyncpg.Pool, token_id: uuid.UUID, family_id: uuid.UUID | None) -> bool:
    """The access token was signed out, or its refresh-token family was revoked."""
    return bool(
        await pool.fetchval(
            """SELECT EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = $1)
                   OR EXISTS (SELECT 1 FROM refresh_tokens
                              WHERE family_id = $2 AND revoked_at IS NOT NULL)""",
            token_id,
            family_id,
        )
    )


# --- operator role ---------------------------------------------------------------------------
async def is_admin(pool: asyncpg.Pool, user_id: uuid.UUID) -> bool:
    return bool(await pool.fetchval("SELECT admin_granted_at IS NOT NULL FROM users WHERE id = $1", user_id))


async def set_admin(pool: asyncpg.Pool, email: str, admin: bool) -> bool:
    """Grant or withdraw the operator role of an existing account; False when no account has the email."""
    return (
        await pool.fetchval(
            """UPDATE users SET admin_granted_at = CASE WHEN $2 THEN coalesce(admin_granted_at, now()) END
               WHERE email = $1 RETURNING id""",
            email,
            admin,
        )
        is not None
    )


async def list_admins(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    return await pool.fetch(
        "SELECT email, admin_granted_at FROM users WHERE admin_granted_at IS NOT NULL ORDER BY email"
    )
