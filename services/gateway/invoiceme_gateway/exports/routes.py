"""Exports: invoices as CSV/JSON (same filters as the list), analytics CSVs, the accountant's monthly ZIP."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import JSONResponse, Response

from invoiceme_gateway.deps import MONTH_PATTERN, MonthParam, State, User
from invoiceme_gateway.errors import error_responses
from invoiceme_gateway.exports import formats, service
from invoiceme_gateway.exports.models import ExportFilters

router = APIRouter(prefix="/api/exports", tags=["exports"])
CSV_TYPE = "text/csv; charset=utf-8"
Filters = Annotated[ExportFilters, Depends()]


def _attachment(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@router.get(
    "/invoices.csv",
    summary="Invoices as CSV (UTF-8 with BOM), same filters as the list",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
async def invoices_csv(user: User, state: State, filters: Filters) -> Response:
    records = await service.invoice_records(state, user.tenant_id, filters.to_filters())
    return _attachment(formats.to_csv(records, formats.INVOICE_COLUMNS), CSV_TYPE, "invoices.csv")


@router.get("/invoices.json", summary="Invoices as JSON, same filters as the list")
async def invoices_json(user: User, state: State, filters: Filters) -> JSONResponse:
    records = await service.invoice_records(state, user.tenant_id, filters.to_filters())
    return JSONResponse(
        {"items": [formats.json_ready(r) for r in records], "count": len(records)},
        headers={"Content-Disposition": 'attachment; filename="invoices.json"'},
    )


@router.get("/analytics/overall.csv", summary="12-month overall series as CSV", response_class=Response)
async def overall_csv(user: User, state: State, month: MonthParam = None) -> Response:
    content = await service.overall_series_csv(state, user.tenant_id, month)
    return _attachment(content, CSV_TYPE, "analytics-overall.csv")


@router.get(
    "/analytics/businesses/{business_id}.csv",
    summary="12-month series of one business as CSV",
    response_class=Response,
    responses=error_responses(404),
)
async def business_csv(
    business_id: uuid.UUID, user: User, state: State, month: MonthParam = None
) -> Response:
    content = await service.business_series_csv(state, user.tenant_id, business_id, month)
    return _attachment(content, CSV_TYPE, f"analytics-business-{business_id}.csv")


@router.get(
    "/accountant/{month}.zip",
    summary="Monthly accountant package: CSV plus the original files",
    response_class=Response,
    responses={200: {"content": {"application/zip": {}}}},
)
async def accountant_zip(
    user: User,
    state: State,
    month: Annotated[str, Path(pattern=MONTH_PATTERN, examples=["2026-03"])],
) -> Response:
    """Invoices dated in the month: `invoices.csv` and each original named `date_business_number.ext`."""
    content = await service.accountant_zip(state, user.tenant_id, month)
    return _attachment(content, "application/zip", f"invoices-{month}.zip")
