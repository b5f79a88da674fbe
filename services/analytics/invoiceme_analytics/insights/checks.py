"""Budget and tax checks: overruns and forecasts, missing allocation numbers, VAT that doesn't add up."""

from __future__ import annotations

import calendar
import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal

from invoiceme_common.analytics_read.figures import ZERO, month_key
from invoiceme_common.analytics_read.read_model import BusinessRow, FactRow
from invoiceme_common.money import allocation_required, allocation_threshold, valid_allocation_number

from .model import Insight, fmt, party

VAT_TOLERANCE = Decimal("1.00")


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
            "spent": fmt(used),
            "limit": fmt(limit),
            "forecast": fmt(forecast),
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
                        "name": party(row, businesses)[1],
                        "invoice_number": row.invoice_number or "",
                        "before_vat": fmt(row.before_vat_ils or ZERO),
                        "threshold": fmt(
                            (row.invoice_date and allocation_threshold(row.invoice_date)) or ZERO
                        ),
                        "vat": fmt(row.vat_amount or ZERO),
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
                        "name": party(row, businesses)[1],
                        "subtotal": fmt(row.subtotal),
                        "vat": fmt(row.vat_amount),
                        "total": fmt(row.total),
                        "difference": fmt(row.total - expected),
                        "currency": row.currency,
                    },
                    row.business_id,
                    (row.invoice_id,),
                )
            )
    return found


def israeli_vat_rate(on: date) -> Decimal:
    """17 % until 2024-12-31, 18 % from 2025-01-01 (by the document's date)."""
    return Decimal("0.18") if on >= date(2025, 1, 1) else Decimal("0.17")


def vat_rate_mismatches(rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow]) -> list[Insight]:
    """An Israeli tax invoice whose VAT is neither zero (exempt) nor the rate in force on its date."""
    found = []
    for row in rows:
        if (
            row.currency != "ILS"
            or row.document_type not in ("tax_invoice", "tax_invoice_receipt")
            or row.subtotal is None
            or not row.vat_amount
            or row.invoice_date is None
        ):
            continue
        rate = israeli_vat_rate(row.invoice_date)
        expected = (row.subtotal * rate).quantize(ZERO)
        # Rounding per line may move VAT by a few agorot; a wrong rate moves it by 1/17 or more.
        tolerance = Decimal("0.10") + abs(row.subtotal) * Decimal("0.001")
        if abs(expected - row.vat_amount) > tolerance:
            found.append(
                Insight(
                    "vat_rate_mismatch",
                    f"vat_rate:{row.invoice_id}",
                    "warning",
                    row.month,
                    {
                        "name": party(row, businesses)[1],
                        "vat": fmt(row.vat_amount),
                        "expected_vat": fmt(expected),
                        "rate": f"{rate * 100:.0f}",
                        "subtotal": fmt(row.subtotal),
                        "date": row.invoice_date.isoformat(),
                        "currency": row.currency,
                    },
                    row.business_id,
                    (row.invoice_id,),
                )
            )
    return found
