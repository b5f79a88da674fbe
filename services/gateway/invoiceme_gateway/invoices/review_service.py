"""Editing, confirming, assigning, re-extracting and restoring an invoice (spans DB, storage, bus).
Every event goes to the outbox in the transaction of its change (see invoices/service.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from invoiceme_common import outbox
from invoiceme_common.businesses import enrich_saved_invoice, flag_possible_duplicate
from invoiceme_common.events import InvoiceUploaded, OcrDocument, TextExtracted
from invoiceme_common.invoice_store import restart, set_status
from invoiceme_common.search_index import index_invoice
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import StoredObjectMissing
from invoiceme_gateway.businesses import repository as business_repo
from invoiceme_gateway.domain_errors import Conflict, InvalidInput, NotFound
from invoiceme_gateway.invoices import repository as repo
from invoiceme_gateway.invoices.edits import EditRejected, apply_edit
from invoiceme_gateway.invoices.models import InvoicePatch
from invoiceme_gateway.invoices.service import queue_saved
from invoiceme_gateway.quotas import OFFLINE_PROVIDERS, spend_llm_action
from invoiceme_gateway.state import GatewayState


async def edit(
    state: GatewayState, tenant_id: uuid.UUID, user_id: uuid.UUID, invoice_id: uuid.UUID, patch: InvoicePatch
) -> None:
    async with state.pool.acquire() as conn, conn.transaction():
        row = await repo.get(conn, tenant_id, invoice_id, for_update=True)
        if row is None:
            raise NotFound("no such invoice")
        diff: list[dict[str, Any]] = []
        if patch.fields or patch.line_items is not None:
            try:
                new_fields, diff = apply_edit(row["fields"] or {}, patch.fields or {}, patch.line_items)
            except EditRejected as exc:
                raise InvalidInput(str(exc), code="invalid_edit", details={"field": exc.field}) from exc
            if diff:
                await repo.save_fields(conn, tenant_id, invoice_id, new_fields, "edit")
                # Saved fields are matched and indexed in their transaction (as the extractor's save
                # does), so a corrected vendor finds its business; a manual assignment is kept.
                await enrich_saved_invoice(conn, tenant_id, invoice_id, new_fields)
                await index_invoice(conn, tenant_id, invoice_id, new_fields, None)
        if "business_id" in patch.model_fields_set and patch.business_id != row["business_id"]:
            diff.append(await _assign(conn, tenant_id, row, patch.business_id))
        if patch.confirm:
            await repo.mark_reviewed(conn, tenant_id, invoice_id, user_id, datetime.now(UTC))
            if row["status"] == InvoiceStatus.NEEDS_REVIEW:
                await set_status(conn, tenant_id, invoice_id, InvoiceStatus.EXTRACTED)
                diff.append({"field": "status", "old": row["status"], "new": InvoiceStatus.EXTRACTED.value})
        if diff:
            if not any(change["field"] not in ("business_id", "status") for change in diff):
                await repo.bump_version(conn, tenant_id, invoice_id)
            await repo.record_edit(conn, tenant_id, invoice_id, user_id, diff)
            await flag_possible_duplicate(conn, tenant_id, invoice_id)
            await queue_saved(conn, state.topology, tenant_id, [invoice_id])


async def _assign(conn: Any, tenant_id: uuid.UUID, row: Any, business_id: uuid.UUID | None) -> dict[str, Any]:
    """Assign (or unassign); assigning teaches the extracted vendor name as an alias of the business."""
    if business_id is not None and not await business_repo.exists(conn, tenant_id, business_id):
        raise NotFound("no such business")
    await repo.set_business(conn, tenant_id, row["id"], business_id, "manual" if business_id else "none")
    vendor = (row["fields"] or {}).get("vendor_name")
    if business_id is not None and vendor:
        await business_repo.add_alias(conn, tenant_id, business_id, vendor)
    old = str(row["business_id"]) if row["business_id"] else None
    return {"field": "business_id", "old": old, "new": str(business_id) if business_id else None}


async def reextract(
    state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID, provider: str | None
) -> str:
    """Extract again from the stored OCR text (or from the original when none is stored)."""
    row = await repo.get(state.pool, tenant_id, invoice_id)
    if row is None:
        raise NotFound("no such invoice")
    if row["status"] == InvoiceStatus.RECEIVED:
        raise Conflict("this invoice is still being read; wait until it is processed")
    if provider not in OFFLINE_PROVIDERS:  # the configured or chosen provider may be a remote LLM
        await spend_llm_action(state, tenant_id)
    topology = state.topology
    document = None
    if row["ocr_key"]:
        try:
            document = OcrDocument.model_validate_json(await state.storage.get(row["ocr_key"]))
        except (StoredObjectMissing, ValueError):
            document = None
    async with state.pool.acquire() as conn, conn.transaction():
        await repo.set_reextract_provider(conn, tenant_id, invoice_id, provider)
        status = InvoiceStatus.OCR_DONE if document else InvoiceStatus.RECEIVED
        # A new run, also from ocr_done: an extraction still in flight must not answer this request.
        run = await restart(conn, tenant_id, invoice_id, status)
        if run is None:
            raise NotFound("no such invoice")
        if document is not None:
            event: TextExtracted | InvoiceUploaded = TextExtracted(
                tenant_id=tenant_id,
                invoice_id=invoice_id,
                ocr_key=row["ocr_key"],
                media_type=document.media_type,
                pages=[],  # a reference: the extractor reads the stored result at ocr_key
                provider=provider,
                run=run,
            )
            await outbox.add(conn, event, topology.text_extracted, topology.stream)
        else:
            event = InvoiceUploaded(
                tenant_id=tenant_id,
                invoice_id=invoice_id,
                storage_key=row["storage_key"],
                filename=row["filename"],
                content_type=row["content_type"],
                size_bytes=row["size_bytes"],
                sha256=row["sha256"],
                run=run,
            )
            await outbox.add(conn, event, topology.invoice_uploaded, topology.stream)
    return status.value


async def restore(
    state: GatewayState, tenant_id: uuid.UUID, user_id: uuid.UUID, invoice_id: uuid.UUID, extraction_id: int
) -> None:
    """Make an earlier (or the re-extracted) result current again; recorded as an edit."""
    async with state.pool.acquire() as conn, conn.transaction():
        row = await repo.get(conn, tenant_id, invoice_id, for_update=True)
        chosen = await repo.extraction(conn, tenant_id, invoice_id, extraction_id)
        if row is None or chosen is None:
            raise NotFound("no such invoice or extraction")
        if chosen["fields"] == row["fields"]:
            return
        await repo.save_fields(conn, tenant_id, invoice_id, chosen["fields"], "restore", chosen["warnings"])
        await repo.record_edit(
            conn,
            tenant_id,
            invoice_id,
            user_id,
            [{"field": "extraction", "old": row["extraction_version"], "new": extraction_id}],
        )
        if row["status"] in (InvoiceStatus.EXTRACTED, InvoiceStatus.NEEDS_REVIEW):
            serious = any(w.get("serious") for w in chosen["warnings"])
            wanted = InvoiceStatus.NEEDS_REVIEW if serious else InvoiceStatus.EXTRACTED
            if wanted != row["status"]:
                await set_status(conn, tenant_id, invoice_id, wanted)
        await flag_possible_duplicate(conn, tenant_id, invoice_id)
        await queue_saved(conn, state.topology, tenant_id, [invoice_id])
