"""Live status over Server-Sent Events, against a real HTTP server (streams need a real socket)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
import uvicorn

from invoiceme_gateway.app import create_app
from tests.support.gateway import gateway_settings, signup

from .pipeline import simulate_extraction, tenant_of, upload


@asynccontextmanager
async def served(settings) -> AsyncIterator[str]:
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on"))
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn exposes only this flag
        await asyncio.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 10)


@pytest.fixture
async def base_url(database_url: str, nats_url: str, namespace: str):
    async with served(gateway_settings(database_url, nats_url, namespace, sse_poll_seconds=5.0)) as url:
        yield url


class SseReader:
    def __init__(self, response: httpx.Response) -> None:
        self._lines = response.aiter_lines()

    async def next_event(self, within: float = 5.0) -> dict:
        """The next `status` event (skipping retry/keep-alive lines)."""
        event: dict = {}
        async with asyncio.timeout(within):
            async for line in self._lines:
                if line.startswith("id: "):
                    event["id"] = int(line[4:])
                elif line.startswith("data: "):
                    event["data"] = json.loads(line[6:])
                elif line == "" and "data" in event:
                    return event
        raise AssertionError("stream ended")


@asynccontextmanager
async def stream(client: httpx.AsyncClient, token: str, **headers: str) -> AsyncIterator[SseReader]:
    async with client.stream(
        "GET", "/api/events", headers={"Authorization": f"Bearer {token}", **headers}
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        yield SseReader(response)


def _token(headers: dict[str, str]) -> str:
    return headers["Authorization"].removeprefix("Bearer ")


class TestLiveStatus:
    """A tenant sees its own invoices move through the pipeline, and resumes after a reconnect."""

    async def test_status_changes_stream_and_resume(self, base_url, db):
        async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:
            alice, bob = await signup(client), await signup(client)
            tenant = await tenant_of(client, alice)
            async with (
                stream(client, _token(alice)) as alice_events,
                stream(client, _token(bob)) as bob_events,
            ):
                invoice_id = await upload(client, alice)
                received = await alice_events.next_event()
                assert received["data"]["invoice_id"] == invoice_id
                assert received["data"]["status"] == "received"
                await simulate_extraction(db, tenant, invoice_id, {"vendor_name": "X"})
                extracted = await alice_events.next_event()
                assert (extracted["data"]["status"], extracted["id"] > received["id"]) == ("extracted", True)
                bob_invoice = await upload(client, bob)
                assert (await bob_events.next_event())["data"]["invoice_id"] == bob_invoice  # never Alice's
            # Reconnect with Last-Event-ID: the missed change comes first.
            async with stream(client, _token(alice), **{"Last-Event-ID": str(received["id"])}) as resumed:
                again = await resumed.next_event()
                assert (again["id"], again["data"]["status"]) == (extracted["id"], "extracted")

    async def test_a_new_stream_gets_a_change_committed_as_it_connects(self, base_url, db):
        # Under load a change can be mid-commit when the page opens its stream, with a later change
        # of the tenant already visible: starting after the newest id lost the earlier one for good.
        async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:
            alice = await signup(client)
            tenant = await tenant_of(client, alice)
            first = await upload(client, alice)
            async with db.acquire() as slow:
                transaction = slow.transaction()
                await transaction.start()
                in_flight = await slow.fetchval(
                    """INSERT INTO invoice_status_history (invoice_id, tenant_id, status)
                       VALUES ($1, $2, 'failed') RETURNING id""",
                    uuid.UUID(first),
                    tenant,
                )
                await upload(client, alice)  # a later change, visible before the stream starts
                async with stream(client, _token(alice)) as events:
                    await transaction.commit()
                    # Other sessions' transactions on a shared server may hold the feed up to its wait.
                    event = await events.next_event(within=40.0)
        assert (event["id"], event["data"]["status"]) == (in_flight, "failed")

    async def test_needs_a_token(self, base_url):
        async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:
            response = await client.get("/api/events")
            assert response.status_code == 401
            assert response.json()["error"]["code"] == "unauthorized"
            bad = await client.get("/api/events", params={"access_token": "nope"})
            assert bad.status_code == 401
