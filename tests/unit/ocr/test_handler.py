"""The OCR handler with in-memory fakes: it stores the result, queues a reference to it, refuses a
missing original or an unreadable document for good, and leaves an invoice that moved on alone."""

from __future__ import annotations

import uuid

import pytest

from invoiceme_common.bus import PermanentFailure
from invoiceme_common.events import InvoiceUploaded, OcrDocument, OcrPage
from invoiceme_ocr import handlers
from invoiceme_ocr.engine import UnreadableDocument
from invoiceme_ocr.ports import OcrDeps
from tests.support.fakes import CannedReader, FakeMessage, MemoryOcrStore, MemoryStorage

DOCUMENT = OcrDocument(
    pages=[OcrPage(number=1, text="Total 118.00", method="ocr", confidence=0.9)], media_type="image/png"
)


def uploaded() -> InvoiceUploaded:
    tenant_id, invoice_id = uuid.uuid4(), uuid.uuid4()
    return InvoiceUploaded(
        tenant_id=tenant_id,
        invoice_id=invoice_id,
        storage_key=f"originals/{tenant_id}/{invoice_id}",
        filename="a.png",
        size_bytes=3,
        sha256="x",
    )


def deps(event: InvoiceUploaded, reader: CannedReader) -> tuple[OcrDeps, MemoryOcrStore, MemoryStorage]:
    store, storage = MemoryOcrStore(waiting={event.invoice_id}), MemoryStorage()
    storage.objects[event.storage_key] = b"png"
    return OcrDeps(store, storage, reader, ack_wait_seconds=60.0), store, storage


class TestOnInvoiceUploaded:
    async def test_result_stored_and_referenced(self) -> None:
        event = uploaded()
        ocr, store, storage = deps(event, CannedReader(DOCUMENT))
        await handlers.on_invoice_uploaded(event, FakeMessage(), ocr)  # type: ignore[arg-type]  # a fake message
        [queued] = store.queued
        assert queued.pages == [] and queued.ocr_key == handlers.ocr_result_key(event)
        assert OcrDocument.model_validate_json(storage.objects[queued.ocr_key]) == DOCUMENT

    async def test_missing_original_and_unreadable_document_fail_for_good(self) -> None:
        event = uploaded()
        ocr, store, storage = deps(event, CannedReader(error=UnreadableDocument("not a document")))
        with pytest.raises(PermanentFailure, match="not a document"):
            await handlers.on_invoice_uploaded(event, FakeMessage(), ocr)  # type: ignore[arg-type]  # a fake message
        del storage.objects[event.storage_key]
        with pytest.raises(PermanentFailure, match="original file is missing"):
            await handlers.on_invoice_uploaded(event, FakeMessage(), ocr)  # type: ignore[arg-type]  # a fake message
        assert store.queued == []

    async def test_an_invoice_that_moved_on_is_not_read(self) -> None:
        event = uploaded()
        reader = CannedReader(DOCUMENT)
        ocr, store, _ = deps(event, reader)
        store.waiting.clear()
        await handlers.on_invoice_uploaded(event, FakeMessage(), ocr)  # type: ignore[arg-type]  # a fake message
        assert reader.read_bytes == 0 and store.queued == []


class _ReaderMeanwhile(CannedReader):
    """Reads, and meanwhile the invoice moves on (a newer run) or is deleted by its user."""

    def __init__(self, store: MemoryOcrStore, invoice_id: uuid.UUID, deleted: bool) -> None:
        super().__init__(DOCUMENT)
        self.store, self.invoice_id, self.deleted = store, invoice_id, deleted

    async def read(self, data: bytes) -> OcrDocument:
        self.store.waiting.discard(self.invoice_id)
        if self.deleted:
            self.store.deleted.add(self.invoice_id)
        return await super().read(data)


class TestChangedWhileReading:
    @pytest.mark.parametrize("deleted", [True, False])
    async def test_result_removed_only_when_the_invoice_is_gone(self, deleted: bool) -> None:
        event = uploaded()
        _, store, storage = deps(event, CannedReader(DOCUMENT))
        reader = _ReaderMeanwhile(store, event.invoice_id, deleted)
        ocr = OcrDeps(store, storage, reader, ack_wait_seconds=60.0)
        await handlers.on_invoice_uploaded(event, FakeMessage(), ocr)  # type: ignore[arg-type]  # a fake message
        assert store.queued == []
        assert (handlers.ocr_result_key(event) in storage.objects) is not deleted
