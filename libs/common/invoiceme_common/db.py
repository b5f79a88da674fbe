"""asyncpg pool and plain-SQL migrations applied in order.

Migrations run under a transaction-scoped advisory lock, so several services starting at once
apply each file exactly once; the others wait and then find nothing to do. Each applied file's
SHA-256 is recorded: a file changed after it was applied is refused (a new migration must make the
change), so every database really has the schema the files in the repository describe.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from .logging import get_logger

log = get_logger(__name__)
_MIGRATION_LOCK_KEY = 0x1A7_01CE  # any constant shared by all InvoiceMe processes


async def _init_connection(conn: asyncpg.Connection) -> None:
    for type_name in ("json", "jsonb"):
        await conn.set_type_codec(type_name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Released connections skip asyncpg's default reset query (advisory unlock, CLOSE ALL,
    UNLISTEN *, RESET ALL): one round trip per release, ~8 % of the gateway's CPU under 50
    concurrent uploads. Nothing here keeps session state on a pooled connection: advisory locks and
    set_config are transaction-scoped, LISTEN has dedicated connections. asyncpg still rolls back
    a transaction left open."""


async def create_pool(
    database_url: str, min_size: int = 1, max_size: int = 5, command_timeout: float | None = None
) -> asyncpg.Pool:
    pool = await asyncpg.create_pool(
        database_url,
        min_size=min_size,
        max_size=max_size,
        init=_init_connection,
        reset=_keep_session,
        command_timeout=command_timeout,
        timeout=30,  # connecting: a paused server accepts the TCP connection and then says nothing
    )
    assert pool is not None
    return pool


def _database_name(database_url: str) -> str:
    return urlsplit(database_url).path.lstrip("/") or "postgres"


async def ensure_database(database_url: str) -> None:
    """Create the database named in the URL when it does not exist yet (fresh machines)."""
    name = _database_name(database_url)
    try:
        conn = await asyncpg.connect(database_url)
    except asyncpg.InvalidCatalogNameError:
        parts = urlsplit(database_url)
        admin = await asyncpg.connect(urlunsplit(parts._replace(path="/postgres")))
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
        except (asyncpg.DuplicateDatabaseError, asyncpg.UniqueViolationError):
            pass  # another service won the race (Postgres reports either, depending on timing)
        finally:
            await admin.close()
    else:
        await conn.close()


def migration_files() -> list[tuple[str, str]]:
    folder = resources.files("invoiceme_common") / "migrations"
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".sql")), key=lambda p: p.name)
    return [(p.name, p.read_text(encoding="utf-8")) for p in files]


def checksum(sql: str) -> str:
    return hashlib.sha256(sql.encode("utf-8")).hexdigest()


class MigrationChanged(RuntimeError):
    """An applied migration's file no longer matches what was applied."""


def changed_migrations(recorded: dict[str, str | None], files: list[tuple[str, str]]) -> list[str]:
    """Names of applied files whose content changed since (pure; None = applied before checksums)."""
    return [name for name, sql in files if recorded.get(name) is not None and recorded[name] != checksum(sql)]


async def migrate(database_url: str) -> list[str]:
    """Apply pending migrations; returns the names applied by this call. Raises MigrationChanged
    (applying nothing) when an already-applied file was edited."""
    await ensure_database(database_url)
    conn = await asyncpg.connect(database_url)
    applied_now: list[str] = []
    try:
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", _MIGRATION_LOCK_KEY)
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            await conn.execute("ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text")
            rows = await conn.fetch("SELECT name, checksum FROM schema_migrations")
            recorded = {row["name"]: row["checksum"] for row in rows}
            files = migration_files()
            changed = changed_migrations(recorded, files)
            if changed:
                raise MigrationChanged(
                    f"migration file(s) {', '.join(changed)} changed after they were applied to this "
                    "database; restore them as they were and put the change in a new migration"
                )
            for name, sql in files:
                if name in recorded:
                    if recorded[name] is None:  # applied before checksums were kept: adopt it
                        await conn.execute(
                            "UPDATE schema_migrations SET checksum = $2 WHERE name = $1", name, checksum(sql)
                        )
                    continue
                await conn.execute(sql)
                await conn.execute(
                    "INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)", name, checksum(sql)
                )
                applied_now.append(name)
    finally:
        await conn.close()
    if applied_now:
        log.info("migrations_applied", names=applied_now)
    return applied_now
