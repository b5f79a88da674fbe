"""Spending detectors: month-over-month change, recurring charges, spikes, possible duplicates."""

from __future__ import annotations

import statistics
import uuid
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from invoiceme_common.analytics_read.figures import ZERO, change_percent, month_key, shift_month
from invoiceme_common.analytics_read.read_model import BusinessRow, FactRow

from .model import Insight, fmt, groups, party, without_copies

MOM_MIN_CHANGE_PERCENT = 10.0
RECURRING_MIN_COUNT = 3
RECURRING_AMOUNT_TOLERANCE = Decimal("0.10")  # within 10 % of the median amount
RECURRING_INTERVAL_TOLERANCE = 0.25  # every gap within 25 % of the median gap
SPIKE_MIN_HISTORY = 3
SPIKE_FACTOR = Decimal("2")  # more than twice the business's median
RECENT_DAYS = 62


def month_over_month(
    rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow], as_of: date, currency: str
) -> list[Insight]:
    this, last = month_key(as_of), shift_month(month_key(as_of), -1)
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    movers: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    names: dict[str, str] = {}
    for row in rows:
        if row.month in (this, last) and row.base_total is not None:
            totals[row.month] += row.base_total
            key, names[key] = party(row, businesses)
            movers[key][row.month] += row.base_total
    change = change_percent(totals[this], totals[last])
    if change is None or abs(change) < MOM_MIN_CHANGE_PERCENT:
        return []
    key, moves = max(movers.items(), key=lambda item: (abs(item[1][this] - item[1][last]), item[0]))
    return [
        Insight(
            "month_over_month",
            f"mom:{this}",
            "info" if change < 0 else "warning",
            this,
            {
                "month": this,
                "previous_month": last,
                "spend": fmt(totals[this]),
                "previous_spend": fmt(totals[last]),
                "change_percent": f"{change:+.1f}",
                "currency": currency,
                "top_mover": names[key],
                "top_mover_change": fmt(moves[this] - moves[last]),
            },
        )
    ]


def recurring_charges(
    rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow], currency: str
) -> list[Insight]:
    found = []
    for key, group in sorted(groups(rows, businesses).items()):
        items = without_copies(group)
        if len(items) < RECURRING_MIN_COUNT:
            continue
        amounts = [r.base_total for r in items if r.base_total is not None]
        median_amount = Decimal(statistics.median(amounts))
        if median_amount <= 0 or any(
            abs(a - median_amount) > median_amount * RECURRING_AMOUNT_TOLERANCE for a in amounts
        ):
            continue
        gaps = [(b.invoice_date - a.invoice_date).days for a, b in pairwise(items)]  # type: ignore[operator]  # groups() keeps only dated rows
        median_gap = statistics.median(gaps)
        if median_gap < 6 or any(
            abs(g - median_gap) > median_gap * RECURRING_INTERVAL_TOLERANCE for g in gaps
        ):
            continue
        last_date: date = items[-1].invoice_date  # type: ignore[assignment]  # groups() keeps only dated rows
        name = party(items[-1], businesses)[1]
        found.append(
            Insight(
                "recurring_charge",
                f"recurring:{key}",
                "info",
                None,
                {
                    "name": name,
                    "amount": fmt(median_amount),
                    "currency": currency,
                    "every_days": str(round(median_gap)),
                    "count": str(len(items)),
                    "next_expected": (last_date + timedelta(days=round(median_gap))).isoformat(),
                },
                items[-1].business_id,
                tuple(r.invoice_id for r in items),
            )
        )
    return found


def spikes(
    rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow], as_of: date, currency: str
) -> list[Insight]:
    found = []
    for _key, items in sorted(groups(rows, businesses).items()):
        for row in items:
            if (
                row.invoice_date is None
                or (as_of - row.invoice_date).days > RECENT_DAYS
                or row.invoice_date > as_of
            ):
                continue
            others = [
                r.base_total for r in items if r.invoice_id != row.invoice_id and r.base_total is not None
            ]
            if len(others) < SPIKE_MIN_HISTORY:
                continue
            usual = Decimal(statistics.median(others))
            if usual > 0 and row.base_total is not None and row.base_total > usual * SPIKE_FACTOR:
                found.append(
                    Insight(
                        "spike",
                        f"spike:{row.invoice_id}",
                        "warning",
                        row.month,
                        {
                            "name": party(row, businesses)[1],
                            "amount": fmt(row.base_total),
                            "usual": fmt(usual),
                            "times": f"{row.base_total / usual:.1f}",
                            "currency": currency,
                            "date": row.invoice_date.isoformat(),
                        },
                        row.business_id,
                        (row.invoice_id,),
                    )
                )
    return found


def possible_duplicates(rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow]) -> list[Insight]:
    seen: dict[tuple[Any, ...], list[FactRow]] = defaultdict(list)
    for row in rows:
        owner = party(row, businesses)[0]
        if row.invoice_number:
            seen[(owner, "number", row.invoice_number.strip())].append(row)
        elif row.invoice_date is not None:
            seen[(owner, "amount", row.total, row.currency, row.invoice_date)].append(row)
    found = []
    for group in seen.values():
        if len(group) < 2:
            continue
        ids = tuple(sorted((r.invoice_id for r in group), key=str))
        first = group[0]
        found.append(
            Insight(
                "possible_duplicate",
                "duplicate:" + ",".join(map(str, ids)),
                "warning",
                first.month,
                {
                    "name": party(first, businesses)[1],
                    "count": str(len(group)),
                    "amount": fmt(first.total),
                    "currency": first.currency,
                    "invoice_number": first.invoice_number or "",
                    "date": first.invoice_date.isoformat() if first.invoice_date else "",
                },
                first.business_id,
                ids,
            )
        )
    return found
