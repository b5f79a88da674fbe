"""Migrations against real Postgres (the storage contract is in test_storage_contract.py)."""

from __future__ import annotations

import asyncio
import uuid
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from invoiceme_common.db import migrate, migration_files


class TestMigrations:
    """Services starting at once apply each migration exactly once."""

    async def test_concurrent_migrate_on_a_fresh_database(self, infra):
        name = f"invoiceme_mig_{uuid.uuid4().hex[:8]}"
        url = urlunsplit(urlsplit(infra.database_url)._replace(path=f"/{name}"))
        try:
            results = await asyncio.gather(*(migrate(url) for _ in range(4)))
            applied = [names for names in results if names]
            assert len(applied) == 1, "exactly one caller applies the migrations"
            assert applied[0] == [name for name, _ in migration_files()]
            conn = await asyncpg.connect(url)
            try:
                recorded = await conn.fetchval("SELECT count(*) FROM schema_migrations")
                assert recorded == len(migration_files())
            finally:
                await conn.close()
            assert await migrate(url) == []  # idempotent
        finally:
            admin = await asyncpg.connect(urlunsplit(urlsplit(infra.database_url)._replace(path="/postgres")))
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await admin.close()

    def test_migrations_are_numbered_and_unique(self):
        names = [name for name, _ in migration_files()]
        numbers = [name.split("_", 1)[0] for name in names]
        assert all(n.isdigit() and len(n) == 4 for n in numbers)
        assert len(set(numbers)) == len(numbers)
