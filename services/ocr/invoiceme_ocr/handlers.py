"""OCR hop: InvoiceUploaded -> read the original -> store the full OCR result -> TextExtracted.

The status move and the TextExtracted event are written in one transaction (the outbox publishes
the event), and only when the invoice still waits for OCR in this run: a redelivered upload of an
invoice that is already further, or in a newer run, does nothing.
"""

from __future__ import annotations

from faststream.nats import NatsMessage

from invoiceme_common import metrics
from invoiceme_common import storage as storage_keys
from invoiceme_common.bus import PermanentFailure, keep_alive
from invoiceme_common.events import InvoiceUploaded
from invoiceme_common.logging import get_logger
from invoiceme_common.storage import StoredObjectMissing

from .engine import UnreadableDocument
from .ports import OcrDeps

log = get_logger(__name__)
NO_TEXT = "no readable text on any page"


def ocr_result_key(event: InvoiceUploaded) -> str:
    return storage_keys.ocr_result_key(event.tenant_id, event.invoice_id, event.run)


async def on_invoice_uploaded(event: InvoiceUploaded, msg: NatsMessage, deps: OcrDeps) -> None:
    if not await deps.store.is_awaiting(event):
        log.info("ocr_not_needed", reason="invoice deleted, already read, or in a newer run")
        return
    try:
        original = await deps.storage.get(event.storage_key)
    except StoredObjectMissing as exc:
        raise PermanentFailure("the original file is missing from storage") from exc
    async with keep_alive(msg, every_seconds=deps.ack_wait_seconds / 3):
        try:
            with metrics.OCR_SECONDS.time():
                document = await deps.reader.read(original)
        except UnreadableDocument as exc:
            raise PermanentFailure(str(exc)) from exc
    metrics.OCR_PAGES.inc(len(document.pages))
    if not any(page.text.strip() for page in document.pages):
        raise PermanentFailure(NO_TEXT)  # nothing to extract: failed with a reason, not needs_review
    key = ocr_result_key(event)
    await deps.storage.put(key, document.model_dump_json().encode(), content_type="application/json")
    if not await deps.store.record_result(event, document, key, msg.correlation_id):
        log.info("ocr_result_not_applied", reason="invoice deleted or moved on meanwhile")
        if not await deps.store.invoice_exists(event):  # deleted meanwhile: its result must not outlive it
            await deps.storage.delete(key)
        return
    log.info("ocr_done", pages=len(document.pages), method=document.method, chars=len(document.text))
