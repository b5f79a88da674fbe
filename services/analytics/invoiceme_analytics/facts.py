"""What one saved invoice contributes to the figures: parsed from its event, priced in the base currency.

Pure functions; the handler looks up the two rates (to the base currency and to ILS, the latter for
the allocation-number threshold) between `parse_invoice` and `price_invoice`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from invoiceme_common.money import (
    Rate,
    amount_before_vat,
    convert,
    missing_rate_warning,
    money,
    reclaimable_vat,
    staleness_warning,
)

from .domain import UNKNOWN_CURRENCY, UNKNOWN_MONTH, UNKNOWN_VENDOR

CREDIT_NOTE = "credit_note"


@dataclass(frozen=True)
class ParsedInvoice:
    business_id: uuid.UUID | None
    status: str
    vendor: str
    invoice_date: date | None
    rate_day: date  # the invoice date, or the day it was saved when it has none
    currency: str
    total: Decimal | None
    subtotal: Decimal | None
    vat_amount: Decimal | None
    document_type: str | None
    invoice_number: str | None
    allocation_number: str | None

    @property
    def month(self) -> str:
        return self.invoice_date.strftime("%Y-%m") if self.invoice_date else UNKNOWN_MONTH


@dataclass(frozen=True)
class InvoiceFact:
    """One invoice's row in the projection (`analytics_invoice_facts`)."""

    invoice: ParsedInvoice
    base_currency: str
    base_total: Decimal | None
    rate: Rate | None
    fx_warning: str | None
    before_vat_ils: Decimal | None
    reclaimable_vat: Decimal | None  # base currency
    vat_reclaim_reason: str


def _parse_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _signed(amount: Decimal | None, sign: int) -> Decimal | None:
    return None if amount is None else abs(amount) * sign if sign < 0 else amount


def parse_invoice(
    fields: dict[str, Any],
    business_id: uuid.UUID | None,
    status: str,
    occurred_at: datetime,
    vendor_name: str | None = None,
    invoice_date: str | None = None,
    currency: str | None = None,
    total: float | None = None,
) -> ParsedInvoice:
    """Typed fields of an InvoiceSaved event; the event's top-level fields win over `fields`.
    A credit note (חשבונית זיכוי) reduces spend: its amounts count negative whatever their printed sign."""
    day = _parse_date(invoice_date or fields.get("invoice_date"))
    vendor = vendor_name or fields.get("vendor_name")
    document_type = fields.get("document_type")
    sign = -1 if document_type == CREDIT_NOTE else 1
    return ParsedInvoice(
        business_id=business_id,
        status=status,
        vendor=" ".join(str(vendor or "").split()) or UNKNOWN_VENDOR,
        invoice_date=day,
        rate_day=day or occurred_at.date(),
        currency=str(currency or fields.get("currency") or UNKNOWN_CURRENCY).upper(),
        total=_signed(money(total if total is not None else fields.get("total")), sign),
        subtotal=_signed(money(fields.get("subtotal")), sign),
        vat_amount=_signed(money(fields.get("vat_amount")), sign),
        document_type=document_type,
        invoice_number=fields.get("invoice_number"),
        allocation_number=fields.get("allocation_number"),
    )


def price_invoice(
    invoice: ParsedInvoice, base_currency: str, to_base: Rate | None, to_ils: Rate | None, max_age_days: int
) -> InvoiceFact:
    """Convert at the invoice date's rate and decide the deductible VAT (both explained, never silent)."""
    warnings: list[str] = []
    if invoice.total is not None and to_base is None:
        warnings.append(missing_rate_warning(invoice.currency, base_currency, invoice.rate_day))
    if to_base is not None and (stale := staleness_warning(to_base, invoice.rate_day, max_age_days)):
        warnings.append(stale)
    if invoice.invoice_date is None and invoice.total is not None:
        warnings.append(f"the invoice has no date; converted at the rate of {invoice.rate_day}")
    before_vat = amount_before_vat(invoice.subtotal, invoice.total, invoice.vat_amount)
    before_vat_ils = convert(before_vat, to_ils)
    reclaim = reclaimable_vat(
        invoice.document_type,
        invoice.vat_amount,
        before_vat_ils,
        invoice.allocation_number,
        invoice.invoice_date,
    )
    reclaim_base = convert(reclaim.amount, to_base)
    return InvoiceFact(
        invoice=invoice,
        base_currency=base_currency,
        base_total=convert(invoice.total, to_base),
        rate=to_base,
        fx_warning="; ".join(warnings) or None,
        before_vat_ils=before_vat_ils,
        reclaimable_vat=reclaim_base,
        vat_reclaim_reason=reclaim.reason,
    )
