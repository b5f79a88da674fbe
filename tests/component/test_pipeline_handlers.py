"""Each pipeline service's handler behind FastStream's in-memory broker (TestNatsBroker: no server):
the JSON on the wire parses into the typed event, the handler runs with in-memory fakes, and what it
queues is the next hop's event. Delivery itself (acks, redelivery, dead letters) is tested against a
real nats-server in tests/integration/."""

from __future__ import annotations

import contextlib
import uuid

from faststream.nats import NatsBroker, NatsMessage, TestNatsBroker

from invoiceme_common.events import InvoiceUploaded, OcrDocument, OcrPage, TextExtracted
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.topology import Topology
from invoiceme_extractor import handlers as extractor_handlers
from invoiceme_extractor.ports import ExtractorDeps
from invoiceme_ocr import handlers as ocr_handlers
from invoiceme_ocr.ports import OcrDeps
from tests.support.fakes import CannedReader, MemoryExtractionStore, MemoryOcrStore, MemoryStorage

TOPOLOGY = Topology("component")
TEXT = "Acme Ltd\nInvoice Date: 01/02/2025\nSubtotal 100.00\nVAT 18% 18.00\nTotal 118.00 ₪"
DOCUMENT = OcrDocument(
    pages=[OcrPage(number=1, text=TEXT, method="ocr", confidence=0.9)], media_type="image/png"
)


class TestOcrAndExtractorOverTheBroker:
    """An upload travels OCR -> TextExtracted -> extractor -> InvoiceSaved over the in-memory broker."""

    async def test_upload_to_saved(self) -> None:
        storage = MemoryStorage()
        tenant_id, invoice_id = uuid.uuid4(), uuid.uuid4()
        ocr_store = MemoryOcrStore(waiting={invoice_id})
        extraction_store = MemoryExtractionStore(waiting={invoice_id})
        ocr = OcrDeps(ocr_store, storage, CannedReader(DOCUMENT), ack_wait_seconds=60.0)
        extractor = ExtractorDeps(extraction_store, storage, ack_wait_seconds=60.0)
        broker = NatsBroker()

        @broker.subscriber(TOPOLOGY.invoice_uploaded)
        async def on_uploaded(event: InvoiceUploaded, msg: NatsMessage) -> None:
            await ocr_handlers.on_invoice_uploaded(event, msg, ocr)
            for queued in ocr_store.queued:  # what the outbox relay would publish
                await broker.publish(queued.model_dump(mode="json"), TOPOLOGY.text_extracted)
            ocr_store.queued.clear()

        @broker.subscriber(TOPOLOGY.text_extracted)
        async def on_text(event: TextExtracted, msg: NatsMessage) -> None:
            await extractor_handlers.on_text_extracted(event, msg, extractor)

        key = f"originals/{tenant_id}/{invoice_id}"
        storage.objects[key] = b"png bytes"
        upload = InvoiceUploaded(
            tenant_id=tenant_id,
            invoice_id=invoice_id,
            storage_key=key,
            filename="a.png",
            size_bytes=9,
            sha256="x",
        )
        async with TestNatsBroker(broker) as test_broker:
            await test_broker.publish(upload.model_dump(mode="json"), TOPOLOGY.invoice_uploaded)

        [(extraction, status, ocr_text)] = extraction_store.saved
        assert status == InvoiceStatus.EXTRACTED and extraction.total == 118.0
        assert ocr_text == TEXT  # read back from the stored OCR result, not from the message
        [saved] = extraction_store.queued
        assert (saved.tenant_id, saved.invoice_id, saved.total) == (tenant_id, invoice_id, 118.0)

    async def test_a_malformed_message_never_reaches_the_handler(self) -> None:
        store = MemoryOcrStore()
        reached: list[InvoiceUploaded] = []
        broker = NatsBroker()

        @broker.subscriber(TOPOLOGY.invoice_uploaded)
        async def on_uploaded(event: InvoiceUploaded, msg: NatsMessage) -> None:
            reached.append(event)

        async with TestNatsBroker(broker) as test_broker:
            with contextlib.suppress(Exception):  # the in-memory broker re-raises the validation error
                await test_broker.publish({"tenant_id": "not a uuid"}, TOPOLOGY.invoice_uploaded)
        assert reached == [] and store.queued == []
