"""Invoice use cases that span Postgres, object storage and the bus (routes stay thin)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from invoiceme_common.bus import publish_event
from invoiceme_common.events import InvoiceDeleted, InvoiceSaved, InvoiceUploaded
from invoiceme_common.invoice_store import set_status
from invoiceme_common.logging import bound_context, get_logger
from invoiceme_common.sniff import SUPPORTED, sniff_media_type
from invoiceme_common.status import InvoiceStatus
from invoiceme_common.storage import StoredObjectMissing
from invoiceme_gateway.domain_errors import BadRequest, Conflict, TooLarge, Unavailable, UnsupportedMedia
from invoiceme_gateway.invoices import repository as repo
from invoiceme_gateway.state import GatewayState

log = get_logger(__name__)


@dataclass(frozen=True)
class Accepted:
    id: uuid.UUID
    status: str


async def upload(state: GatewayState, tenant_id: uuid.UUID, filename: str | None, data: bytes) -> Accepted:
    """Store the original, record the invoice, queue OCR. ApiError on empty/too big/unsupported/duplicate."""
    settings = state.settings
    if not data:
        raise BadRequest(f"the uploaded file {filename or ''} is empty".replace("  ", " "))
    if len(data) > settings.max_upload_bytes:
        raise TooLarge(f"the file is larger than {settings.max_upload_mb:g} MB")
    media_type = sniff_media_type(data)
    if media_type is None:
        kinds = ", ".join(t.split("/")[1].upper() for t in SUPPORTED)
        raise UnsupportedMedia(f"this file is not a PDF or a supported image ({kinds})")
    sha256 = hashlib.sha256(data).hexdigest()
    invoice_id = uuid.uuid4()
    storage_key = f"originals/{tenant_id}/{invoice_id}"
    name = (filename or "upload")[:255]
    with bound_context(tenant_id=tenant_id, invoice_id=invoice_id):
        async with state.pool.acquire() as conn, conn.transaction():
            await repo.lock_upload(conn, tenant_id, sha256)
            existing = await repo.find_by_sha(conn, tenant_id, sha256)
            if existing is not None:
                raise Conflict(
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
            await publish_event(state.broker, event, topology.invoice_uploaded, topology.stream)
        except Exception as exc:
            log.exception("publish_failed")
            reason = "could not queue the invoice for processing (message bus unavailable); upload it again"
            await set_status(state.pool, tenant_id, invoice_id, InvoiceStatus.FAILED, reason)
            raise Unavailable(reason) from exc
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
        await publish_event(state.broker, event, topology.invoice_saved, topology.stream)


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
        await publish_event(state.broker, event, topology.invoice_deleted, topology.stream)
    return len(rows)
