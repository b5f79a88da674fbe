"""Deterministic insight detectors over the projection's facts — pure functions, one per finding kind.

Every number an insight shows is computed here (as strings with two decimals), so a narrative,
whether templated or written by an LLM, never computes anything itself.
"""

from __future__ import annotations

import calendar
import statistics
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from invoiceme_common.money import allocation_required, allocation_threshold, valid_allocation_number

from ..figures import ZERO, change_percent, month_key, shift_month
from ..read_model import BusinessRow, FactRow

MOM_MIN_CHANGE_PERCENT = 10.0
RECURRING_MIN_COUNT = 3
RECURRING_AMOUNT_TOLERANCE = Decimal("0.10")  # within 10 % of the median amount
RECURRING_INTERVAL_TOLERANCE = 0.25  # every gap within 25 % of the median gap
SPIKE_MIN_HISTORY = 3
SPIKE_FACTOR = Decimal("2")  # more than twice the business's median
RECENT_DAYS = 62
VAT_TOLERANCE = Decimal("1.00")


@dataclass(frozen=True)
class Insight:
    kind: str
    fingerprint: str
    severity: str  # info | warning | critical
    period: str | None
    data: dict[str, Any]
    business_id: uuid.UUID | None = None
    invoice_ids: tuple[uuid.UUID, ...] = field(default_factory=tuple)


def _fmt(value: Decimal) -> str:
    return f"{value.quantize(ZERO):.2f}"


def _party(row: FactRow, businesses: dict[uuid.UUID, BusinessRow]) -> tuple[str, str]:
    """(grouping key, display name): the business when assigned, else the extracted vendor."""
    if row.business_id is not None and row.business_id in businesses:
        return str(row.business_id), businesses[row.business_id].name
    return f"vendor:{row.vendor.casefold()}", row.vendor


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
            key, names[key] = _party(row, businesses)
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
                "spend": _fmt(totals[this]),
                "previous_spend": _fmt(totals[last]),
                "change_percent": f"{change:+.1f}",
                "currency": currency,
                "top_mover": names[key],
                "top_mover_change": _fmt(moves[this] - moves[last]),
            },
        )
    ]


def _groups(rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow]) -> dict[str, list[FactRow]]:
    grouped: dict[str, list[FactRow]] = defaultdict(list)
    for row in rows:
        if row.invoice_date is not None and row.base_total is not None:
            grouped[_party(row, businesses)[0]].append(row)
    return {
        key: sorted(items, key=lambda r: (r.invoice_date, str(r.invoice_id)))
        for key, items in grouped.items()
    }


def _without_copies(items: list[FactRow]) -> list[FactRow]:
    """One row per invoice number (a re-sent copy must not break a monthly rhythm)."""
    seen: set[str] = set()
    kept = []
    for row in items:
        if row.invoice_number and row.invoice_number in seen:
            continue
        if row.invoice_number:
            seen.add(row.invoice_number)
        kept.append(row)
    return kept


def recurring_charges(
    rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow], currency: str
) -> list[Insight]:
    found = []
    for key, group in sorted(_groups(rows, businesses).items()):
        items = _without_copies(group)
        if len(items) < RECURRING_MIN_COUNT:
            continue
        amounts = [r.base_total for r in items if r.base_total is not None]
        median_amount = Decimal(statistics.median(amounts))
        if median_amount <= 0 or any(
            abs(a - median_amount) > median_amount * RECURRING_AMOUNT_TOLERANCE for a in amounts
        ):
            continue
        gaps = [(b.invoice_date - a.invoice_date).days for a, b in pairwise(items)]  # type: ignore[operator]
        median_gap = statistics.median(gaps)
        if median_gap < 6 or any(
            abs(g - median_gap) > median_gap * RECURRING_INTERVAL_TOLERANCE for g in gaps
        ):
            continue
        last_date: date = items[-1].invoice_date  # type: ignore[assignment]
        name = _party(items[-1], businesses)[1]
        found.append(
            Insight(
                "recurring_charge",
                f"recurring:{key}",
                "info",
                None,
                {
                    "name": name,
                    "amount": _fmt(median_amount),
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
    for _key, items in sorted(_groups(rows, businesses).items()):
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
                            "name": _party(row, businesses)[1],
                            "amount": _fmt(row.base_total),
                            "usual": _fmt(usual),
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
        party = _party(row, businesses)[0]
        if row.invoice_number:
            seen[(party, "number", row.invoice_number.strip())].append(row)
        elif row.invoice_date is not None:
            seen[(party, "amount", row.total, row.currency, row.invoice_date)].append(row)
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
                    "name": _party(first, businesses)[1],
                    "count": str(len(group)),
                    "amount": _fmt(first.total),
                    "currency": first.currency,
                    "invoice_number": first.invoice_number or "",
                    "date": first.invoice_date.isoformat() if first.invoice_date else "",
                },
                first.business_id,
                ids,
            )
        )
    return found


def budget_alerts(
    rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow], as_of: date, currency: str
) -> list[Insight]:
    """Overrun (spent more than the monthly limit) or forecast (on pace to exceed it this month)."""
    this = month_key(as_of)
    days_in_month = calendar.monthrange(as_of.year, as_of.month)[1]
    spent: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
    for row in rows:
        if row.business_id is not None and row.month == this and row.base_total is not None:
            spent[row.business_id] += row.base_total
    found = []
    for bid, business in sorted(businesses.items(), key=lambda item: str(item[0])):
        limit, used = business.monthly_limit, spent.get(bid, ZERO)
        if not limit or used == 0:
            continue
        forecast = (used / as_of.day * days_in_month).quantize(ZERO)
        data = {
            "name": business.name,
            "spent": _fmt(used),
            "limit": _fmt(limit),
            "forecast": _fmt(forecast),
            "percent": f"{used / limit * 100:.0f}",
            "currency": currency,
            "month": this,
        }
        if used > limit:
            found.append(
                Insight("budget_overrun", f"budget_overrun:{bid}:{this}", "critical", this, data, bid)
            )
        elif forecast > limit:
            found.append(
                Insight("budget_forecast", f"budget_forecast:{bid}:{this}", "warning", this, data, bid)
            )
    return found


def missing_allocation_numbers(
    rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow]
) -> list[Insight]:
    found = []
    for row in rows:
        if allocation_required(row.document_type, row.before_vat_ils, row.invoice_date) and not (
            valid_allocation_number(row.allocation_number)
        ):
            found.append(
                Insight(
                    "missing_allocation_number",
                    f"allocation:{row.invoice_id}",
                    "critical",
                    row.month,
                    {
                        "name": _party(row, businesses)[1],
                        "invoice_number": row.invoice_number or "",
                        "before_vat": _fmt(row.before_vat_ils or ZERO),
                        "threshold": _fmt(
                            (row.invoice_date and allocation_threshold(row.invoice_date)) or ZERO
                        ),
                        "vat": _fmt(row.vat_amount or ZERO),
                        "currency": row.currency,
                    },
                    row.business_id,
                    (row.invoice_id,),
                )
            )
    return found


def vat_mismatches(rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow]) -> list[Insight]:
    """Subtotal + VAT that does not equal the total (beyond rounding)."""
    found = []
    for row in rows:
        if row.subtotal is None or row.vat_amount is None:
            continue
        expected = row.subtotal + row.vat_amount
        if abs(expected - row.total) > VAT_TOLERANCE:
            found.append(
                Insight(
                    "vat_mismatch",
                    f"vat:{row.invoice_id}",
                    "warning",
                    row.month,
                    {
                        "name": _party(row, businesses)[1],
                        "subtotal": _fmt(row.subtotal),
                        "vat": _fmt(row.vat_amount),
                        "total": _fmt(row.total),
                        "difference": _fmt(row.total - expected),
                        "currency": row.currency,
                    },
                    row.business_id,
                    (row.invoice_id,),
                )
            )
    return found


def detect_all(
    rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow], as_of: date, currency: str
) -> list[Insight]:
    return [
        *month_over_month(rows, businesses, as_of, currency),
        *budget_alerts(rows, businesses, as_of, currency),
        *missing_allocation_numbers(rows, businesses),
        *possible_duplicates(rows, businesses),
        *spikes(rows, businesses, as_of, currency),
        *vat_mismatches(rows, businesses),
        *recurring_charges(rows, businesses, currency),
    ]
