"""A total's label whose amount OCR could not read ('סה"כ לתשלום | 64' for 7255.14₪: its digits and
sign run together into a few characters), on a page that prints no net and no VAT (a receipt, an
invoice of a business exempt from VAT): its line items add up to the total, so their sum is it."""

from __future__ import annotations

import re

from . import labels
from .amounts import printed_on_another_row, row_money
from .lines import Found, Line

CONFIDENCE = 0.6  # the items' sum stands in for an amount nobody read: a guess worth a look


def _unread_total_line(line: Line) -> bool:
    """A total's label (not a net's) with digits after it but no amount read on its line."""
    label = labels.TOTAL_STRONG.search(line.text) or labels.TOTAL_PLAIN.search(line.text)
    if label is None or labels.SUBTOTAL.search(line.text) or row_money(line):
        return False
    return any(ch.isdigit() for ch in line.text[label.end() :])


def sum_beside_unread_total(items_sum: float, lines: list[Line]) -> Found | None:
    """The items' sum as the total when the last total's label on the page has an amount OCR could
    not read and no line names a net or a VAT (with them, the items' sum is the net, not the total)."""
    if any(labels.SUBTOTAL.search(line.text) or labels.VAT.search(line.text) for line in lines):
        return None
    for line in reversed(lines):
        if labels.TOTAL_STRONG.search(line.text) or labels.TOTAL_PLAIN.search(line.text):
            if not _unread_total_line(line):
                return None
            return Found(items_sum, f"{line.text} (amount unread; the items' sum)", line, CONFIDENCE)
    return None


# 'Total Sales inclusive GST: ... 30 45.': the decimal point lost (or moved to the end) between a
# total's units and its cents, at the end of its line
_POINT_LOST = re.compile(r"(?<![\d.,])(\d{1,5}) (\d{2})\.?\s*$")


def total_with_point_lost(lines: list[Line]) -> Found | None:
    """The amount of a total's label that OCR read with its decimal point lost, where another row
    prints that amount (a tax summary's, a payment's): two readings agree on what one alone could
    not say (units and cents, or two numbers)."""
    for line in lines:
        if not _unread_total_line(line) or labels.NOT_A_TOTAL.search(line.text):
            continue
        lost = _POINT_LOST.search(line.text)
        if lost is None:
            continue
        value = float(f"{lost.group(1)}.{lost.group(2)}")
        if printed_on_another_row(value, line, lines):
            return Found(value, lost.group(0).strip(), line, 0.7)
    return None
