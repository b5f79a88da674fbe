"""Overall and per-business figures from the projection's facts — pure functions.

Definitions (documented for users too):
- Spend is the sum of invoice totals converted to the tenant's base currency at each invoice's date.
  Invoices whose rate is missing are left out of base-currency sums and counted in `unconverted_count`.
- "This month" is the calendar month of `as_of`; invoices without a date count in no month.
- Monthly average (per business) = spend over the *span* of months from the business's first
  invoice month within the last 12 months up to and including the current month, divided by the
  number of months in that span (months with no invoices count as 0). It is not an average over
  only the months that had invoices, which would overstate spend for irregular vendors.
"""

from __future__ import annotations

import heapq
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from invoiceme_common.analytics_read.read_model import (
    NO_DATE_MONTH,
    BusinessRow,
    BusinessSpend,
    FactRow,
    MonthTotals,
    OverallTotals,
)

ZERO = Decimal("0.00")


def month_key(day: date) -> str:
    return day.strftime("%Y-%m")


def shift_month(month: str, delta: int) -> str:
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + (number - 1) + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_bounds(month: str) -> tuple[date, date]:
    """First and last day of a YYYY-MM month."""
    first = date.fromisoformat(f"{month}-01")
    following = date.fromisoformat(f"{shift_month(month, 1)}-01")
    return first, date.fromordinal(following.toordinal() - 1)


def last_months(as_of: date, count: int = 12) -> list[str]:
    """The `count` months ending with as_of's month, oldest first."""
    current = month_key(as_of)
    return [shift_month(current, -offset) for offset in range(count - 1, -1, -1)]


def change_percent(current: Decimal, previous: Decimal) -> float | None:
    if previous == 0:
        return None
    return float(((current - previous) / previous * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def month_totals(rows: Iterable[FactRow]) -> dict[str, MonthTotals]:
    """Facts summed per month, as the monthly rollup holds them (tests and references use this)."""
    grouped: dict[str, list[FactRow]] = defaultdict(list)
    for row in rows:
        grouped[row.month].append(row)
    return {
        month: MonthTotals(
            spend=sum((r.base_total for r in items if r.base_total is not None), ZERO),
            count=len(items),
            reclaimable_vat=sum((r.reclaimable_vat or ZERO for r in items), ZERO),
        )
        for month, items in grouped.items()
    }


def monthly_series(per_month: dict[str, MonthTotals], months: list[str]) -> list[dict[str, Any]]:
    """One point per month of `months` (zeros where there is no data)."""
    empty = MonthTotals(ZERO, 0, ZERO)
    points = [(month, per_month.get(month, empty)) for month in months]
    return [
        {"month": month, "spend": point.spend, "count": point.count, "reclaimable_vat": point.reclaimable_vat}
        for month, point in points
    ]


def _utilization(spent: Decimal, limit: Decimal | None) -> float | None:
    if not limit:
        return None
    return float((spent / limit * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def top_spenders(totals: OverallTotals, top: int = 5) -> list[tuple[uuid.UUID, BusinessSpend]]:
    """The businesses with the most spend over the months asked about; ties by id."""
    # UUIDs order as their text does, without formatting 2,000 of them per request.
    return heapq.nsmallest(top, totals.businesses.items(), key=lambda item: (-item[1].window, item[0]))


def overall_figures(
    totals: OverallTotals,
    businesses: dict[uuid.UUID, BusinessRow],
    as_of: date,
    base_currency: str,
    top: int = 5,
) -> dict[str, Any]:
    """`totals` summed over the 12 months ending with as_of's (`last_months(as_of)`); `businesses`:
    at least every one with a budget and the `top_spenders` (their names and budgets are shown)."""
    months = last_months(as_of)
    this_month = months[-1]
    series = monthly_series(totals.months, months)
    spend_this, spend_last = series[-1]["spend"], series[-2]["spend"]
    budgets = {bid: b.monthly_limit for bid, b in businesses.items() if b.monthly_limit is not None}
    no_spend = BusinessSpend(ZERO, ZERO)
    remaining = sum(
        (limit - totals.businesses.get(bid, no_spend).this_month for bid, limit in budgets.items()), ZERO
    )
    ranked = top_spenders(totals, top)
    return {
        "as_of": as_of.isoformat(),
        "base_currency": base_currency,
        "month": this_month,
        "spend_this_month": spend_this,
        "spend_last_month": spend_last,
        "change_percent": change_percent(spend_this, spend_last),
        "count_this_month": series[-1]["count"],
        "invoice_count": totals.invoice_count,
        "unassigned_count": totals.unassigned_count,
        "unconverted_count": totals.unconverted_count,
        "total_budgets": sum(budgets.values(), ZERO),
        "budget_remaining": remaining,
        "top_businesses": [
            {
                "business_id": bid,
                "name": businesses[bid].name if bid in businesses else None,
                "spend": spend.window,
            }
            for bid, spend in ranked
        ],
        "series": series,
        "by_currency": [asdict(entry) for entry in totals.by_currency],
        "reclaimable_vat_this_month": series[-1]["reclaimable_vat"],
        "reclaimable_vat_12_months": sum((point["reclaimable_vat"] for point in series), ZERO),
    }


def business_figures(
    per_month: dict[str, MonthTotals], business: BusinessRow, as_of: date, base_currency: str
) -> dict[str, Any]:
    """`per_month`: the business's facts summed per month (`read_model.business_months`)."""
    months = last_months(as_of)
    series = monthly_series(per_month, months)
    this_month = series[-1]["spend"]
    first = next((index for index, point in enumerate(series) if point["count"]), None)
    span = series[first:] if first is not None else []
    average = (sum((p["spend"] for p in span), ZERO) / len(span)).quantize(ZERO) if span else ZERO
    year = str(as_of.year)
    ytd = sum(
        (point.spend for month, point in per_month.items() if month.startswith(year) and month <= months[-1]),
        ZERO,
    )
    return {
        "business_id": business.id,
        "name": business.name,
        "base_currency": base_currency,
        "as_of": as_of.isoformat(),
        "month": months[-1],
        "spend_this_month": this_month,
        "monthly_limit": business.monthly_limit,
        "utilization_percent": _utilization(this_month, business.monthly_limit),
        "monthly_average": average,
        "average_months": len(span),
        "year_to_date": ytd,
        "invoice_count": sum(point.count for point in per_month.values()),
        "series": series,
        "available_periods": sorted(
            (month for month, point in per_month.items() if month != NO_DATE_MONTH and point.count),
            reverse=True,
        ),
    }
