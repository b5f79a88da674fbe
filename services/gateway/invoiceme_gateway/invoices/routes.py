"""Invoices: upload (one or a batch), list with filters, one invoice, delete."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile

from invoiceme_gateway.deps import State, User
from invoiceme_gateway.domain_errors import BadRequest, DomainError, NotFound
from invoiceme_gateway.errors import error_responses, to_http
from invoiceme_gateway.invoices import read_service, service
from invoiceme_gateway.invoices.filters import SORT_EXPRESSIONS, InvoiceFilters
from invoiceme_gateway.invoices.models import (
    BatchAccepted,
    BatchItem,
    InvoiceDetail,
    InvoiceList,
    UploadAccepted,
)
from invoiceme_gateway.invoices.read_service import Page

router = APIRouter(prefix="/api/invoices", tags=["invoices"], responses=error_responses(404))


@router.post(
    "",
    status_code=202,
    response_model=UploadAccepted,
    summary="Upload one invoice (field `file`)",
    responses=error_responses(400, 409, 413, 415, 503),
)
async def upload_invoice(file: UploadFile, user: User, state: State, request: Request) -> UploadAccepted:
    """An exact duplicate (same file already uploaded by this tenant) is a 409 whose
    `details.existing_invoice_id` links to the invoice you already have. One file per request: a
    second `file` field is refused, never silently dropped (use /batch for several)."""
    if len((await request.form()).getlist("file")) > 1:  # the form FastAPI already parsed (cached)
        raise BadRequest("send one file in the field `file`, or several to /api/invoices/batch")
    accepted = await service.upload(state, user.tenant_id, file.filename, await file.read())
    return UploadAccepted(id=accepted.id, status=accepted.status)


@router.post(
    "/batch",
    status_code=202,
    response_model=BatchAccepted,
    summary="Upload several invoices (field `files`)",
    responses=error_responses(400, 413),
)
async def upload_batch(
    files: Annotated[list[UploadFile], File(description="One or more files")], user: User, state: State
) -> BatchAccepted:
    """Each file is accepted or refused on its own; a refused file carries the usual error object."""
    if len(files) > state.settings.max_batch_files:
        raise BadRequest(f"send at most {state.settings.max_batch_files} files at once")
    items: list[BatchItem] = []
    for file in files:
        name = file.filename or "upload"
        try:
            accepted = await service.upload(state, user.tenant_id, name, await file.read())
            items.append(BatchItem(filename=name, id=accepted.id, status=accepted.status))
        except DomainError as exc:
            error = to_http(exc)
            items.append(
                BatchItem(
                    filename=name,
                    error={
                        "status": error.status,
                        "code": error.code,
                        "message": error.message,
                        "details": error.details,
                    },
                )
            )
    accepted_count = sum(1 for item in items if item.id)
    return BatchAccepted(accepted=accepted_count, rejected=len(items) - accepted_count, items=items)


@router.get("", response_model=InvoiceList, summary="List, filter, search, sort and page invoices")
async def list_invoices(
    user: User,
    state: State,
    status: Annotated[
        list[str] | None, Query(description="received|ocr_done|extracted|needs_review|failed")
    ] = None,
    business_id: uuid.UUID | None = None,
    unassigned: bool | None = None,
    needs_review: bool | None = None,
    possible_duplicate: bool | None = None,
    date_from: Annotated[date | None, Query(description="Invoice date from (inclusive)")] = None,
    date_to: Annotated[date | None, Query(description="Invoice date to (inclusive)")] = None,
    amount_min: float | None = None,
    amount_max: float | None = None,
    currency: str | None = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Vendor, number, OCR text (Hebrew-aware)")
    ] = None,
    sort: Annotated[str, Query(description=f"One of {', '.join(SORT_EXPRESSIONS)}")] = "created_at",
    order: Literal["asc", "desc"] = "desc",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    cursor: Annotated[str | None, Query(description="From `next_cursor` (only with sort=created_at)")] = None,
    group: Literal["month"] | None = None,
) -> InvoiceList:
    filters = InvoiceFilters(
        status=status or [],
        business_id=business_id,
        unassigned=unassigned,
        needs_review=needs_review,
        possible_duplicate=possible_duplicate,
        date_from=date_from,
        date_to=date_to,
        amount_min=amount_min,
        amount_max=amount_max,
        currency=currency,
        q=q,
    )
    page = Page(sort, order == "desc", limit, offset, cursor, group == "month")
    return await read_service.list_invoices(state, user.tenant_id, filters, page)


@router.get(
    "/{invoice_id}",
    response_model=InvoiceDetail,
    summary="One invoice: fields, confidence, evidence, warnings, items, histories, suggestions",
)
async def get_invoice(invoice_id: uuid.UUID, user: User, state: State) -> InvoiceDetail:
    return await read_service.detail(state, user.tenant_id, invoice_id)


@router.delete(
    "/{invoice_id}", status_code=204, summary="Delete an invoice, its original file and OCR result"
)
async def delete_invoice(invoice_id: uuid.UUID, user: User, state: State) -> None:
    if not await service.delete(state, user.tenant_id, [invoice_id]):
        raise NotFound("no such invoice")
