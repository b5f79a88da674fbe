"""What the invoice list's `q` searches, kept in `invoices.search_text`.

Written by whoever changes the fields, in the same transaction: the extractor when it saves an
extraction, the gateway when a user edits. Reads never index (a GET never writes).
"""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from invoiceme_common.vendor_matching import normalize_text


def search_document(fields: dict[str, Any], filename: str, ocr_text: str | None) -> str:
    """Vendor, number, tax id, file name and the OCR text, Hebrew-normalized."""
    parts = [str(fields.get(key) or "") for key in ("vendor_name", "invoice_number", "vendor_tax_id")]
    return normalize_text(" ".join([*parts, filename, ocr_text or ""]))


async def index_invoice(
    conn: asyncpg.Connection,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    fields: dict[str, Any],
    ocr_text: str | None,
    filename: str | None = None,
) -> None:
    """Store the OCR text (when given) and the search text for the invoice's current fields.
    A caller that has both the OCR text and the file name saves the read of the row."""
    if ocr_text is not None and filename is not None:
        text = ocr_text
    else:
        row = await conn.fetchrow(
            "SELECT filename, ocr_text FROM invoices WHERE id = $1 AND tenant_id = $2", invoice_id, tenant_id
        )
        if row is None:
            return
        text = ocr_text if ocr_text is not None else row["ocr_text"]
        filename = row["filename"]
    await conn.execute(
        """UPDATE invoices SET ocr_text = $3, search_text = $4, indexed_version = extraction_version
           WHERE id = $1 AND tenant_id = $2""",
        invoice_id,
        tenant_id,
        text,
        search_document(fields, filename or "", text),
    )
