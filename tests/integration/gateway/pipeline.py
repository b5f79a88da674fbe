"""Helpers for gateway tests: stand in for the OCR and extractor hops by writing what they write,
and listen to what the gateway publishes on NATS."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import httpx
import nats

from invoiceme_common.businesses import enrich_saved_invoice
from invoiceme_common.events import OcrDocument, OcrPage
from invoiceme_common.invoice_store import set_status
from invoiceme_common.search_index import index_invoice
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import ocr_result_key
from invoiceme_common.topology import Topology

# A valid 4x4 white PNG (decodes, so page previews can be drawn).
PNG_4PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000004000000040802000000269309290000001449444154789c63fcffff3f030c3031"
    "2001dc1c00966e0305f225bef90000000049454e44ae426082"
)


def unique_png() -> bytes:
    """A valid 1x1 PNG whose hash differs every call (bytes after IEND are ignored by readers)."""
    return PNG_4PX + os.urandom(16)


def pdf_with_pages(pages: int) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(300, 400)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue() + f"\n%{uuid.uuid4().hex}\n".encode()


async def upload(
    client: httpx.AsyncClient, headers: dict[str, str], data: bytes | None = None, name: str = "invoice.png"
) -> str:
    response = await client.post(
        "/api/invoices", headers=headers, files={"file": (name, data or unique_png())}
    )
    assert response.status_code == 202, response.text
    return response.json()["id"]


async def tenant_of(client: httpx.AsyncClient, headers: dict[str, str]) -> uuid.UUID:
    return uuid.UUID((await client.get("/api/me", headers=headers)).json()["tenant_id"])


async def simulate_ocr(
    db: asyncpg.Pool, storage: Any, tenant_id: uuid.UUID, invoice_id: str, text: str
) -> str:
    """What the OCR hop does: store the OCR JSON and mark the invoice ocr_done."""
    key = ocr_result_key(tenant_id, uuid.UUID(invoice_id))
    document = OcrDocument(
        pages=[OcrPage(number=1, text=text, method="text_layer", confidence=1.0)], media_type="image/png"
    )
    await storage.put(key, document.model_dump_json().encode())
    await set_status(
        db,
        tenant_id,
        uuid.UUID(invoice_id),
        InvoiceStatus.OCR_DONE,
        text_source="text_layer",
        ocr_confidence=1.0,
        page_count=1,
        ocr_key=key,
    )
    return key


async def simulate_extraction(
    db: asyncpg.Pool,
    tenant_id: uuid.UUID,
    invoice_id: str,
    fields: dict[str, Any],
    warnings: list[dict[str, Any]] | None = None,
    ocr_text: str | None = None,
) -> None:
    """What the extractor's save does (fields, warnings, version bump, status, business match and
    search index, all in one transaction), with the same shared functions."""
    warnings = warnings or []
    status = (
        InvoiceStatus.NEEDS_REVIEW if any(w.get("serious") for w in warnings) else InvoiceStatus.EXTRACTED
    )
    async with db.acquire() as conn, conn.transaction():
        # The state machine (migration 0040) refuses received -> extracted: pass through ocr_done.
        await conn.execute(
            "UPDATE invoices SET status = 'ocr_done' WHERE id = $1 AND status = 'received'",
            uuid.UUID(invoice_id),
        )
        await conn.execute(
            """UPDATE invoices SET fields = $3, warnings = $4, extraction_version = extraction_version + 1
               WHERE id = $2 AND tenant_id = $1""",
            tenant_id,
            uuid.UUID(invoice_id),
            {"line_items": [], "confidence": {}, **fields},
            warnings,
        )
        await set_status(conn, tenant_id, uuid.UUID(invoice_id), status)
        stored = {"line_items": [], "confidence": {}, **fields}
        await enrich_saved_invoice(conn, tenant_id, uuid.UUID(invoice_id), stored)
        await index_invoice(conn, tenant_id, uuid.UUID(invoice_id), stored, ocr_text)


class BusListener:
    """Collects every message the gateway publishes under the namespace's invoice subjects."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, dict[str, Any]]] = []
        self.arrived = asyncio.Event()

    def of(self, subject: str) -> list[dict[str, Any]]:
        return [body for s, body in self.messages if s == subject]

    async def wait_for(self, subject: str, count: int = 1, within: float = 5.0) -> list[dict[str, Any]]:
        """The messages on `subject` once there are `count` (or whatever came within the time)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(within):
                while len(self.of(subject)) < count:
                    self.arrived.clear()
                    await self.arrived.wait()
        return self.of(subject)


@asynccontextmanager
async def listen(nats_url: str, namespace: str) -> AsyncIterator[BusListener]:
    listener = BusListener()
    connection = await nats.connect(nats_url)

    async def collect(msg: Any) -> None:
        listener.messages.append((msg.subject, json.loads(msg.data)))
        listener.arrived.set()

    await connection.subscribe(Topology(namespace).subjects_wildcard, cb=collect)
    await connection.flush()
    try:
        yield listener
    finally:
        await connection.close()


@asynccontextmanager
async def app_client(settings: Any) -> AsyncIterator[httpx.AsyncClient]:
    """Like tests.support.gateway.gateway_client, but `gateway_state(client)` reaches the app's state."""
    from asgi_lifespan import LifespanManager

    from invoiceme_gateway.app import create_app

    app = create_app(settings)
    # Start-up migrates, connects to NATS and declares the stream: slow on a loaded machine.
    async with LifespanManager(app, startup_timeout=30, shutdown_timeout=30) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
            client.gateway_app = app  # type: ignore[attr-defined]  # kept on the client for gateway_state
            yield client


def gateway_state(client: httpx.AsyncClient) -> Any:
    """The in-process gateway's state (storage, pool, settings) behind an `app_client`."""
    return client.gateway_app.state.gateway  # type: ignore[attr-defined]  # set by app_client
