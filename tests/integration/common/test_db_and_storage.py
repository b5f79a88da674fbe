"""Migrations and original-file storage against real Postgres and NATS."""

from __future__ import annotations

import asyncio
import uuid
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import nats
import pytest

from invoiceme_common.db import migrate, migration_files
from invoiceme_common.storage import LocalFileStorage, NatsObjectStorage, StoredObjectMissing


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


class TestStorage:
    """Originals round-trip through the JetStream Object Store and the local folder alike."""

    @pytest.fixture(params=["nats", "local"])
    async def storage(self, request, nats_url, namespace, tmp_path):
        if request.param == "local":
            yield LocalFileStorage(tmp_path)
            return
        nc = await nats.connect(nats_url)
        js = nc.jetstream()
        yield NatsObjectStorage(js, f"{namespace}-originals")
        await js.delete_object_store(f"{namespace}-originals")
        await nc.close()

    async def test_put_get_delete(self, storage):
        data = bytes(range(256)) * 2000  # 512 KB: several object-store chunks
        await storage.put("originals/t/1", data)
        assert await storage.get("originals/t/1") == data
        await storage.delete("originals/t/1")
        with pytest.raises(StoredObjectMissing):
            await storage.get("originals/t/1")
        await storage.delete("originals/t/1")  # deleting twice is fine

    @pytest.mark.parametrize("key", ["../etc/passwd", "/abs", "a/../../b", ""])
    async def test_unsafe_keys_are_refused(self, storage, key):
        with pytest.raises(ValueError):
            await storage.put(key, b"x")
