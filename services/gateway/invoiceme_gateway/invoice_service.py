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
from invoiceme_common.storage import (
    StorageIntegrityError,
    StorageUnavailable,
    delete_invoice_files,
    original_key,
)

from .errors import ApiError
from .repositories import invoices as repo
from .state import GatewayState

log = get_logger(__name__)


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
    storage_key = original_key(tenant_id, invoice_id, sha256)
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
            await _store_original(state, storage_key, data, sha256, media_type)
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
            raise ApiError(503, reason) from exc
        log.info("invoice_received", size_bytes=len(data), media_type=media_type)
    return Accepted(invoice_id, InvoiceStatus.RECEIVED.value)


async def _store_original(
    state: GatewayState, storage_key: str, data: bytes, sha256: str, media_type: str
) -> None:
    """Store the file before its row commits: a failure here rolls the row back (no row without file)."""
    try:
        await state.storage.put(storage_key, data, sha256=sha256, content_type=media_type)
    except (StorageUnavailable, StorageIntegrityError) as exc:
        log.error("original_not_stored", reason=str(exc), backend=state.storage.backend)
        raise ApiError(
            503,
            "the file store is unavailable, so the invoice was not saved; try again in a few minutes",
            code="storage_unavailable",
        ) from exc


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
        keys = (row["storage_key"], row["ocr_key"])
        try:
            await delete_invoice_files(state.storage, tenant_id, row["id"], keys)
        except StorageUnavailable as exc:  # the row is gone: log what to sweep, don't fail the delete
            log.error("invoice_files_not_deleted", invoice_id=str(row["id"]), keys=keys, reason=str(exc))
        event = InvoiceDeleted(
            tenant_id=tenant_id, invoice_id=row["id"], extraction_version=row["extraction_version"] + 1
        )
        await publish_event(state.broker, event, topology.invoice_deleted, topology.stream)
    return len(rows)
