"""Exports: invoices as CSV/JSON (same filters as the list), analytics CSVs, the accountant's monthly ZIP."""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse, Response

from invoiceme_analytics import figures, read_model
from invoiceme_common.logging import get_logger
from invoiceme_common.storage import StoredObjectMissing
from invoiceme_gateway.analytics.routes import MonthParam, as_of_date
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import ApiError, error_responses
from invoiceme_gateway.exports import formats as exports_csv
from invoiceme_gateway.exports import repository as exports_repository
from invoiceme_gateway.invoices.filters import InvoiceFilters

router = APIRouter(prefix="/api/exports", tags=["exports"])
log = get_logger(__name__)
CSV_TYPE = "text/csv; charset=utf-8"


@dataclass
class ExportFilters:
    """The invoice list's filters, with the same query parameter names."""

    status: Annotated[
        list[str] | None, Query(description="received|ocr_done|extracted|needs_review|failed")
    ] = None
    business_id: uuid.UUID | None = None
    unassigned: bool | None = None
    needs_review: bool | None = None
    date_from: Annotated[date | None, Query(description="Invoice date from (inclusive)")] = None
    date_to: Annotated[date | None, Query(description="Invoice date to (inclusive)")] = None
    amount_min: float | None = None
    amount_max: float | None = None
    currency: str | None = None
    q: Annotated[str | None, Query(max_length=200)] = None

    def to_filters(self) -> InvoiceFilters:
        return InvoiceFilters(
            status=self.status or [],
            business_id=self.business_id,
            unassigned=self.unassigned,
            needs_review=self.needs_review,
            date_from=self.date_from,
            date_to=self.date_to,
            amount_min=self.amount_min,
            amount_max=self.amount_max,
            currency=self.currency,
            q=self.q,
        )


Filters = Annotated[ExportFilters, Depends()]


def _attachment(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


async def _records(state: State, user: User, filters: InvoiceFilters) -> list[dict]:
    rows = await exports_repository.filtered_invoices(state.pool, user.tenant_id, filters)
    return [exports_csv.invoice_record(row) for row in rows]


@router.get(
    "/invoices.csv",
    summary="Invoices as CSV (UTF-8 with BOM), same filters as the list",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
async def invoices_csv(user: User, state: State, filters: Filters) -> Response:
    records = await _records(state, user, filters.to_filters())
    return _attachment(exports_csv.to_csv(records, exports_csv.INVOICE_COLUMNS), CSV_TYPE, "invoices.csv")


@router.get("/invoices.json", summary="Invoices as JSON, same filters as the list")
async def invoices_json(user: User, state: State, filters: Filters) -> JSONResponse:
    records = await _records(state, user, filters.to_filters())
    return JSONResponse(
        {"items": [exports_csv.json_ready(r) for r in records], "count": len(records)},
        headers={"Content-Disposition": 'attachment; filename="invoices.json"'},
    )


@router.get("/analytics/overall.csv", summary="12-month overall series as CSV", response_class=Response)
async def overall_csv(user: User, state: State, month: MonthParam = None) -> Response:
    rows = await read_model.load_facts(state.pool, user.tenant_id)
    businesses = await read_model.load_businesses(state.pool, user.tenant_id)
    base = await read_model.base_currency(state.pool, user.tenant_id)
    data = figures.overall_figures(rows, businesses, as_of_date(month), base)
    return _attachment(exports_csv.series_csv(data), CSV_TYPE, "analytics-overall.csv")


@router.get(
    "/analytics/businesses/{business_id}.csv",
    summary="12-month series of one business as CSV",
    response_class=Response,
    responses=error_responses(404),
)
async def business_csv(
    business_id: uuid.UUID, user: User, state: State, month: MonthParam = None
) -> Response:
    businesses = await read_model.load_businesses(state.pool, user.tenant_id)
    if business_id not in businesses:
        raise ApiError(404, "no such business")
    rows = await read_model.load_facts(state.pool, user.tenant_id)
    base = await read_model.base_currency(state.pool, user.tenant_id)
    data = figures.business_figures(rows, businesses[business_id], as_of_date(month), base)
    return _attachment(exports_csv.series_csv(data), CSV_TYPE, f"analytics-business-{business_id}.csv")


@router.get(
    "/accountant/{month}.zip",
    summary="Monthly accountant package: CSV plus the original files",
    response_class=Response,
    responses={200: {"content": {"application/zip": {}}}},
)
async def accountant_zip(
    user: User,
    state: State,
    month: Annotated[str, Path(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", examples=["2026-03"])],
) -> Response:
    """Invoices dated in the month: `invoices.csv` and each original named `date_business_number.ext`."""
    first, last = figures.month_bounds(month)
    filters = InvoiceFilters(date_from=first, date_to=last)
    rows = await exports_repository.filtered_invoices(state.pool, user.tenant_id, filters)
    records: list[dict] = []
    taken: set[str] = set()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for row in rows:
            record = exports_csv.invoice_record(row)
            name = exports_csv.archive_name(record, row["content_type"], taken)
            try:
                archive.writestr(f"originals/{name}", await state.storage.get(row["storage_key"]))
                record["archived_as"] = f"originals/{name}"
            except StoredObjectMissing:
                log.warning("export_original_missing", invoice_id=str(row["id"]))
                record["archived_as"] = ""
            records.append(record)
        columns = [*exports_csv.INVOICE_COLUMNS, "archived_as"]
        archive.writestr("invoices.csv", exports_csv.to_csv(records, columns))
    return _attachment(buffer.getvalue(), "application/zip", f"invoices-{month}.zip")
