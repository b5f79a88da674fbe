"""A total OCR misread below the VAT it includes ('Total a pagar 150.00' over 'IVA incluido 21%
326,28'): no total is smaller than its own tax. The gross whose tax at the printed rate that VAT is,
where the page prints it too (an item's amount, a payment), is the total: two readings that agree
through the tax law's arithmetic outweigh one that contradicts it."""

from __future__ import annotations

from .amount_candidates import Candidates
from .amounts import row_money
from .exact_rates import HALF_CENT
from .lines import Found, Line
from .receipt_totals import included_vats

CONFIDENCE = 0.7


def gross_of_included_vat(found: Candidates, lines: list[Line], total: Found) -> tuple[Found, Found] | None:
    """(the VAT, the gross it is included in) when `total` is smaller than a VAT read as included at a
    printed rate, and the page prints that gross; None otherwise."""
    for (value, raw, line), rate in included_vats(found):
        if value <= abs(total.value):
            continue
        for row in lines:
            for amount, printed in row_money(row):
                if amount > value and abs(amount * rate / (1 + rate) - value) <= HALF_CENT:
                    return Found(value, raw, line, CONFIDENCE), Found(amount, printed, row, CONFIDENCE)
    return None
