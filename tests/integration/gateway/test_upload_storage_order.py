"""An upload stores its file with no database connection held, and a file whose row is never written
does not stay behind in the store (real Postgres, NATS and JetStream object store)."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.support.gateway import gateway_settings, signup

from .pipeline import app_client, gateway_state, tenant_of, unique_png


class GatedStorage:
    """The real store, except that `put` waits until the test opens the gate."""

    def __init__(self, inner: Any, expected_puts: int = 1) -> None:
        self.inner = inner
        self.gate = asyncio.Event()
        self.entered = 0
        self.all_entered = asyncio.Event()
        self._expected = expected_puts

    async def put(self, *args: Any, **kwargs: Any) -> Any:
        self.entered += 1
        if self.entered >= self._expected:
            self.all_entered.set()
        await self.gate.wait()
        return await self.inner.put(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


async def _originals(storage: Any, tenant: object) -> list[str]:
    return [key async for key in storage.keys(f"tenants/{tenant}/") if "/original-" in key]


class TestUploadStorageOrder:
    """The object-store write happens outside any database transaction."""

    async def test_a_slow_store_leaves_the_database_to_other_requests(
        self, database_url, nats_url, namespace
    ):
        # One connection in the pool: if the upload held it while storing, the list below would wait.
        settings = gateway_settings(database_url, nats_url, namespace, db_pool_min=1, db_pool_max=1)
        async with app_client(settings) as client:
            alice = await signup(client)
            state = gateway_state(client)
            gated = GatedStorage(state.storage)
            state.storage = gated
            pending = asyncio.create_task(
                client.post("/api/invoices", headers=alice, files={"file": ("a.png", unique_png())})
            )
            try:
                await asyncio.wait_for(gated.all_entered.wait(), 20)
                listed = await asyncio.wait_for(client.get("/api/invoices", headers=alice), 20)
                assert listed.status_code == 200
            finally:
                gated.gate.set()  # never leave the upload waiting, whatever happened above
            assert (await pending).status_code == 202

    async def test_the_loser_of_a_duplicate_race_leaves_no_file(self, database_url, nats_url, namespace):
        settings = gateway_settings(database_url, nats_url, namespace)
        async with app_client(settings) as client:
            alice = await signup(client)
            tenant = await tenant_of(client, alice)
            state = gateway_state(client)
            inner = state.storage
            gated = GatedStorage(inner, expected_puts=2)
            state.storage = gated
            same_file = unique_png()
            racing = [
                asyncio.create_task(
                    client.post("/api/invoices", headers=alice, files={"file": (name, same_file)})
                )
                for name in ("first.png", "second.png")
            ]
            try:  # both passed the early duplicate check and are storing: only the row decides
                await asyncio.wait_for(gated.all_entered.wait(), 20)
            finally:
                gated.gate.set()
            statuses = sorted([(await task).status_code for task in racing])
            assert statuses == [202, 409]
            listed = (await client.get("/api/invoices", headers=alice)).json()
            kept = [invoice["id"] for invoice in listed["items"]]
            originals = await _originals(inner, tenant)
            assert len(kept) == 1 and len(originals) == 1 and f"/{kept[0]}/" in originals[0]
