"""Does the invoice add up and obey the rules? Findings are warnings; serious ones mean needs_review."""

from __future__ import annotations

from datetime import date

from . import israel
from .contract import Extraction, ExtractionWarning
from .rules.amounts import CENT, adds_up


def _warn(code: str, message: str, serious: bool = False) -> ExtractionWarning:
    return ExtractionWarning(code=code, message=message, serious=serious)


def _parse(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def is_israeli(extraction: Extraction) -> bool:
    tax_id = extraction.vendor_tax_id or ""
    return extraction.currency == "ILS" or (
        israel.is_israeli_id_shape(tax_id) and extraction.currency is None
    )


def check_arithmetic(extraction: Extraction) -> list[ExtractionWarning]:
    found = []
    subtotal, vat, total = extraction.subtotal, extraction.vat_amount, extraction.total
    if total is None:
        found.append(_warn("total_missing", "no total was found", serious=True))
    if subtotal is not None and vat is not None and total is not None and not adds_up(subtotal, vat, total):
        found.append(
            _warn("totals_mismatch", f"subtotal {subtotal} + VAT {vat} != total {total}", serious=True)
        )
    amounts = [item.amount for item in extraction.line_items if item.amount is not None]
    target = subtotal if subtotal is not None else total
    if amounts and target is not None and abs(sum(amounts) - target) > CENT:
        found.append(
            _warn("line_items_mismatch", f"line items sum to {round(sum(amounts), 2)}, not {target}")
        )
    if (
        extraction.vat_rate
        and subtotal
        and vat is not None
        and abs(subtotal * extraction.vat_rate - vat) > 0.02
    ):
        found.append(
            _warn("vat_amount_rate_mismatch", f"VAT {vat} is not {extraction.vat_rate:.0%} of {subtotal}")
        )
    return found


def check_israeli_rules(extraction: Extraction, issued: date | None) -> list[ExtractionWarning]:
    found = []
    tax_id = extraction.vendor_tax_id
    if tax_id and israel.is_israeli_id_shape(tax_id) and not israel.israeli_id_is_valid(tax_id):
        found.append(_warn("tax_id_check_digit", f"{tax_id} fails the Israeli check digit", serious=True))
    if issued is None:
        return found
    expected = israel.vat_rate_on(issued)
    rate = extraction.vat_rate
    if rate and expected is not None and abs(rate - expected) > 0.001:
        found.append(
            _warn(
                "vat_rate_unexpected", f"VAT {rate:.0%} but {expected:.0%} applies on {issued}", serious=True
            )
        )
    threshold = israel.allocation_threshold_on(issued)
    before_vat = extraction.subtotal
    needs_allocation = (
        threshold is not None
        and extraction.document_type in israel.ALLOCATION_DOCUMENT_TYPES
        and before_vat is not None
        and before_vat > threshold
        and (extraction.vat_amount or 0) > 0
    )
    allocation = extraction.allocation_number
    if needs_allocation and not (allocation and israel.is_israeli_id_shape(allocation)):
        message = (
            f"{before_vat:,.2f} before VAT is above {threshold:,.0f} on {issued}: "
            "a 9-digit allocation number is required"
        )
        found.append(_warn("allocation_number_missing", message, serious=True))
    return found


def check_dates(extraction: Extraction, issued: date | None, today: date) -> list[ExtractionWarning]:
    found = []
    due = _parse(extraction.due_date)
    if issued and issued > today:
        found.append(_warn("date_in_future", f"invoice date {issued} is after today ({today})", serious=True))
    if issued and due and due < issued:
        found.append(_warn("due_before_issue", f"due date {due} is before the invoice date {issued}"))
    return found


def validate(extraction: Extraction, today: date) -> list[ExtractionWarning]:
    issued = _parse(extraction.invoice_date)
    found = check_arithmetic(extraction) + check_dates(extraction, issued, today)
    if is_israeli(extraction):
        found += check_israeli_rules(extraction, issued)
    return found
