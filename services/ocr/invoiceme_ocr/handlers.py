"""OCR hop: InvoiceUploaded -> read the original -> store the full OCR result -> TextExtracted."""

from __future__ import annotations

from faststream.nats import NatsMessage

from invoiceme_common.bus import PermanentFailure, derived_event_id, keep_alive, publish_event
from invoiceme_common.events import InvoiceUploaded, PageText, TextExtracted
from invoiceme_common.invoice_store import set_status
from invoiceme_common.logging import get_logger
from invoiceme_common.service import ServiceRuntime
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import StoredObjectMissing, ocr_result_key

from .engine import UnreadableDocument
from .reader import DocumentReader

log = get_logger(__name__)


async def on_invoice_uploaded(
    event: InvoiceUploaded, msg: NatsMessage, runtime: ServiceRuntime, reader: DocumentReader
) -> None:
    try:
        original = await runtime.storage.get(event.storage_key)
    except StoredObjectMissing as exc:
        raise PermanentFailure("the original file is missing from storage") from exc
    async with keep_alive(msg, every_seconds=runtime.settings.ack_wait_seconds / 3):
        try:
            document = await reader.read(original)
        except UnreadableDocument as exc:
            raise PermanentFailure(str(exc)) from exc
    key = ocr_result_key(event.tenant_id, event.invoice_id)
    await runtime.storage.put(key, document.model_dump_json().encode(), content_type="application/json")
    exists = await set_status(
        runtime.pool,
        event.tenant_id,
        event.invoice_id,
        InvoiceStatus.OCR_DONE,
        text_source=document.method,
        ocr_confidence=min(page.confidence for page in document.pages),
        page_count=len(document.pages),
        ocr_key=key,
        ocr_text=document.text.replace("\x00", ""),  # searchable before extraction; Postgres refuses NUL
    )
    if not exists:  # deleted meanwhile: its OCR result must not outlive it
        await runtime.storage.delete(key)
        log.info("invoice_deleted_before_ocr_finished")
        return
    log.info("ocr_done", pages=len(document.pages), method=document.method, chars=len(document.text))
    extracted = TextExtracted(
        event_id=derived_event_id(event.event_id, "ocr"),
        tenant_id=event.tenant_id,
        invoice_id=event.invoice_id,
        ocr_key=key,
        media_type=document.media_type,
        pages=[
            PageText(number=p.number, text=p.text, method=p.method, confidence=p.confidence)
            for p in document.pages
        ],
    )
    topology = runtime.topology
    await publish_event(
        runtime.broker, extracted, topology.text_extracted, topology.stream, msg.correlation_id
    )
