from __future__ import annotations

import hashlib
import uuid
from datetime import datetime
from typing import Any

import structlog
from fastapi import APIRouter, UploadFile
from pydantic import BaseModel

from invoiceme_common.bus import publish_event
from invoiceme_common.events import InvoiceUploaded
from invoiceme_common.invoice_store import set_status
from invoiceme_common.logging import bound_context, get_logger
from invoiceme_common.sniff import SUPPORTED, sniff_media_type
from invoiceme_common.status import InvoiceStatus

from ..deps import State, User
from ..errors import ApiError

router = APIRouter(prefix="/api/invoices", tags=["invoices"])
log = get_logger(__name__)

_COLUMNS = """id, status, error, filename, content_type, size_bytes, sha256, text_source, ocr_confidence,
              page_count, fields, warnings, extraction_version, created_at, updated_at"""


class UploadAccepted(BaseModel):
    id: uuid.UUID
    status: str


class InvoiceOut(BaseModel):
    id: uuid.UUID
    status: str
    error: str | None = None
    filename: str
    content_type: str | None
    size_bytes: int
    sha256: str
    text_source: str | None
    ocr_confidence: float | None
    page_count: int | None
    fields: dict[str, Any]
    warnings: list[dict[str, Any]]
    extraction_version: int
    created_at: datetime
    updated_at: datetime


class InvoiceList(BaseModel):
    items: list[InvoiceOut]


@router.post("", status_code=202, response_model=UploadAccepted, summary="Upload one invoice (field `file`)")
async def upload_invoice(file: UploadFile, user: User, state: State) -> UploadAccepted:
    data = await file.read()
    if not data:
        raise ApiError(400, "the uploaded file is empty")
    if len(data) > state.settings.max_upload_bytes:
        raise ApiError(413, f"the file is larger than {state.settings.max_upload_mb:g} MB")
    media_type = sniff_media_type(data)
    if media_type is None:
        kinds = ", ".join(t.split("/")[1].upper() for t in SUPPORTED)
        raise ApiError(415, f"this file is not a PDF or a supported image ({kinds})")
    invoice_id = uuid.uuid4()
    storage_key = f"originals/{user.tenant_id}/{invoice_id}"
    filename = (file.filename or "upload")[:255]
    with bound_context(tenant_id=user.tenant_id, invoice_id=invoice_id):
        await state.storage.put(storage_key, data)
        event = InvoiceUploaded(
            tenant_id=user.tenant_id,
            invoice_id=invoice_id,
            storage_key=storage_key,
            filename=filename,
            content_type=media_type,
            size_bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        async with state.pool.acquire() as conn, conn.transaction():
            await conn.execute(
                """INSERT INTO invoices (id, tenant_id, status, filename, content_type, size_bytes, sha256, storage_key)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""",
                invoice_id, user.tenant_id, InvoiceStatus.RECEIVED.value, filename, media_type,
                len(data), event.sha256, storage_key,
            )
            await conn.execute(
                "INSERT INTO invoice_status_history (invoice_id, tenant_id, status) VALUES ($1, $2, $3)",
                invoice_id, user.tenant_id, InvoiceStatus.RECEIVED.value,
            )
        try:
            topology = state.topology
            correlation_id = structlog.contextvars.get_contextvars().get("correlation_id")
            await publish_event(state.broker, event, topology.invoice_uploaded, topology.stream, correlation_id)
        except Exception as exc:
            log.exception("publish_failed")
            reason = "could not queue the invoice for processing (message bus unavailable); upload it again"
            await set_status(state.pool, user.tenant_id, invoice_id, InvoiceStatus.FAILED, reason)
            raise ApiError(503, reason) from exc
        log.info("invoice_received", size_bytes=len(data), media_type=media_type)
    return UploadAccepted(id=invoice_id, status=InvoiceStatus.RECEIVED.value)


@router.get("", response_model=InvoiceList)
async def list_invoices(user: User, state: State, limit: int = 100, offset: int = 0) -> InvoiceList:
    rows = await state.pool.fetch(
        f"SELECT {_COLUMNS} FROM invoices WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3",
        user.tenant_id, max(1, min(limit, 500)), max(0, offset),
    )
    return InvoiceList(items=[InvoiceOut(**dict(row)) for row in rows])


@router.get("/{invoice_id}", response_model=InvoiceOut)
async def get_invoice(invoice_id: uuid.UUID, user: User, state: State) -> InvoiceOut:
    row = await state.pool.fetchrow(
        f"SELECT {_COLUMNS} FROM invoices WHERE id = $1 AND tenant_id = $2", invoice_id, user.tenant_id
    )
    if row is None:
        raise ApiError(404, "no such invoice")
    return InvoiceOut(**dict(row))
