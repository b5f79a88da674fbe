"""Extraction hop: TextExtracted -> fields -> saved on the invoice -> InvoiceSaved."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from faststream.nats import NatsMessage

from invoiceme_common.bus import derived_event_id, publish_event
from invoiceme_common.events import InvoiceSaved, TextExtracted
from invoiceme_common.logging import get_logger
from invoiceme_common.service import ServiceRuntime
from invoiceme_common.status import InvoiceStatus

from . import repository
from .contract import Extraction
from .llm.base import LlmProvider
from .pipeline import extract_invoice

log = get_logger(__name__)
_HEARTBEAT_SECONDS = 20.0


async def _extract_with_heartbeat(
    event: TextExtracted, msg: NatsMessage, providers: Sequence[LlmProvider]
) -> Extraction:
    """LLM retries can outlast ack_wait: tell JetStream we are still working so it does not redeliver."""
    task = asyncio.create_task(extract_invoice(event.pages, providers))
    while not task.done():
        await asyncio.wait({task}, timeout=_HEARTBEAT_SECONDS)
        if not task.done():
            try:
                await msg.in_progress()
            except Exception as error:  # in-memory test brokers have no ack protocol
                log.debug("in_progress_failed", error=str(error))
    return task.result()


async def on_text_extracted(
    event: TextExtracted, msg: NatsMessage, runtime: ServiceRuntime, providers: Sequence[LlmProvider] = ()
) -> None:
    extraction = await _extract_with_heartbeat(event, msg, providers)
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
