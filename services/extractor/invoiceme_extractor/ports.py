"""What the extraction handler needs, as Protocols: production passes the Postgres-backed store
(`app.extractor_deps`), tests pass the in-memory fakes of tests/support/fakes.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from invoiceme_common.events import InvoiceSaved, TextExtracted
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import ObjectStorage

from .contract import Extraction


class ExtractionStore(Protocol):
    """The invoice's extraction step: is it still waiting, and save the result (fields, status,
    business match, search index and InvoiceSaved in the outbox, atomically)."""

    async def is_awaiting(self, event: TextExtracted) -> bool: ...

    async def save(
        self,
        event: TextExtracted,
        extraction: Extraction,
        status: InvoiceStatus,
        correlation_id: str | None,
        ocr_text: str,
    ) -> InvoiceSaved | None:
        """The queued InvoiceSaved, or None when the invoice was deleted or moved on meanwhile."""
        ...


@dataclass(frozen=True)
class ExtractorDeps:
    store: ExtractionStore
    storage: ObjectStorage  # where the OCR result (with word boxes) is read from
    ack_wait_seconds: float
