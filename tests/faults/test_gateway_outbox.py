"""With NATS down, the gateway still answers reads and accepts edits: the events wait in the outbox
and are published once NATS is back (issue 11: no request handler publishes; GET never does)."""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
import uuid
from pathlib import Path

import nats
import pytest

from tests.integration.gateway.pipeline import simulate_extraction, simulate_ocr, tenant_of, upload
from tests.support.gateway import gateway_settings, signup
from tests.support.private_infra import PrivateNats

pytestmark = [pytest.mark.faults]


async def test_an_edit_during_a_nats_outage_is_published_afterwards(database_url, db):
    from tests.integration.gateway.pipeline import app_client, gateway_state

    folder = Path(tempfile.mkdtemp(prefix="invoiceme-outbox-"))
    server = PrivateNats(folder).start()
    namespace = f"ob{uuid.uuid4().hex[:8]}"
    try:
        settings = gateway_settings(database_url, server.url, namespace, outbox_poll_seconds=0.2)
        async with app_client(settings) as client:
            alice = await signup(client)
            tenant = await tenant_of(client, alice)
            invoice_id = await upload(client, alice)
            await simulate_ocr(db, gateway_state(client).storage, tenant, invoice_id, "Total 10")
            await simulate_extraction(db, tenant, invoice_id, {"vendor_name": "Old", "total": 10.0})

            server.kill()
            listed = await client.get("/api/invoices", headers=alice)
            assert listed.status_code == 200 and [i["id"] for i in listed.json()["items"]] == [invoice_id]
            edited = await client.patch(
                f"/api/invoices/{invoice_id}", headers=alice, json={"fields": {"total": 12.5}}
            )
            assert edited.status_code == 200, edited.text
            pending = await db.fetchval(
                "SELECT count(*) FROM outbox WHERE invoice_id = $1::uuid AND published_at IS NULL", invoice_id
            )
            assert pending >= 1  # written with the edit, waiting for NATS

            server.start()  # same port and store: the stream is still there
            connection = await nats.connect(server.url)
            try:
                js = connection.jetstream()
                subject = f"{namespace}.invoice.saved"
                for _ in range(150):
                    unpublished = await db.fetchval(
                        "SELECT count(*) FROM outbox WHERE invoice_id = $1::uuid AND published_at IS NULL",
                        invoice_id,
                    )
                    if not unpublished:
                        break
                    await asyncio.sleep(0.2)
                assert not unpublished
                message = await js.get_last_msg(f"{namespace.upper()}_INVOICES", subject)
                event = json.loads(message.data)
                assert event["invoice_id"] == invoice_id and event["total"] == 12.5
            finally:
                await connection.close()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
