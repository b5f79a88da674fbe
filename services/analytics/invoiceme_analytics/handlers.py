"""Analytics hop: InvoiceSaved -> replace that invoice's contribution to the tenant's aggregates."""

from __future__ import annotations

from faststream.nats import NatsMessage

from invoiceme_common.events import InvoiceSaved
from invoiceme_common.logging import get_logger
from invoiceme_common.service import ServiceRuntime

from . import repository
from .domain import make_fact

log = get_logger(__name__)


async def on_invoice_saved(event: InvoiceSaved, msg: NatsMessage, runtime: ServiceRuntime) -> None:
    fact = make_fact(event.vendor_name, event.invoice_date, event.currency, event.total)
    applied = await repository.apply_invoice(
        runtime.pool, event.tenant_id, event.invoice_id, event.event_id, event.extraction_version, fact
    )
    log.info("aggregates_updated" if applied else "event_already_applied", version=event.extraction_version)
