"""OCR hop: InvoiceUploaded -> read the original -> store the full OCR result -> TextExtracted.

The status move and the TextExtracted event are written in one transaction (the outbox publishes
the event), and only when the invoice still waits for OCR in this run: a redelivered upload of an
invoice that is already further, or in a newer run, does nothing.
"""

from __future__ import annotations

from faststream.nats import NatsMessage

from invoiceme_common import outbox
from invoiceme_common.bus import PermanentFailure, keep_alive
from invoiceme_common.events import InvoiceUploaded, TextExtracted
from invoiceme_common.invoice_store import advance, current_run, is_awaiting
from invoiceme_common.logging import get_logger
from invoiceme_common.service import ServiceRuntime
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import StoredObjectMissing

from .engine import UnreadableDocument
from .reader import DocumentReader

log = get_logger(__name__)
NO_TEXT = "no readable text on any page"


def ocr_result_key(event: InvoiceUploaded) -> str:
    return f"ocr/{event.tenant_id}/{event.invoice_id}.json"


async def on_invoice_uploaded(
    event: InvoiceUploaded, msg: NatsMessage, runtime: ServiceRuntime, reader: DocumentReader
) -> None:
    status = InvoiceStatus.RECEIVED
    if not await is_awaiting(runtime.pool, event.tenant_id, event.invoice_id, status, event.run):
        log.info("ocr_not_needed", reason="invoice deleted, already read, or in a newer run")
        return
    try:
        original = await runtime.storage.get(event.storage_key)
    except StoredObjectMissing as exc:
        raise PermanentFailure("the original file is missing from storage") from exc
    async with keep_alive(msg, every_seconds=runtime.settings.ack_wait_seconds / 3):
        try:
            document = await reader.read(original)
        except UnreadableDocument as exc:
            raise PermanentFailure(str(exc)) from exc
    if not any(page.text.strip() for page in document.pages):
        raise PermanentFailure(NO_TEXT)  # nothing to extract: failed with a reason, not needs_review
    key = ocr_result_key(event)
    await runtime.storage.put(key, document.model_dump_json().encode())
    topology = runtime.topology
    async with runtime.pool.acquire() as conn, conn.transaction():
        moved = await advance(
            conn,
            event.tenant_id,
            event.invoice_id,
            InvoiceStatus.OCR_DONE,
            (status,),
            event.run,
            text_source=document.method,
            ocr_confidence=min(page.confidence for page in document.pages),
            page_count=len(document.pages),
            ocr_key=key,
            ocr_text=document.text.replace("\x00", ""),  # searchable before extraction; no NUL in Postgres
        )
        if not moved:
            log.info("ocr_result_not_applied", reason="invoice deleted or moved on meanwhile")
            return
        extracted = TextExtracted(
            tenant_id=event.tenant_id,
            invoice_id=event.invoice_id,
            ocr_key=key,
            media_type=document.media_type,
            pages=[],  # a reference, not the text: the extractor reads the stored result (with words)
            run=event.run or await current_run(conn, event.invoice_id),
        )
        await outbox.add(conn, extracted, topology.text_extracted, topology.stream, msg.correlation_id)
    log.info("ocr_done", pages=len(document.pages), method=document.method, chars=len(document.text))
