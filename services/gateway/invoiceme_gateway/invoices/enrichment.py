"""After the extractor saves an invoice: match its business, flag near-duplicates, index its text.

Runs in the gateway (which owns businesses) from a durable consumer of InvoiceSaved, and lazily
on reads as a safety net. Both are idempotent: an invoice is enriched once per extraction_version.
When the extractor itself calls `enrich_saved_invoice` in its save, only indexing is left here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from faststream.nats import NatsBroker, NatsMessage

from invoiceme_common.businesses import enrich_saved_invoice
from invoiceme_common.events import InvoiceSaved, OcrDocument
from invoiceme_common.invoice_store import DeadLetter, record_dead_letter
from invoiceme_common.service import subscribe_durable
from invoiceme_common.storage import StoredObjectMissing
from invoiceme_common.topology import ConsumerSpec, Topology
from invoiceme_gateway.invoices import repository as repo
from invoiceme_gateway.invoices.filters import search_document
from invoiceme_gateway.invoices.service import publish_saved
from invoiceme_gateway.state import GatewayState


async def _ocr_text(state: GatewayState, ocr_key: str | None) -> str | None:
    if not ocr_key:
        return None
    try:
        return OcrDocument.model_validate_json(await state.storage.get(ocr_key)).text
    except (StoredObjectMissing, ValueError):
        return None


async def enrich_invoice(state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> bool:
    """Returns True when the business changed and InvoiceSaved must be published."""
    row = await repo.get(state.pool, tenant_id, invoice_id)
    if row is None:
        return False
    ocr_text = await _ocr_text(state, row["ocr_key"])
    async with state.pool.acquire() as conn, conn.transaction():
        current = await repo.lock_for_enrichment(conn, tenant_id, invoice_id)
        if (
            current is None
            or not current["stale"]
            or current["extraction_version"] != row["extraction_version"]
        ):
            return False  # done already, or changed meanwhile (its own event will come)
        search_text = search_document(current["fields"], current["filename"], ocr_text)
        await repo.set_search_text(conn, tenant_id, invoice_id, search_text, ocr_text)
        if not current["match_stale"]:
            return False
        decision = await enrich_saved_invoice(conn, tenant_id, invoice_id, current["fields"])
        # The extractor's InvoiceSaved carried no business: tell analytics which one it is.
        if decision.business_id is None:
            return False
        await repo.bump_version(conn, tenant_id, invoice_id)
        return True


async def enrich_pending(state: GatewayState, tenant_id: uuid.UUID) -> None:
    changed = [
        row["id"]
        for row in await repo.pending_enrichment(state.pool, tenant_id)
        if await enrich_invoice(state, tenant_id, row["id"])
    ]
    await publish_saved(state, tenant_id, changed)


def enricher_consumer(topology: Topology, ack_wait: float, max_deliver: int) -> ConsumerSpec:
    return ConsumerSpec(
        f"{topology.namespace}-gateway-enricher", topology.invoice_saved, ack_wait, max_deliver
    )


def subscribe_enricher(
    broker: NatsBroker, topology: Topology, spec: ConsumerSpec, get_state: Callable[[], GatewayState]
) -> None:
    """Register the durable consumer (declare it with `ensure_consumer` before the broker starts)."""

    async def handle(event: InvoiceSaved, msg: NatsMessage) -> None:
        state = get_state()
        if await enrich_invoice(state, event.tenant_id, event.invoice_id):
            await publish_saved(state, event.tenant_id, [event.invoice_id])

    async def give_up(
        event: InvoiceSaved | None, payload: dict[str, Any], reason: str, attempts: int
    ) -> None:
        # Enrichment failing must not fail the invoice: keep a dead letter; reads retry lazily.
        await record_dead_letter(get_state().pool, DeadLetter.of(spec, event, payload, reason, attempts))

    subscribe_durable(broker, topology, spec, InvoiceSaved, handle, give_up)
