"""Reviewing an invoice: edit, re-extract, restore an earlier result; download the original, page
previews and page layouts (OCR words with boxes)."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path
from fastapi.responses import Response, StreamingResponse

from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import error_responses
from invoiceme_gateway.invoices import read_service, review_service
from invoiceme_gateway.invoices.models import (
    ExtractionRecord,
    InvoiceDetail,
    InvoicePatch,
    PageLayout,
    ReextractIn,
    UploadAccepted,
)

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
    await review_service.edit(state, user.tenant_id, user.user_id, invoice_id, body)
    return await read_service.detail(state, user.tenant_id, invoice_id)


@router.post(
    "/{invoice_id}/reextract",
    status_code=202,
    response_model=UploadAccepted,
    responses=error_responses(404, 409, 429),
    summary="Extract the fields again (optionally another provider)",
)
async def reextract_invoice(
    invoice_id: uuid.UUID, user: User, state: State, body: ReextractIn | None = None
) -> UploadAccepted:
    """The new result is kept beside the old ones in `extraction_history`; pick one with
    `POST /api/invoices/{id}/extractions/{extraction_id}/restore`."""
    status = await review_service.reextract(
        state, user.tenant_id, invoice_id, body.provider if body else None
    )
    return UploadAccepted(id=invoice_id, status=status)


@router.get(
    "/{invoice_id}/extractions",
    response_model=list[ExtractionRecord],
    summary="Every result this invoice had (extractions, edits, restores)",
)
async def list_extractions(invoice_id: uuid.UUID, user: User, state: State) -> list[ExtractionRecord]:
    return await read_service.extractions(state, user.tenant_id, invoice_id)


@router.post(
    "/{invoice_id}/extractions/{extraction_id}/restore",
    response_model=InvoiceDetail,
    summary="Make this result the invoice's current fields",
)
async def restore_extraction(
    invoice_id: uuid.UUID,
    extraction_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    user: User,
    state: State,
) -> InvoiceDetail:
    await review_service.restore(state, user.tenant_id, user.user_id, invoice_id, extraction_id)
    return await read_service.detail(state, user.tenant_id, invoice_id)


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
    document = await read_service.original_stream(state, user.tenant_id, invoice_id)
    return StreamingResponse(
        document.chunks,
        media_type=document.media_type or "application/octet-stream",
        headers={
            "Content-Disposition": attachment_disposition(document.filename),
            "Content-Length": str(document.size),
        },
    )


@router.get(
    "/{invoice_id}/pages",
    response_model=list[PageLayout],
    summary="Page sizes and OCR words with boxes (to draw evidence on previews); empty until read",
)
async def page_layouts(invoice_id: uuid.UUID, user: User, state: State) -> list[PageLayout]:
    return await read_service.page_layouts(state, user.tenant_id, invoice_id)


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
    png = await read_service.page_png(state, user.tenant_id, invoice_id, page_number)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})
