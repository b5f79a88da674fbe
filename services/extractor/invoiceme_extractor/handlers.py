"""Extraction hop: TextExtracted -> fields -> saved on the invoice -> InvoiceSaved (via the outbox)."""

from __future__ import annotations

from collections.abc import Sequence

from faststream.nats import NatsMessage

from invoiceme_common.bus import PermanentFailure, keep_alive
from invoiceme_common.events import OcrDocument, OcrPage, PageText, TextExtracted
from invoiceme_common.logging import get_logger
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import ObjectStorage, StoredObjectMissing

from .llm.base import LlmProvider
from .pipeline import extract_invoice
from .ports import ExtractorDeps

log = get_logger(__name__)


async def pages_of(event: TextExtracted, storage: ObjectStorage) -> Sequence[PageText | OcrPage]:
    """The stored OCR result's pages, with word boxes (the rules read the layout); the event's own
    pages only when the stored result is missing (an event from before references)."""
    try:
        return OcrDocument.model_validate_json(await storage.get(event.ocr_key)).pages
    except StoredObjectMissing:
        if event.pages:
            return event.pages
        raise PermanentFailure("the OCR result is missing from storage; re-extract the invoice") from None


async def on_text_extracted(
    event: TextExtracted, msg: NatsMessage, deps: ExtractorDeps, providers: Sequence[LlmProvider] = ()
) -> None:
    if not await deps.store.is_awaiting(event):
        log.info("extraction_not_needed", reason="invoice deleted, already extracted, or in a newer run")
        return
    pages = await pages_of(event, deps.storage)
    # LLM retries can outlast ack_wait: keep JetStream from redelivering mid-work.
    async with keep_alive(msg, every_seconds=deps.ack_wait_seconds / 3):
        extraction = await extract_invoice(pages, providers)
    status = InvoiceStatus.NEEDS_REVIEW if extraction.needs_review else InvoiceStatus.EXTRACTED
    ocr_text = "\n\n".join(page.text for page in pages)
    saved = await deps.store.save(event, extraction, status, msg.correlation_id, ocr_text)
    if saved is None:
        log.info("extraction_not_applied", reason="invoice deleted or moved on meanwhile")
        return
    log.info("extracted", status=str(status), total=extraction.total, currency=extraction.currency)
