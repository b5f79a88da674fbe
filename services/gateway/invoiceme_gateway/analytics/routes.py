"""Analytics read routes: figures the analytics service keeps in its projection, read per tenant."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from invoiceme_gateway.analytics import service
from invoiceme_gateway.analytics.models import BusinessFigures, InvoiceMoney, OverallFigures, Summary, plain
from invoiceme_gateway.deps import MonthParam, State, User
from invoiceme_gateway.errors import error_responses

router = APIRouter(prefix="/api/analytics", tags=["analytics"])


@router.get(
    "/summary", response_model=Summary, summary="Per-vendor, per-month and per-currency count and sum"
)
async def summary(user: User, state: State, vendors: Annotated[int, Query(ge=1, le=1000)] = 100) -> Summary:
    return await service.summary(state, user.tenant_id, vendors)


@router.get(
    "/overall", response_model=OverallFigures, summary="Spend, budgets, top businesses, 12-month series, VAT"
)
async def overall(user: User, state: State, month: MonthParam = None) -> OverallFigures:
    """All amounts are in the tenant's base currency, converted at each invoice's date. Invoices with
    no known rate are left out of the sums and counted in `unconverted_count`."""
    return OverallFigures(**plain(await service.overall(state, user.tenant_id, month)))


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
    return BusinessFigures(**plain(await service.business(state, user.tenant_id, business_id, month)))


@router.get(
    "/invoices/{invoice_id}",
    responses=error_responses(404),
    response_model=InvoiceMoney,
    summary="How one invoice counts: original and converted amount, the rate used (value, date, source)",
)
async def invoice_money(invoice_id: uuid.UUID, user: User, state: State) -> InvoiceMoney:
    return InvoiceMoney(**plain(await service.invoice_money(state, user.tenant_id, invoice_id)))
