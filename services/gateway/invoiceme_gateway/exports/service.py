"""Export use cases: invoice records (CSV/JSON), analytics series CSVs, the accountant's monthly ZIP."""

from __future__ import annotations

import io
import uuid
import zipfile
from typing import Any

from invoiceme_common.analytics_read import figures, read_model
from invoiceme_common.logging import get_logger
from invoiceme_common.storage import StoredObjectMissing
from invoiceme_gateway.analytics import service as analytics
from invoiceme_gateway.exports import formats, repository
from invoiceme_gateway.invoices.filters import InvoiceFilters
from invoiceme_gateway.state import GatewayState

log = get_logger(__name__)


async def _rows(state: GatewayState, tenant_id: uuid.UUID, filters: InvoiceFilters) -> list[dict[str, Any]]:
    """The filtered invoices, each with how analytics converted it (empty values when it has not)."""
    invoices = await repository.filtered_invoices(state.pool, tenant_id, filters)
    money = await read_model.money_by_invoice(state.pool, tenant_id, [row["id"] for row in invoices])
    no_money = dict.fromkeys(read_model.MONEY_COLUMNS)
    return [{**row, **(dict(money[row["id"]]) if row["id"] in money else no_money)} for row in invoices]


async def invoice_records(
    state: GatewayState, tenant_id: uuid.UUID, filters: InvoiceFilters
) -> list[dict[str, Any]]:
    return [formats.invoice_record(row) for row in await _rows(state, tenant_id, filters)]


async def overall_series_csv(state: GatewayState, tenant_id: uuid.UUID, month: str | None) -> bytes:
    return formats.series_csv(await analytics.overall(state, tenant_id, month))


async def business_series_csv(
    state: GatewayState, tenant_id: uuid.UUID, business_id: uuid.UUID, month: str | None
) -> bytes:
    return formats.series_csv(await analytics.business(state, tenant_id, business_id, month))


async def accountant_zip(state: GatewayState, tenant_id: uuid.UUID, month: str) -> bytes:
    """Invoices dated in the month: `invoices.csv` and each original named `date_business_number.ext`."""
    first, last = figures.month_bounds(month)
    filters = InvoiceFilters(date_from=first, date_to=last)
    rows = await _rows(state, tenant_id, filters)
    records: list[dict[str, Any]] = []
    taken: set[str] = set()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for row in rows:
            record = formats.invoice_record(row)
            name = formats.archive_name(record, row["content_type"], taken)
            try:
                archive.writestr(f"originals/{name}", await state.storage.get(row["storage_key"]))
                record["archived_as"] = f"originals/{name}"
            except StoredObjectMissing:
                log.warning("export_original_missing", invoice_id=str(row["id"]))
                record["archived_as"] = ""
            records.append(record)
        columns = [*formats.INVOICE_COLUMNS, "archived_as"]
        archive.writestr("invoices.csv", formats.to_csv(records, columns))
    return buffer.getvalue()
