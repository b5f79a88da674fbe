"""Postgres writes of the extractor."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import asyncpg

from invoiceme_common import outbox
from invoiceme_common.businesses import enrich_saved_invoice
from invoiceme_common.events import InvoiceSaved, TextExtracted
from invoiceme_common.invoice_store import advance, is_awaiting
from invoiceme_common.search_index import index_invoice
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.topology import Topology

from .contract import Extraction


def stored_fields(extraction: Extraction) -> dict[str, Any]:
    """The invoice's `fields` column: the contract minus warnings (stored in their own column)."""
    return extraction.model_dump(mode="json", exclude={"warnings"})


@dataclass(frozen=True)
class SavedExtraction:
    version: int
    business_id: uuid.UUID | None  # the business the invoice was matched (or manually kept) to


def saved_event(
    source: TextExtracted, extraction: Extraction, status: InvoiceStatus, saved_as: SavedExtraction
) -> InvoiceSaved:
    """What analytics hear about this save (a new event id: a new step, never a copy of an old one)."""
    return InvoiceSaved(
        tenant_id=source.tenant_id,
        invoice_id=source.invoice_id,
        extraction_version=saved_as.version,
        status=str(status),
        business_id=saved_as.business_id,
        vendor_name=extraction.vendor_name,
        invoice_date=extraction.invoice_date,
        currency=extraction.currency,
        total=extraction.total,
        fields=stored_fields(extraction),
    )


async def save_extraction(
    pool: asyncpg.Pool,
    source: TextExtracted,
    extraction: Extraction,
    status: InvoiceStatus,
    topology: Topology,
    correlation_id: str | None = None,
    ocr_text: str | None = None,
) -> InvoiceSaved | None:
    """In one transaction: move the invoice from ocr_done (this run only) to `status`, save the
    fields as a new extraction version (the old ones stay in invoice_extractions), match the
    business, index the text the list searches (`ocr_text`, default: the event's page texts), and
    queue InvoiceSaved in the outbox. None when the invoice was deleted or moved on
    (a redelivered message, or a newer run): nothing is written then, so a user's edits stay."""
    tenant_id, invoice_id = source.tenant_id, source.invoice_id
    fields = stored_fields(extraction)
    async with pool.acquire() as conn, conn.transaction():
        updated = await conn.fetchrow(
            """UPDATE invoices SET fields = $3, warnings = $4, extraction_version = extraction_version + 1
               WHERE id = $2 AND tenant_id = $1 AND status = $5 AND ($6::integer IS NULL OR pipeline_run = $6)
               RETURNING extraction_version, filename""",
            tenant_id,
            invoice_id,
            fields,
            [w.model_dump() for w in extraction.warnings],
            str(InvoiceStatus.OCR_DONE),
            source.run,
        )
        if updated is None:
            return None
        await advance(conn, tenant_id, invoice_id, status, (InvoiceStatus.OCR_DONE,), source.run)
        decision = await enrich_saved_invoice(conn, tenant_id, invoice_id, fields)
        if ocr_text is None and source.pages:
            ocr_text = "\n\n".join(page.text for page in source.pages)
        await index_invoice(conn, tenant_id, invoice_id, fields, ocr_text, updated["filename"])
        version = int(updated["extraction_version"])
        event = saved_event(source, extraction, status, SavedExtraction(version, decision.business_id))
        await outbox.add(conn, event, topology.invoice_saved, topology.stream, correlation_id)
        return event


class PostgresExtractionStore:
    """The ExtractionStore of the running service."""

    def __init__(self, pool: Callable[[], asyncpg.Pool], topology: Topology) -> None:
        self._pool = pool  # the runtime's pool exists only after start-up
        self._topology = topology

    async def is_awaiting(self, event: TextExtracted) -> bool:
        return await is_awaiting(
            self._pool(), event.tenant_id, event.invoice_id, InvoiceStatus.OCR_DONE, event.run
        )

    async def save(
        self,
        event: TextExtracted,
        extraction: Extraction,
        status: InvoiceStatus,
        correlation_id: str | None,
        ocr_text: str,
    ) -> InvoiceSaved | None:
        return await save_extraction(
            self._pool(), event, extraction, status, self._topology, correlation_id, ocr_text=ocr_text
        )
