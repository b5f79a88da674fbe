"""In-memory fakes of the handlers' ports (storage, stores, reader, message), for unit and
component tests: they record what the handler did, so tests assert on outcomes, not on calls."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from invoiceme_common.events import InvoiceSaved, InvoiceUploaded, OcrDocument, TextExtracted
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import StoredObjectMissing
from invoiceme_extractor.contract import Extraction
from invoiceme_extractor.repository import SavedExtraction, saved_event


class MemoryStorage:
    """ObjectStorage in a dict."""

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    async def put(self, key: str, data: bytes, *, sha256: str | None = None, content_type: str = "") -> None:
        self.objects[key] = data

    async def get(self, key: str) -> bytes:
        try:
            return self.objects[key]
        except KeyError:
            raise StoredObjectMissing(key) from None

    async def delete(self, key: str) -> None:
        self.objects.pop(key, None)


class FakeMessage:
    """The bits of a NatsMessage a handler uses: its correlation id and in-progress pings."""

    def __init__(self, correlation_id: str = "corr-1") -> None:
        self.correlation_id = correlation_id
        self.pings = 0

    async def in_progress(self) -> None:
        self.pings += 1


@dataclass
class MemoryExtractionStore:
    """ExtractionStore: invoices waiting for extraction, and what was saved (with the event queued)."""

    waiting: set[uuid.UUID] = field(default_factory=set)
    business_id: uuid.UUID | None = None  # what the business match would find
    saved: list[tuple[Extraction, InvoiceStatus, str]] = field(default_factory=list)
    queued: list[InvoiceSaved] = field(default_factory=list)

    async def is_awaiting(self, event: TextExtracted) -> bool:
        return event.invoice_id in self.waiting

    async def save(
        self,
        event: TextExtracted,
        extraction: Extraction,
        status: InvoiceStatus,
        correlation_id: str | None,
        ocr_text: str,
    ) -> InvoiceSaved | None:
        if event.invoice_id not in self.waiting:
            return None
        self.waiting.discard(event.invoice_id)  # moved on: a redelivery is a no-op
        self.saved.append((extraction, status, ocr_text))
        queued = saved_event(event, extraction, status, SavedExtraction(len(self.saved), self.business_id))
        self.queued.append(queued)
        return queued


@dataclass
class MemoryOcrStore:
    """OcrStore: invoices waiting for OCR, deleted ones, and the TextExtracted references queued."""

    waiting: set[uuid.UUID] = field(default_factory=set)
    deleted: set[uuid.UUID] = field(default_factory=set)
    queued: list[TextExtracted] = field(default_factory=list)

    async def invoice_exists(self, event: InvoiceUploaded) -> bool:
        return event.invoice_id not in self.deleted

    async def is_awaiting(self, event: InvoiceUploaded) -> bool:
        return event.invoice_id in self.waiting

    async def record_result(
        self, event: InvoiceUploaded, document: OcrDocument, ocr_key: str, correlation_id: str | None
    ) -> bool:
        if event.invoice_id not in self.waiting:
            return False
        self.waiting.discard(event.invoice_id)
        self.queued.append(
            TextExtracted(
                tenant_id=event.tenant_id,
                invoice_id=event.invoice_id,
                ocr_key=ocr_key,
                media_type=document.media_type,
                pages=[],
                run=event.run,
            )
        )
        return True


class CannedReader:
    """PageReader that returns one prepared document (or raises the prepared error)."""

    def __init__(self, document: OcrDocument | None = None, error: Exception | None = None) -> None:
        self.document, self.error, self.read_bytes = document, error, 0

    async def read(self, data: bytes) -> OcrDocument:
        self.read_bytes += len(data)
        if self.error is not None:
            raise self.error
        assert self.document is not None
        return self.document


class CannedProvider:
    """LlmProvider that answers every text with the same fields and keeps the texts it was sent."""

    name = "canned"

    def __init__(self, answer: dict[str, object]) -> None:
        self.answer = answer
        self.received: list[str] = []

    async def extract(self, text: str) -> dict[str, object]:
        self.received.append(text)
        return dict(self.answer)
