"""Deterministic offline extractor: label vocabularies and arithmetic, no per-vendor templates."""

from __future__ import annotations

from dataclasses import replace

from ..alternatives import field_alternatives
from ..contract import Evidence, Extraction, LineItem
from . import party_labels
from .amounts import CENT
from .blocks import party_cells, without_cells
from .bracketed_amounts import negative_by_brackets
from .cash_rounding import off_the_coin_step
from .cents_lost import net_with_cents_lost
from .currency_noise import sure_code
from .customer_ids import customer_id_blocks
from .date_fields import find_dates
from .day_first_pages import prefers_month_first
from .full_names import name_beside_tax_id
from .invoice_number import find_invoice_number
from .items_totals import (
    amounts_from_items,
    net_from_items,
    total_from_items,
    total_sign_by_items,
    total_with_digit_lost,
    without_total_row,
)
from .items_vat_total import net_by_items_and_vat, total_at_items_rate
from .labelled_ids import customer_labelled
from .line_items import find_line_items
from .lines import Found, Line, PageInput, document_language, document_lines
from .name_copies import payee, payee_over_header, surer_copy
from .name_text import mended_legal_form
from .parties import buyer_lines, find_vendor_name
from .prepaid_total import total_before_deduction
from .rate_only_vat import vat_included_at_country_rate
from .rate_pair import amounts_by_printed_rate
from .references import (
    currency_from_tax_id,
    find_allocation_number,
    find_currency,
    find_document_type,
)
from .tax_ids import find_vendor_tax_id
from .total_currency import currency_of_total
from .totals import find_totals
from .untitled_type import tax_invoice_by_allocation, type_by_evidence
from .vat_numbers import french_vat_of_siren, with_country_prefix
from .window_address import window_recipient_cells


def confirm_by_line_items(found: dict[str, Found | None], items: list[LineItem]) -> None:
    """Line items that add up to the subtotal (or, without VAT, to the total) confirm that amount:
    two independent readings agree."""
    amounts = [item.amount for item in items if item.amount is not None]
    if len(amounts) < 2 or len(amounts) != len(items):
        return
    items_sum = round(sum(amounts), 2)
    for name in ("subtotal", "total"):
        item = found.get(name)
        if item is not None and abs(item.value - items_sum) <= CENT and item.confidence < 0.92:
            found[name] = replace(item, confidence=0.92)


def credit_by_sign(
    document_type: Found | None, total: Found | None, parts: list[Found | None] | None = None
) -> Found | None:
    """A negative total on a document titled an invoice: a credit note whose title OCR damaged (its
    minus printed, or brackets around it and its parts: '(1,443.46)')."""
    bracketed = negative_by_brackets(total, parts or [])
    if document_type is None or total is None or (total.value >= 0 and not bracketed):
        return document_type
    if total.confidence < 0.9 and not bracketed:
        return document_type
    if document_type.value in ("invoice", "tax_invoice"):
        return replace(document_type, value="credit_note", confidence=min(document_type.confidence, 0.75))
    return document_type


def prefixed_tax_id(tax_id: Found | None, lines: list[Line], language: str) -> Found | None:
    """The vendor's VAT number with the country prefix OCR lost restored (`with_country_prefix`):
    derived, so below the review line."""
    if tax_id is None or language == "he":
        return tax_id
    value = with_country_prefix(tax_id.value, " ".join(line.text for line in lines), tax_id.line.text)
    if value is None:
        return tax_id
    return replace(tax_id, value=value, confidence=min(tax_id.confidence, 0.75))


def read_fields(pages: list[PageInput]) -> tuple[dict[str, Found], Extraction]:
    """Every field the rules can read from the pages ((number, text) pairs or pages with word boxes)."""
    lines = document_lines(pages)
    language = document_language(lines)
    currency = find_currency(lines, language)
    month_first = prefers_month_first([line.text for line in lines], language, sure_code(currency))
    invoice_date, due_date = find_dates(lines, month_first)
    totals = find_totals(lines)
    customers = frozenset(customer_labelled(lines))  # ids the page labels the customer's
    customer_cells = party_cells(lines, party_labels.BUYER_BLOCK) | customer_id_blocks(lines, customers)
    customer_cells |= window_recipient_cells(lines)
    issuer_view = without_cells(lines, customer_cells)
    seller = party_cells(issuer_view, party_labels.SELLER_BLOCK)
    paid = payee(issuer_view)  # the bank details' payee: a fallback and a check for the header's name
    vendor_name = find_vendor_name(issuer_view, paid)
    allocation = find_allocation_number(lines)
    found = {
        "document_type": find_document_type(lines),
        "vendor_name": vendor_name,
        "vendor_tax_id": find_vendor_tax_id(
            issuer_view,
            buyer_lines(lines),
            seller,
            vendor_name.value if vendor_name else None,
            lines,
            allocation,
            customers,
        ),
        "invoice_number": find_invoice_number(lines),
        "invoice_date": invoice_date,
        "due_date": due_date,
        "currency": currency,
        "subtotal": totals.subtotal,
        "vat_rate": totals.vat_rate,
        "vat_amount": totals.vat_amount,
        "total": totals.total,
        "allocation_number": allocation,
    }
    found["vendor_tax_id"] = french_vat_of_siren(found["vendor_tax_id"])
    found["vendor_tax_id"] = prefixed_tax_id(found["vendor_tax_id"], lines, language)
    found["vendor_name"] = surer_copy(
        payee_over_header(name_beside_tax_id(found["vendor_name"], found["vendor_tax_id"]), paid),
        issuer_view,
    )
    if (vendor := found["vendor_name"]) is not None:
        found["vendor_name"] = replace(vendor, value=mended_legal_form(vendor.value))
    found["document_type"] = type_by_evidence(
        credit_by_sign(found["document_type"], found["total"], [found["vat_amount"], found["subtotal"]]),
        lines,
        found["total"],
        found["due_date"],
    )
    found["document_type"] = tax_invoice_by_allocation(found["document_type"], allocation)
    found["currency"] = currency_of_total(found["currency"], found["total"], lines)
    if sure_code(found["currency"]) is None:
        # no currency printed, or only a mark OCR may have invented: the issuer's country tells
        found["currency"] = currency_from_tax_id(found["vendor_tax_id"]) or found["currency"]
    amounts_by_printed_rate(found, lines)
    line_items = without_total_row(find_line_items(lines))
    confirm_by_line_items(found, line_items)
    # after the confirmation: amounts derived from the items must not count as confirmed by them
    items_amounts = [item.amount for item in line_items]
    amounts_from_items(found, items_amounts, totals.candidates.get("vat", []), lines)
    net_by_items_and_vat(found, items_amounts, totals.candidates.get("vat", []))
    net_from_items(found, items_amounts)
    total_at_items_rate(found, items_amounts, lines)
    net_with_cents_lost(found, items_amounts)
    total_from_items(found, items_amounts, lines)
    found["total"] = total_sign_by_items(found, items_amounts)
    found["total"] = off_the_coin_step(total_with_digit_lost(found, line_items), lines)
    found["total"] = total_before_deduction(found, items_amounts, lines)
    vat_included_at_country_rate(found, lines)
    present = {name: item for name, item in found.items() if item is not None}
    alternatives = field_alternatives(present, totals.candidates, lines, month_first, language)
    extraction = Extraction(
        **{name: item.value for name, item in present.items()},
        line_items=line_items,
        confidence={name: round(item.confidence, 2) for name, item in present.items()},
        source=dict.fromkeys(present, "rules"),
        evidence={
            name: Evidence(
                text=item.raw or item.line.text, page=item.line.page, alternatives=alternatives[name]
            )
            for name, item in present.items()
        },
    )
    return present, extraction


def extract_with_rules(pages: list[PageInput]) -> Extraction:
    return read_fields(pages)[1]
