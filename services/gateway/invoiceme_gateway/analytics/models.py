"""Response models of the analytics routes (amounts as JSON numbers in the tenant's base currency)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field


def plain(value: Any) -> Any:
    """Decimals become floats (JSON numbers), recursively."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


class MonthPoint(BaseModel):
    month: str = Field(examples=["2026-03"])
    spend: float
    count: int
    reclaimable_vat: float


class TopBusiness(BaseModel):
    business_id: uuid.UUID
    name: str | None
    spend: float


class CurrencyTotal(BaseModel):
    currency: str = Field(examples=["USD"])
    count: int
    total: float = Field(description="Sum in the original currency")
    base_total: float = Field(description="Sum converted to the base currency (converted invoices only)")


class OverallFigures(BaseModel):
    as_of: str
    base_currency: str = Field(examples=["ILS"])
    month: str
    spend_this_month: float = Field(examples=[12450.5])
    spend_last_month: float
    change_percent: float | None = Field(description="None when last month had no spend", examples=[12.5])
    count_this_month: int
    invoice_count: int
    unassigned_count: int
    unconverted_count: int = Field(description="Invoices left out of sums because no exchange rate is known")
    total_budgets: float
    budget_remaining: float = Field(
        description="Sum over budgeted businesses of limit minus this month's spend"
    )
    top_businesses: list[TopBusiness]
    series: list[MonthPoint]
    by_currency: list[CurrencyTotal]
    reclaimable_vat_this_month: float
    reclaimable_vat_12_months: float


class BusinessFigures(BaseModel):
    business_id: uuid.UUID
    name: str
    base_currency: str
    as_of: str
    month: str
    spend_this_month: float
    monthly_limit: float | None
    utilization_percent: float | None = Field(examples=[64.2])
    monthly_average: float
    average_months: int = Field(description="Months in the span the average divides by")
    year_to_date: float
    invoice_count: int
    series: list[MonthPoint]
    available_periods: list[str] = Field(examples=[["2026-03", "2026-02"]])


class InvoiceMoney(BaseModel):
    """How one invoice counts in the figures."""

    invoice_id: uuid.UUID
    currency: str | None = Field(examples=["USD"])
    total: float | None = Field(description="As on the document (credit notes negative)")
    base_currency: str | None = Field(examples=["ILS"])
    base_total: float | None = Field(description="None when no exchange rate is known (see fx_warning)")
    fx_rate: float | None = Field(examples=[3.6512])
    fx_rate_date: date | None = Field(
        description="Date the rate was published for (on or before the invoice date)"
    )
    fx_source: str | None = Field(examples=["bank-of-israel", "frankfurter-ecb", "ecb-bundled", "identity"])
    fx_warning: str | None
    vat_amount: float | None
    reclaimable_vat: float | None = Field(description="Deductible input VAT, in the base currency")
    vat_reclaim_reason: str | None = Field(examples=["deductible"])
    extraction_version: int


class AggregateRow(BaseModel):
    key: str
    currency: str
    count: int
    total: float


class Summary(BaseModel):
    by_vendor: list[AggregateRow] = Field(
        description="The vendor rows with the most invoices (`vendors` of them)"
    )
    vendor_rows_total: int = Field(description="How many vendor rows there are in all")
    by_month: list[AggregateRow]
    by_currency: list[AggregateRow]
