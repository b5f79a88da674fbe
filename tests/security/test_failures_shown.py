"""What a user sees of a failed invoice: a stable code and a human message, never the raw exception
(host names, paths, library messages stay in logs and dead letters)."""

from __future__ import annotations

import uuid

import pytest

from invoiceme_gateway.invoices.failures import public_failure
from invoiceme_gateway.live.feed import StatusFeed
from tests.support.gateway import gateway_client, gateway_settings, signup

RAW = (
    "gave up after 5 attempts: OSError: [Errno 111] Connect call failed ('10.0.3.7', 5432) "
    "at /srv/invoiceme/.venv/lib/python3.11/site-packages/asyncpg/connect_utils.py"
)


class TestPublicFailure:
    """Known reasons keep their meaning under a stable code; anything else is a generic message."""

    @pytest.mark.parametrize(
        ("raw", "code", "words"),
        [
            ("no readable text on any page", "no_text", "no readable text"),
            ("the PDF is encrypted with a password", "encrypted_pdf", "password"),
            ("page 1 is 13000x13000 pixels (169 megapixels); the limit is 60", "page_too_large", "169"),
            ("the document has 45 pages; the limit is 30", "too_many_pages", "30"),
            ("the PDF is damaged or truncated and cannot be opened", "damaged_pdf", "PDF"),
            ("page 2 of the PDF is damaged (PdfiumError: /srv/x)", "damaged_pdf", "PDF"),
            ("the image cannot be decoded (UnidentifiedImageError: /tmp/x)", "damaged_file", ""),
            (RAW, "processing_failed", "could not be processed"),
        ],
    )
    def test_mapping(self, raw, code, words):
        failure = public_failure(raw)
        assert failure is not None and failure.code == code
        assert words in failure.message
        assert "/tmp" not in failure.message and "10.0.3.7" not in failure.message

    def test_no_error_no_failure(self):
        assert public_failure(None) is None


async def test_api_and_live_stream_hide_the_raw_error(database_url, nats_url, namespace, db):
    async with gateway_client(gateway_settings(database_url, nats_url, namespace)) as client:
        headers = await signup(client)
        pdf = b"%PDF-1.4\n% " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        upload = await client.post("/api/invoices", headers=headers, files={"file": ("a.pdf", pdf)})
        invoice_id = uuid.UUID(upload.json()["id"])
        tenant_id = await db.fetchval("SELECT tenant_id FROM invoices WHERE id = $1", invoice_id)
        cursor = await db.fetchval("SELECT coalesce(max(id), 0) FROM invoice_status_history")
        await db.execute(
            """WITH failed AS (
                   UPDATE invoices SET status = 'failed', error = $2 WHERE id = $1 RETURNING tenant_id)
               INSERT INTO invoice_status_history (invoice_id, tenant_id, status, error)
               SELECT $1, tenant_id, 'failed', $2 FROM failed""",
            invoice_id,
            RAW,
        )
        detail = await client.get(f"/api/invoices/{invoice_id}", headers=headers)
        listing = await client.get("/api/invoices", headers=headers)
        for text in (detail.text, listing.text):
            assert "10.0.3.7" not in text and "/srv/" not in text and "Errno" not in text
        body = detail.json()
        assert body["error_code"] == "processing_failed"
        assert "could not be processed" in body["error"]
        assert body["status_history"][-1]["error_code"] == "processing_failed"
        changes = await StatusFeed(db, tenant_id, cursor).next_batch()
        assert changes and all("10.0.3.7" not in str(change) for change in changes)
        assert changes[-1]["error_code"] == "processing_failed"
