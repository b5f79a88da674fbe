from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, UploadFile

from invoiceme_common.businesses import load_profiles
from invoiceme_common.vendor_matching import rank_candidates
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import ApiError, error_responses
from invoiceme_gateway.invoices import enrichment
from invoiceme_gateway.invoices import repository as repo
from invoiceme_gateway.invoices import service as invoice_service
from invoiceme_gateway.invoices.filters import SORT_EXPRESSIONS, InvoiceFilters, encode_cursor
from invoiceme_gateway.invoices.models import (
    BatchAccepted,
    BatchItem,
    EditRecord,
    ExtractionRecord,
    InvoiceDetail,
    InvoiceList,
    InvoiceOut,
    MonthGroup,
    StatusChange,
    Suggestion,
    UploadAccepted,
)

router = APIRouter(prefix="/api/invoices", tags=["invoices"], responses=error_responses(404))


@router.post(
    "",
    status_code=202,
    response_model=UploadAccepted,
    summary="Upload one invoice (field `file`)",
    responses=error_responses(400, 409, 413, 415, 503),
)
async def upload_invoice(file: UploadFile, user: User, state: State) -> UploadAccepted:
    """An exact duplicate (same file already uploaded by this tenant) is a 409 whose
    `details.existing_invoice_id` links to the invoice you already have."""
    accepted = await invoice_service.upload(state, user.tenant_id, file.filename, await file.read())
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
        raise ApiError(400, f"send at most {state.settings.max_batch_files} files at once")
    items: list[BatchItem] = []
    for file in files:
        name = file.filename or "upload"
        try:
            accepted = await invoice_service.upload(state, user.tenant_id, name, await file.read())
            items.append(BatchItem(filename=name, id=accepted.id, status=accepted.status))
        except ApiError as exc:
            error = {"status": exc.status, "code": exc.code, "message": exc.message, "details": exc.details}
            items.append(BatchItem(filename=name, error=error))
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
    if sort not in SORT_EXPRESSIONS:
        raise ApiError(422, f"cannot sort by '{sort}'; use one of {', '.join(SORT_EXPRESSIONS)}")
    if cursor and sort != "created_at":
        raise ApiError(422, "cursor paging works with sort=created_at; use offset for other orders")
    await enrichment.enrich_pending(state, user.tenant_id)
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
    try:
        rows, total = await repo.list_page(
            state.pool, user.tenant_id, filters, sort, order == "desc", limit, 0 if cursor else offset, cursor
        )
    except ValueError as exc:
        raise ApiError(422, str(exc)) from exc
    next_cursor = None
    if sort == "created_at" and len(rows) == limit:
        next_cursor = encode_cursor(rows[-1]["created_at"], rows[-1]["id"])
    groups = None
    if group == "month":
        groups = [
            MonthGroup(month=g["month"], count=g["count"], totals=g["totals"])
            for g in await repo.month_groups(state.pool, user.tenant_id, filters)
        ]
    return InvoiceList(
        items=[InvoiceOut.from_row(row) for row in rows],
        total=total,
        limit=limit,
        offset=0 if cursor else offset,
        next_cursor=next_cursor,
        groups=groups,
    )


@router.get(
    "/{invoice_id}",
    response_model=InvoiceDetail,
    summary="One invoice: fields, confidence, evidence, warnings, items, histories, suggestions",
)
async def get_invoice(invoice_id: uuid.UUID, user: User, state: State) -> InvoiceDetail:
    await enrichment.enrich_pending(state, user.tenant_id)
    row = await repo.get(state.pool, user.tenant_id, invoice_id)
    if row is None:
        raise ApiError(404, "no such invoice")
    fields = row["fields"] or {}
    suggestions = rank_candidates(
        fields.get("vendor_name"),
        fields.get("vendor_tax_id"),
        await load_profiles(state.pool, user.tenant_id),
    )
    history = await repo.extractions(state.pool, user.tenant_id, invoice_id)
    return InvoiceDetail(
        **InvoiceOut.from_row(row).model_dump(),
        confidence=fields.get("confidence") or {},
        evidence=fields.get("evidence") or {},
        line_items=fields.get("line_items") or [],
        status_history=[
            StatusChange(**dict(r)) for r in await repo.status_history(state.pool, user.tenant_id, invoice_id)
        ],
        edits=[EditRecord(**dict(r)) for r in await repo.edits(state.pool, user.tenant_id, invoice_id)],
        extraction_history=[ExtractionRecord(**dict(r), current=(r["fields"] == fields)) for r in history],
        suggestions=[Suggestion.from_candidate(c) for c in suggestions],
    )


@router.delete(
    "/{invoice_id}", status_code=204, summary="Delete an invoice, its original file and OCR result"
)
async def delete_invoice(invoice_id: uuid.UUID, user: User, state: State) -> None:
    if not await invoice_service.delete(state, user.tenant_id, [invoice_id]):
        raise ApiError(404, "no such invoice")
