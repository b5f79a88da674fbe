"""Invoice use cases that span Postgres, object storage and the bus (routes stay thin)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

import structlog
from invoiceme_common.bus import publish_event
from invoiceme_common.businesses import enrich_saved_invoice
from invoiceme_common.events import InvoiceDeleted, InvoiceSaved, InvoiceUploaded
from invoiceme_common.invoice_store import set_status
from invoiceme_common.logging import bound_context, get_logger
from invoiceme_common.sniff import SUPPORTED, sniff_media_type
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import StoredObjectMissing

from .errors import ApiError
from .invoice_filters import search_document
from .repositories import invoices as repo
from .state import GatewayState

log = get_logger(__name__)


def _correlation_id() -> str | None:
    return structlog.contextvars.get_contextvars().get("correlation_id")


@dataclass(frozen=True)
class Accepted:
    id: uuid.UUID
    status: str


async def upload(state: GatewayState, tenant_id: uuid.UUID, filename: str | None, data: bytes) -> Accepted:
    """Store the original, record the invoice, queue OCR. ApiError on empty/too big/unsupported/duplicate."""
    settings = state.settings
    if not data:
        raise ApiError(400, f"the uploaded file {filename or ''} is empty".replace("  ", " "))
    if len(data) > settings.max_upload_bytes:
        raise ApiError(413, f"the file is larger than {settings.max_upload_mb:g} MB")
    media_type = sniff_media_type(data)
    if media_type is None:
        kinds = ", ".join(t.split("/")[1].upper() for t in SUPPORTED)
        raise ApiError(415, f"this file is not a PDF or a supported image ({kinds})")
    sha256 = hashlib.sha256(data).hexdigest()
    invoice_id = uuid.uuid4()
    storage_key = f"originals/{tenant_id}/{invoice_id}"
    name = (filename or "upload")[:255]
    with bound_context(tenant_id=tenant_id, invoice_id=invoice_id):
        async with state.pool.acquire() as conn, conn.transaction():
            await repo.lock_upload(conn, tenant_id, sha256)
            existing = await repo.find_by_sha(conn, tenant_id, sha256)
            if existing is not None:
                raise ApiError(
                    409,
                    "you already uploaded this exact file",
                    code="duplicate_file",
                    details={"existing_invoice_id": str(existing)},
                )
            await state.storage.put(storage_key, data)
            await repo.insert_received(
                conn, tenant_id, invoice_id, name, media_type, len(data), sha256, storage_key
            )
        event = InvoiceUploaded(
            tenant_id=tenant_id,
            invoice_id=invoice_id,
            storage_key=storage_key,
            filename=name,
            content_type=media_type,
            size_bytes=len(data),
            sha256=sha256,
        )
        try:
            topology = state.topology
            await publish_event(
                state.broker, event, topology.invoice_uploaded, topology.stream, _correlation_id()
            )
        except Exception as exc:
            log.exception("publish_failed")
            reason = "could not queue the invoice for processing (message bus unavailable); upload it again"
            await set_status(state.pool, tenant_id, invoice_id, InvoiceStatus.FAILED, reason)
            raise ApiError(503, reason) from exc
        log.info("invoice_received", size_bytes=len(data), media_type=media_type)
    return Accepted(invoice_id, InvoiceStatus.RECEIVED.value)


async def publish_saved(state: GatewayState, tenant_id: uuid.UUID, invoice_ids: list[uuid.UUID]) -> None:
    """Tell analytics an invoice changed (after the change committed); carries the current row."""
    topology = state.topology
    for invoice_id in invoice_ids:
        row = await repo.get(state.pool, tenant_id, invoice_id)
        if row is None:
            continue
        fields = row["fields"]
        event = InvoiceSaved(
            tenant_id=tenant_id,
            invoice_id=invoice_id,
            extraction_version=row["extraction_version"],
            status=row["status"],
            business_id=row["business_id"],
            vendor_name=fields.get("vendor_name"),
            invoice_date=fields.get("invoice_date"),
            currency=fields.get("currency"),
            total=fields.get("total"),
            fields=fields,
        )
        await publish_event(state.broker, event, topology.invoice_saved, topology.stream, _correlation_id())


async def delete(state: GatewayState, tenant_id: uuid.UUID, invoice_ids: list[uuid.UUID]) -> int:
    """Delete invoices, their original files and OCR results; analytics hear InvoiceDeleted."""
    rows = await repo.delete(state.pool, tenant_id, invoice_ids)
    topology = state.topology
    for row in rows:
        for key in (row["storage_key"], row["ocr_key"]):
            if key:
                try:
                    await state.storage.delete(key)
                except (StoredObjectMissing, ValueError):
                    pass
        event = InvoiceDeleted(
            tenant_id=tenant_id, invoice_id=row["id"], extraction_version=row["extraction_version"] + 1
        )
        await publish_event(state.broker, event, topology.invoice_deleted, topology.stream, _correlation_id())
    return len(rows)


async def load_ocr_text(state: GatewayState, ocr_key: str | None) -> str | None:
    if not ocr_key:
        return None
    from invoiceme_common.events import OcrDocument

    try:
        return OcrDocument.model_validate_json(await state.storage.get(ocr_key)).text
    except (StoredObjectMissing, ValueError):
        return None


async def enrich_pending(state: GatewayState, tenant_id: uuid.UUID) -> None:
    """Match businesses, flag near-duplicates and index text for invoices the extractor saved since
    we last looked (until the extractor runs `enrich_saved_invoice` itself)."""
    changed: list[uuid.UUID] = []
    for pending in await repo.pending_enrichment(state.pool, tenant_id):
        invoice_id = pending["id"]
        row = await repo.get(state.pool, tenant_id, invoice_id)
        if row is None:
            continue
        ocr_text = await load_ocr_text(state, row["ocr_key"])
        async with state.pool.acquire() as conn, conn.transaction():
            current = await repo.get(conn, tenant_id, invoice_id, for_update=True)
            if current is None or current["extraction_version"] != row["extraction_version"]:
                continue  # changed meanwhile; the next read handles it
            decision = await enrich_saved_invoice(conn, tenant_id, invoice_id, current["fields"])
            await conn.execute(
                "UPDATE invoices SET ocr_text = coalesce($3, ocr_text), search_text = $4"
                " WHERE id = $1 AND tenant_id = $2",
                invoice_id,
                tenant_id,
                ocr_text,
                search_document(current["fields"], current["filename"], ocr_text),
            )
            # The extractor's InvoiceSaved carried no business: tell analytics which one it is.
            if decision.business_id is not None:
                await repo.bump_version(conn, tenant_id, invoice_id)
                changed.append(invoice_id)
    await publish_saved(state, tenant_id, changed)
