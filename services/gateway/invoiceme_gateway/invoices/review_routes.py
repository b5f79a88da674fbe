from __future__ import annotations

import uuid
from urllib.parse import quote

from fastapi import APIRouter, Path
from fastapi.responses import Response

from invoiceme_common.storage import StoredObjectMissing
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import ApiError, error_responses
from invoiceme_gateway.invoices import repository as repo
from invoiceme_gateway.invoices import review_service as invoice_review
from invoiceme_gateway.invoices.models import (
    ExtractionRecord,
    InvoiceDetail,
    InvoicePatch,
    ReextractIn,
    UploadAccepted,
)
from invoiceme_gateway.invoices.previews import PageNotFound, render_page
from invoiceme_gateway.invoices.routes import get_invoice

router = APIRouter(prefix="/api/invoices", tags=["invoices"], responses=error_responses(404))


@router.patch(
    "/{invoice_id}",
    response_model=InvoiceDetail,
    responses=error_responses(404, 422),
    summary="Edit fields/line items, assign a business, or confirm the review",
)
async def patch_invoice(invoice_id: uuid.UUID, body: InvoicePatch, user: User, state: State) -> InvoiceDetail:
    """Every change is recorded (who, when, old -> new) and publishes InvoiceSaved so analytics stay
    exact. With `use_items_total` on, line items must add up to the total (422 says by how much).
    Assigning a business teaches the extracted vendor name as one of its aliases."""
    await invoice_review.edit(state, user.tenant_id, user.user_id, invoice_id, body)
    return await get_invoice(invoice_id, user, state)


@router.post(
    "/{invoice_id}/reextract",
    status_code=202,
    response_model=UploadAccepted,
    responses=error_responses(404, 409),
    summary="Extract the fields again (optionally another provider)",
)
async def reextract_invoice(
    invoice_id: uuid.UUID, user: User, state: State, body: ReextractIn | None = None
) -> UploadAccepted:
    """The new result is kept beside the old ones in `extraction_history`; pick one with
    `POST /api/invoices/{id}/extractions/{extraction_id}/restore`."""
    status = await invoice_review.reextract(
        state, user.tenant_id, invoice_id, body.provider if body else None
    )
    return UploadAccepted(id=invoice_id, status=status)


@router.get(
    "/{invoice_id}/extractions",
    response_model=list[ExtractionRecord],
    summary="Every result this invoice had (extractions, edits, restores)",
)
async def list_extractions(invoice_id: uuid.UUID, user: User, state: State) -> list[ExtractionRecord]:
    row = await repo.get(state.pool, user.tenant_id, invoice_id)
    if row is None:
        raise ApiError(404, "no such invoice")
    return [
        ExtractionRecord(**dict(r), current=(r["fields"] == row["fields"]))
        for r in await repo.extractions(state.pool, user.tenant_id, invoice_id)
    ]


@router.post(
    "/{invoice_id}/extractions/{extraction_id}/restore",
    response_model=InvoiceDetail,
    summary="Make this result the invoice's current fields",
)
async def restore_extraction(
    invoice_id: uuid.UUID, extraction_id: int, user: User, state: State
) -> InvoiceDetail:
    await invoice_review.restore(state, user.tenant_id, user.user_id, invoice_id, extraction_id)
    return await get_invoice(invoice_id, user, state)


async def _original(state: State, user: User, invoice_id: uuid.UUID) -> tuple[bytes, str | None, str]:
    row = await repo.get(state.pool, user.tenant_id, invoice_id)
    if row is None:
        raise ApiError(404, "no such invoice")
    try:
        return await state.storage.get(row["storage_key"]), row["content_type"], row["filename"]
    except StoredObjectMissing as exc:
        raise ApiError(404, "the original file of this invoice is missing from storage") from exc


def attachment_disposition(filename: str) -> str:
    """Uploaded names are user input: an ASCII fallback without quotes or control characters,
    and the exact name percent-encoded (RFC 6266)."""
    ascii_name = "".join(c if " " <= c <= "~" and c not in '"?\\' else "_" for c in filename)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


@router.get(
    "/{invoice_id}/original",
    response_class=Response,
    summary="Download the original file",
    responses={200: {"content": {"application/pdf": {}, "image/*": {}}}},
)
async def download_original(invoice_id: uuid.UUID, user: User, state: State) -> Response:
    data, media_type, filename = await _original(state, user, invoice_id)
    disposition = attachment_disposition(filename)
    return Response(
        data,
        media_type=media_type or "application/octet-stream",
        headers={"Content-Disposition": disposition},
    )


@router.get(
    "/{invoice_id}/pages/{page_number}.png",
    response_class=Response,
    summary="A page as PNG (preview)",
    responses={200: {"content": {"image/png": {}}}},
)
async def page_image(
    invoice_id: uuid.UUID,
    user: User,
    state: State,
    page_number: int = Path(ge=1, le=1000, description="1-based"),
) -> Response:
    data, media_type, _ = await _original(state, user, invoice_id)
    try:
        png = await render_page(data, media_type, page_number)
    except PageNotFound as exc:
        raise ApiError(404, f"this document has no page {page_number}") from exc
    except Exception as exc:
        raise ApiError(415, "a preview of this file cannot be drawn; download the original instead") from exc
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})
