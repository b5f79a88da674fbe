"""Every GET route of the API answers from a database session that refuses writes, so a GET that
wrote (or queued an event in the outbox) would fail here with Postgres' read-only error: the
database enforces the rule, not a mock."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode, urlsplit, urlunsplit

import asyncpg
import pytest

from invoiceme_common.db import create_pool
from tests.support.gateway import gateway_settings, signup

from .pipeline import (
    app_client,
    gateway_state,
    pdf_with_pages,
    simulate_extraction,
    simulate_ocr,
    tenant_of,
    upload,
)

ADMIN = "reader-admin@example.com"
STREAMS = {"/api/events"}  # an endless Server-Sent Events stream; read-only by construction


def read_only(database_url: str) -> str:
    """The same database, but every transaction of the session is READ ONLY."""
    parts = urlsplit(database_url)
    extra = urlencode({"default_transaction_read_only": "on"})
    return urlunsplit(parts._replace(query=f"{parts.query}&{extra}" if parts.query else extra))


def get_paths(openapi: dict) -> list[str]:
    """The API's GET routes, from its own OpenAPI document (the SSE stream aside)."""
    return [
        path for path, operations in openapi["paths"].items() if "get" in operations and path not in STREAMS
    ]


class TestGetRoutesAreReadOnly:
    async def test_every_get_route_answers_without_writing(self, database_url, nats_url, namespace, db):
        settings = gateway_settings(database_url, nats_url, namespace, admin_emails=ADMIN)
        async with app_client(settings) as client:
            alice = await signup(client, ADMIN)
            tenant = await tenant_of(client, alice)
            business = (await client.post("/api/businesses", headers=alice, json={"name": "Acme"})).json()
            invoice_id = await upload(client, alice, pdf_with_pages(2))
            state = gateway_state(client)
            await simulate_ocr(db, state.storage, tenant, invoice_id, "Acme Ltd Total 118.00")
            fields = {"vendor_name": "Acme", "total": 118.0, "invoice_date": "2026-03-04", "currency": "ILS"}
            await simulate_extraction(db, tenant, invoice_id, fields)
            insight_id = uuid.uuid4()
            await db.execute(
                """INSERT INTO insights
                       (id, tenant_id, kind, fingerprint, severity, data, narrative, narrative_source)
                   VALUES ($1, $2, 'k', 'f', 'info', $3, 'n', 'template')""",
                insight_id,
                tenant,
                {},
            )
            extraction_id = (await client.get(f"/api/invoices/{invoice_id}", headers=alice)).json()[
                "extraction_history"
            ][0]["id"]
            values = {
                "invoice_id": invoice_id,
                "business_id": business["id"],
                "insight_id": str(insight_id),
                "extraction_id": str(extraction_id),
                "page_number": "1",
                "month": "2026-03",
            }
            writable, state.pool = state.pool, await create_pool(read_only(database_url), 1, 2)
            try:
                with pytest.raises(asyncpg.ReadOnlySQLTransactionError):  # writes are really refused
                    await client.post("/api/businesses", headers=alice, json={"name": "Other"})
                answers = {}
                for path in get_paths((await client.get("/openapi.json")).json()):
                    answers[path] = (await client.get(path.format(**values), headers=alice)).status_code
            finally:
                await state.pool.close()
                state.pool = writable
        assert {path: status for path, status in answers.items() if status >= 500} == {}
        assert len(answers) >= 20 and sum(status == 200 for status in answers.values()) >= 18, answers
