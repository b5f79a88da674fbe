"""What the OCR handler needs, as Protocols: production passes Postgres/NATS-backed objects
(`app.ocr_deps`), tests pass the in-memory fakes of tests/support/fakes.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from invoiceme_common.events import InvoiceUploaded, OcrDocument
from invoiceme_common.storage import ObjectStorage


class OcrStore(Protocol):
    """The invoice's OCR step: is it still waiting, and record the result (state + event, atomically)."""

    async def is_awaiting(self, event: InvoiceUploaded) -> bool: ...

    async def record_result(
        self, event: InvoiceUploaded, document: OcrDocument, ocr_key: str, correlation_id: str | None
    ) -> bool:
        """Move the invoice to ocr_done and queue TextExtracted; False when it moved on meanwhile."""
        ...

    async def invoice_exists(self, event: InvoiceUploaded) -> bool:
        """False once the invoice was deleted (its OCR result must then be removed)."""
        ...


class PageReader(Protocol):
    async def read(self, data: bytes) -> OcrDocument: ...


@dataclass(frozen=True)
class OcrDeps:
    store: OcrStore
    storage: ObjectStorage
    reader: PageReader
    ack_wait_seconds: float
