"""Per-tenant quotas on what may spend the LLM budget (re-extract, insights refresh): one tenant
cannot use up everyone's free-tier requests."""

from __future__ import annotations

import uuid

import pytest

from tests.support.gateway import gateway_client, gateway_settings, signup


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    settings = gateway_settings(
        database_url, nats_url, namespace, tenant_llm_burst=2, tenant_llm_refill_seconds=600
    )
    async with gateway_client(settings) as c:
        yield c


async def _settle(db, invoice_id: uuid.UUID) -> None:
    """Through the pipeline's steps to extracted, as the services would move it."""
    await db.execute(
        "UPDATE invoices SET status = 'ocr_done' WHERE id = $1 AND status = 'received'", invoice_id
    )
    await db.execute("UPDATE invoices SET status = 'extracted' WHERE id = $1", invoice_id)


async def _extracted_invoice(client, headers, db) -> uuid.UUID:
    pdf = b"%PDF-1.4\n% " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
    upload = await client.post("/api/invoices", headers=headers, files={"file": ("a.pdf", pdf)})
    invoice_id = uuid.UUID(upload.json()["id"])
    await _settle(db, invoice_id)
    return invoice_id


class TestLlmQuotas:
    """Past the tenant's burst: 429 with Retry-After; other tenants and offline rules are not limited."""

    async def test_reextract(self, client, db):
        alice, bob = await signup(client), await signup(client)
        invoice_id = await _extracted_invoice(client, alice, db)
        path = f"/api/invoices/{invoice_id}/reextract"
        statuses = []
        for _ in range(3):
            statuses.append((await client.post(path, headers=alice, json={"provider": "groq"})).status_code)
            await _settle(db, invoice_id)
        assert statuses == [202, 202, 429]
        refused = await client.post(path, headers=alice, json={"provider": "groq"})
        assert int(refused.headers["Retry-After"]) >= 1
        # Offline rules spend no LLM budget.
        assert (await client.post(path, headers=alice, json={"provider": "rules"})).status_code == 202
        # Bob's budget is his own.
        bobs = await _extracted_invoice(client, bob, db)
        bob_path = f"/api/invoices/{bobs}/reextract"
        assert (await client.post(bob_path, headers=bob, json={"provider": "groq"})).status_code == 202

    async def test_insights_refresh(self, client):
        alice = await signup(client)
        statuses = [(await client.post("/api/insights/refresh", headers=alice)).status_code for _ in range(3)]
        assert statuses == [202, 202, 429]  # queued (core), then the quota (sec)
