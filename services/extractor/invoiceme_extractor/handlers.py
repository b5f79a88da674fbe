"""Extraction hop: TextExtracted -> fields -> saved on the invoice -> InvoiceSaved."""

from __future__ import annotations

from collections.abc import Sequence

from faststream.nats import NatsMessage

from invoiceme_common.bus import derived_event_id, keep_alive, publish_event
from invoiceme_common.events import InvoiceSaved, TextExtracted
from invoiceme_common.logging import get_logger
from invoiceme_common.service import ServiceRuntime
from invoiceme_common.status import InvoiceStatus

from . import repository
from .llm.base import LlmProvider
from .pipeline import extract_invoice

log = get_logger(__name__)
async def on_text_extracted(
    event: TextExtracted, msg: NatsMessage, runtime: ServiceRuntime, providers: Sequence[LlmProvider] = ()
) -> None:
    # LLM retries can outlast ack_wait: keep JetStream from redelivering mid-work.
    async with keep_alive(msg, every_seconds=runtime.settings.ack_wait_seconds / 3):
        extraction = await extract_invoice(event.pages, providers)
    status = InvoiceStatus.NEEDS_REVIEW if extraction.needs_review else InvoiceStatus.EXTRACTED
    saved_as = await repository.save_extraction(
        runtime.pool, event.tenant_id, event.invoice_id, extraction, status
    )
    if saved_as is None:
        log.info("invoice_deleted_before_extraction_finished")
        return
    log.info("extracted", status=str(status), total=extraction.total, currency=extraction.currency)
    saved = InvoiceSaved(
        event_id=derived_event_id(event.event_id, f"extract:{saved_as.version}"),
        tenant_id=event.tenant_id,
        invoice_id=event.invoice_id,
        extraction_version=saved_as.version,
        status=str(status),
        business_id=saved_as.business_id,
        vendor_name=extraction.vendor_name,
        invoice_date=extraction.invoice_date,
        currency=extraction.currency,
        total=extraction.total,
        fields=repository.stored_fields(extraction),
    )
    topology = runtime.topology
    await publish_event(runtime.broker, saved, topology.invoice_saved, topology.stream, msg.correlation_id)
