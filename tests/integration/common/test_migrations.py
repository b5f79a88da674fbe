"""Migrations against real Postgres (the storage contract is in test_storage_contract.py)."""

from __future__ import annotations

import asyncio
import re
import uuid
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from invoiceme_common.db import MigrationChanged, changed_migrations, checksum, migrate, migration_files


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

    async def test_a_changed_applied_migration_is_refused(self, infra):
        name = f"invoiceme_mig_{uuid.uuid4().hex[:8]}"
        url = urlunsplit(urlsplit(infra.database_url)._replace(path=f"/{name}"))
        first = migration_files()[0][0]
        try:
            await migrate(url)
            conn = await asyncpg.connect(url)
            try:
                await conn.execute("UPDATE schema_migrations SET checksum = NULL WHERE name = $1", first)
                assert await migrate(url) == []  # applied before checksums were kept: adopted
                assert await conn.fetchval(
                    "SELECT checksum FROM schema_migrations WHERE name = $1", first
                ) == checksum(migration_files()[0][1])
                await conn.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE name = $1", first)
                with pytest.raises(MigrationChanged, match=first):
                    await migrate(url)
            finally:
                await conn.close()
        finally:
            admin = await asyncpg.connect(urlunsplit(urlsplit(infra.database_url)._replace(path="/postgres")))
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await admin.close()

    def test_changed_migrations_compares_recorded_checksums(self):
        files = [("0001_a.sql", "CREATE TABLE a ();"), ("0002_b.sql", "CREATE TABLE b ();")]
        recorded = {"0001_a.sql": checksum("CREATE TABLE a ();"), "0002_b.sql": checksum("old text")}
        assert changed_migrations(recorded, files) == ["0002_b.sql"]
        assert changed_migrations({"0001_a.sql": None}, files) == []

    def test_each_table_is_created_once_with_no_order_guards(self):
        created = [
            table
            for _, sql in migration_files()
            for table in re.findall(r"CREATE TABLE (IF NOT EXISTS )?([a-z_]+)", sql)
        ]
        assert [guard for guard, _ in created if guard] == []
        names = [table for _, table in created]
        assert len(names) == len(set(names))

    def test_migrations_are_numbered_and_unique(self):
        names = [name for name, _ in migration_files()]
        numbers = [name.split("_", 1)[0] for name in names]
        assert all(n.isdigit() and len(n) == 4 for n in numbers)
        assert len(set(numbers)) == len(numbers)
