"""Analytics reads for one tenant: the figures the analytics service keeps in its projection."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any

import asyncpg

from invoiceme_common.analytics_read import figures, read_model
from invoiceme_gateway.analytics.models import AggregateRow, Summary
from invoiceme_gateway.domain_errors import NotFound
from invoiceme_gateway.state import GatewayState


def as_of_date(month: str | None) -> date:
    """`month` given: its last day (so "this month" is that month); else today (UTC)."""
    today = datetime.now(UTC).date()
    if month is None or month == figures.month_key(today):
        return today
    return figures.month_bounds(month)[1]


def _aggregate_row(row: asyncpg.Record) -> AggregateRow:
    return AggregateRow(
        key=row["key"], currency=row["currency"], count=row["invoice_count"], total=float(row["total_sum"])
    )


async def summary(state: GatewayState, tenant_id: uuid.UUID, vendors: int) -> Summary:
    grouped: dict[str, list[AggregateRow]] = defaultdict(list)
    for row in await read_model.aggregates(state.pool, tenant_id, ("currency", "month")):
        grouped[row["dimension"]].append(_aggregate_row(row))
    vendor_rows, vendor_total = await read_model.top_vendor_aggregates(state.pool, tenant_id, vendors)
    return Summary(
        by_vendor=[_aggregate_row(row) for row in vendor_rows],
        vendor_rows_total=vendor_total,
        by_month=grouped["month"],
        by_currency=grouped["currency"],
    )


async def overall(state: GatewayState, tenant_id: uuid.UUID, month: str | None) -> dict[str, Any]:
    as_of = as_of_date(month)
    totals = await read_model.overall_totals(state.pool, tenant_id, figures.last_months(as_of))
    shown = [business_id for business_id, _ in figures.top_spenders(totals)]
    businesses = await read_model.load_businesses(state.pool, tenant_id, budgeted_and=shown)
    base = await read_model.base_currency(state.pool, tenant_id)
    return figures.overall_figures(totals, businesses, as_of, base)


async def business(
    state: GatewayState, tenant_id: uuid.UUID, business_id: uuid.UUID, month: str | None
) -> dict[str, Any]:
    found = await read_model.load_business(state.pool, tenant_id, business_id)
    if found is None:
        raise NotFound("no such business")
    per_month = await read_model.business_months(state.pool, tenant_id, business_id)
    base = await read_model.base_currency(state.pool, tenant_id)
    return figures.business_figures(per_month, found, as_of_date(month), base)


async def invoice_money(state: GatewayState, tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> dict[str, Any]:
    row = await read_model.invoice_money(state.pool, tenant_id, invoice_id)
    if row is None:
        raise NotFound("no analytics for this invoice (unknown, deleted, or not processed yet)")
    return dict(row)
