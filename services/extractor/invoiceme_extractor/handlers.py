"""Extraction hop: TextExtracted -> fields -> saved on the invoice -> InvoiceSaved."""

from __future__ import annotations

from faststream.nats import NatsMessage

from invoiceme_common.bus import derived_event_id, publish_event
from invoiceme_common.events import InvoiceSaved, TextExtracted
from invoiceme_common.logging import get_logger
from invoiceme_common.service import ServiceRuntime
from invoiceme_common.status import InvoiceStatus

from . import repository
from .pipeline import extract_invoice

log = get_logger(__name__)


async def on_text_extracted(event: TextExtracted, msg: NatsMessage, runtime: ServiceRuntime) -> None:
    extraction = extract_invoice(event.pages)
    status = InvoiceStatus.NEEDS_REVIEW if extraction.needs_review else InvoiceStatus.EXTRACTED
    version = await repository.save_extraction(runtime.pool, event.tenant_id, event.invoice_id, extraction, status)
    if version is None:
        log.info("invoice_deleted_before_extraction_finished")
        return
    log.info("extracted", status=str(status), total=extraction.total, currency=extraction.currency)
    saved = InvoiceSaved(
        event_id=derived_event_id(event.event_id, f"extract:{version}"),
        tenant_id=event.tenant_id,
        invoice_id=event.invoice_id,
        extraction_version=version,
        status=str(status),
        vendor_name=extraction.vendor_name,
        invoice_date=extraction.invoice_date,
        currency=extraction.currency,
        total=extraction.total,
        fields=repository.stored_fields(extraction),
    )
    topology = runtime.topology
    await publish_event(runtime.broker, saved, topology.invoice_saved, topology.stream, msg.correlation_id)
