"""Analytics read routes: figures the analytics service keeps in its projection, read per tenant."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from invoiceme_analytics import figures, read_model
from invoiceme_gateway.analytics.models import BusinessFigures, InvoiceMoney, OverallFigures, plain
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import ApiError, error_responses

router = APIRouter(prefix="/api/analytics", tags=["analytics"])

MonthParam = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}-(0[1-9]|1[0-2])$",
        description="Figures as of the end of this month (default: today)",
        examples=["2026-03"],
    ),
]


def as_of_date(month: str | None) -> date:
    """`month` given: its last day (so "this month" is that month); else today (UTC)."""
    today = datetime.now(UTC).date()
    if month is None or month == figures.month_key(today):
        return today
    return figures.month_bounds(month)[1]


class AggregateRow(BaseModel):
    key: str
    currency: str
    count: int
    total: float


class Summary(BaseModel):
    by_vendor: list[AggregateRow]
    by_month: list[AggregateRow]
    by_currency: list[AggregateRow]


@router.get(
    "/summary", response_model=Summary, summary="Per-vendor, per-month and per-currency count and sum"
)
async def summary(user: User, state: State) -> Summary:
    rows = await state.pool.fetch(
        """SELECT dimension, key, currency, invoice_count, total_sum FROM analytics_aggregates
           WHERE tenant_id = $1 ORDER BY dimension, key, currency""",
        user.tenant_id,
    )
    grouped: dict[str, list[AggregateRow]] = defaultdict(list)
    for row in rows:
        grouped[row["dimension"]].append(
            AggregateRow(
                key=row["key"],
                currency=row["currency"],
                count=row["invoice_count"],
                total=float(row["total_sum"]),
            )
        )
    return Summary(by_vendor=grouped["vendor"], by_month=grouped["month"], by_currency=grouped["currency"])


@router.get(
    "/overall", response_model=OverallFigures, summary="Spend, budgets, top businesses, 12-month series, VAT"
)
async def overall(user: User, state: State, month: MonthParam = None) -> OverallFigures:
    """All amounts are in the tenant's base currency, converted at each invoice's date. Invoices with
    no known rate are left out of the sums and counted in `unconverted_count`."""
    rows = await read_model.load_facts(state.pool, user.tenant_id)
    businesses = await read_model.load_businesses(state.pool, user.tenant_id)
    base = await read_model.base_currency(state.pool, user.tenant_id)
    return OverallFigures(**plain(figures.overall_figures(rows, businesses, as_of_date(month), base)))


@router.get(
    "/businesses/{business_id}",
    responses=error_responses(404),
    response_model=BusinessFigures,
    summary="One business: this month, budget use, true monthly average, year to date, series",
)
async def business(
    business_id: uuid.UUID, user: User, state: State, month: MonthParam = None
) -> BusinessFigures:
    """`monthly_average` divides the spend since the business's first invoice month (within the last
    12 months) by the number of months in that span, months with no invoices counting as zero."""
    businesses = await read_model.load_businesses(state.pool, user.tenant_id)
    if business_id not in businesses:
        raise ApiError(404, "no such business")
    rows = await read_model.load_facts(state.pool, user.tenant_id)
    base = await read_model.base_currency(state.pool, user.tenant_id)
    return BusinessFigures(
        **plain(figures.business_figures(rows, businesses[business_id], as_of_date(month), base))
    )


@router.get(
    "/invoices/{invoice_id}",
    responses=error_responses(404),
    response_model=InvoiceMoney,
    summary="How one invoice counts: original and converted amount, the rate used (value, date, source)",
)
async def invoice_money(invoice_id: uuid.UUID, user: User, state: State) -> InvoiceMoney:
    row = await read_model.invoice_money(state.pool, user.tenant_id, invoice_id)
    if row is None:
        raise ApiError(404, "no analytics for this invoice (unknown, deleted, or not processed yet)")
    return InvoiceMoney(**plain(dict(row)))
