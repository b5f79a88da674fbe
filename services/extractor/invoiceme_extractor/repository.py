"""Postgres writes of the extractor."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import asyncpg

from invoiceme_common.businesses import enrich_saved_invoice
from invoiceme_common.invoice_store import set_status
from invoiceme_common.status import InvoiceStatus

from .contract import Extraction


def stored_fields(extraction: Extraction) -> dict[str, Any]:
    """The invoice's `fields` column: the contract minus warnings (stored in their own column)."""
    return extraction.model_dump(mode="json", exclude={"warnings"})


@dataclass(frozen=True)
class SavedExtraction:
    version: int
    business_id: uuid.UUID | None  # the business the invoice was matched (or manually kept) to


async def save_extraction(
    pool: asyncpg.Pool,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    extraction: Extraction,
    status: InvoiceStatus,
) -> SavedExtraction | None:
    """Save fields, bump extraction_version and match the business (same transaction, so analytics
    learn the business from this very InvoiceSaved); None when the invoice was deleted meanwhile."""
    async with pool.acquire() as conn, conn.transaction():
        version = await conn.fetchval(
            """UPDATE invoices SET fields = $3, warnings = $4, extraction_version = extraction_version + 1
               WHERE id = $2 AND tenant_id = $1 RETURNING extraction_version""",
            tenant_id,
            invoice_id,
            stored_fields(extraction),
            [w.model_dump() for w in extraction.warnings],
        )
        if version is None:
            return None
        await set_status(conn, tenant_id, invoice_id, status)
        decision = await enrich_saved_invoice(conn, tenant_id, invoice_id, stored_fields(extraction))
        return SavedExtraction(int(version), decision.business_id)
