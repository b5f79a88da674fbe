"""The OCR service against real NATS and Postgres: an uploaded original becomes stored OCR JSON
and `ocr_done`; an unreadable one becomes `failed` with the reason; two instances share the work."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import uuid
from pathlib import Path

import asyncpg
import pytest
from faststream.nats import NatsMessage

from invoiceme_common.bus import publish_event
from invoiceme_common.events import InvoiceUploaded
from invoiceme_common.service import ServiceRuntime, create_service_app
from invoiceme_ocr import handlers
from invoiceme_ocr.app import ocr_deps
from invoiceme_ocr.reader import DocumentReader
from invoiceme_ocr.settings import OcrSettings
from tests.support import synthetic_pages as synthetic
from tests.unit.ocr.conftest import ENGLISH, pdf_bytes, small_page

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@pytest.fixture
def settings(database_url: str, nats_url: str, namespace: str, tmp_path: Path) -> OcrSettings:
    return OcrSettings(
        database_url=database_url,
        nats_url=nats_url,
        invoiceme_namespace=namespace,
        storage_backend="local",
        storage_dir=str(tmp_path / "files"),
        max_deliver=2,
        ocr_workers=1,
        log_format="console",
    )


def _service(
    settings: OcrSettings, handled: list[tuple[int, str]], instance: int
) -> tuple[ServiceRuntime, DocumentReader]:
    """The service as app.create_app wires it, with a note of which instance handled what."""
    reader = DocumentReader(settings.ocr_options(), workers=settings.ocr_workers)

    def wire(runtime: ServiceRuntime) -> None:
        spec = runtime.topology.ocr_consumer(settings.ack_wait_seconds, settings.max_deliver)

        async def handle(event: InvoiceUploaded, msg: NatsMessage) -> None:
            await handlers.on_invoice_uploaded(event, msg, ocr_deps(runtime, reader, settings))
            handled.append((instance, str(event.invoice_id)))

        runtime.subscribe(spec, InvoiceUploaded, handle)

    _, runtime = create_service_app("ocr", settings, wire)
    return runtime, reader


async def _upload(
    runtime: ServiceRuntime, db: asyncpg.Pool, data: bytes, tenant_id: uuid.UUID
) -> InvoiceUploaded:
    invoice_id = uuid.uuid4()
    key = f"originals/{tenant_id}/{invoice_id}"
    await runtime.storage.put(key, data)
    await db.execute(
        """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key)
           VALUES ($1, $2, 'received', 'x', $3, $4, $5)""",
        invoice_id,
        tenant_id,
        len(data),
        hashlib.sha256(data).hexdigest(),
        key,
    )
    event = InvoiceUploaded(
        tenant_id=tenant_id,
        invoice_id=invoice_id,
        storage_key=key,
        filename="x",
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    await publish_event(
        runtime.broker, event, runtime.topology.invoice_uploaded, runtime.topology.stream, "c"
    )
    return event


async def _wait_settled(db: asyncpg.Pool, invoice_ids: list[uuid.UUID], seconds: float = 60) -> dict:
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        rows = await db.fetch(
            "SELECT id, status, error, ocr_key FROM invoices WHERE id = ANY($1)", invoice_ids
        )
        if len(rows) == len(invoice_ids) and all(row["status"] in ("ocr_done", "failed") for row in rows):
            return {row["id"]: row for row in rows}
        assert asyncio.get_running_loop().time() < deadline, [dict(row) for row in rows]
        await asyncio.sleep(0.2)


async def test_documents_are_read_or_refused_by_two_instances(
    settings: OcrSettings, db: asyncpg.Pool
) -> None:
    tenant_id = uuid.uuid4()
    await db.execute("INSERT INTO tenants (id, name) VALUES ($1, 'ocr-test')", tenant_id)
    handled: list[tuple[int, str]] = []
    services = [_service(settings, handled, instance) for instance in range(2)]
    for runtime, _ in services:
        await runtime.start()
        await runtime.broker.start()
    try:
        publisher = services[0][0]
        image = synthetic.encode(small_page(ENGLISH), "PNG")
        good = [await _upload(publisher, db, image, tenant_id) for _ in range(6)]
        encrypted = await _upload(publisher, db, pdf_bytes([["Invoice 4821"]], encrypt="pw"), tenant_id)
        rows = await _wait_settled(db, [event.invoice_id for event in [*good, encrypted]])
    finally:
        for runtime, reader in services:
            await runtime.broker.stop()
            await runtime.stop()
            reader.close()
    for event in good:
        row = rows[event.invoice_id]
        assert row["status"] == "ocr_done"
        stored = json.loads(await services[0][0].storage.get(row["ocr_key"]))
        assert ENGLISH[0] in stored["pages"][0]["text"] and stored["pages"][0]["words"]
    assert rows[encrypted.invoice_id]["status"] == "failed"
    assert rows[encrypted.invoice_id]["error"] == "the PDF is encrypted with a password"
    assert len({invoice for _, invoice in handled}) == 6
    assert {instance for instance, _ in handled} == {0, 1}  # one durable consumer, work shared
