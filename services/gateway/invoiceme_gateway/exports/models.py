"""The export routes' filters: the invoice list's query parameters, with the same names."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from invoiceme_gateway.invoices.filters import InvoiceFilters


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
