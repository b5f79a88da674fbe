"""Subtotal, VAT and total when OCR lost their labels (or the document never printed one): the
arithmetic of the amounts near each other still tells which is which.

Each reading here is a fallback, tried only when the labelled amounts gave nothing, and carries
lower confidence than a labelled reading.
"""

from __future__ import annotations

import itertools

from . import labels
from .amount_candidates import classify
from .amounts import CENT, adds_up, percent_in, printed_on_another_row, row_money
from .lines import Found, Line
from .payments import card_charges, paid_amounts, payments_received

WINDOW = 4  # rows around an amount where its partners are printed


def plausible_rate(vat: float, base: float) -> bool:
    """VAT between 0 % and 27 % of the amount before it (mixed-rate invoices fall in between)."""
    if base == 0:
        return vat == 0
    return -0.0005 <= vat / base <= 0.27


def card_payment(lines: list[Line]) -> Found | None:
    """No total printed (or OCR lost it): the last card payment charges exactly the total."""
    charges = card_charges(lines)
    return Found(*charges[-1], 0.5) if charges else None


def unlabelled_pair(lines: list[Line], total: Found) -> tuple[Found, Found] | None:
    """Subtotal and VAT whose labels OCR lost: the last amounts of the rows just above the total,
    two of which add up to it with a plausible VAT rate (the totals block of a receipt)."""
    above = [
        line for line in lines[max(0, total.line.index - 4) : total.line.index] if not classify(line.text)
    ]
    amounts = [(money[-1], line) for line in above if (money := row_money(line))]
    for (base, base_line), (vat, vat_line) in itertools.combinations(amounts, 2):
        if 0 < abs(vat[0]) < abs(base[0]) and adds_up(base[0], vat[0], total.value):
            if plausible_rate(vat[0], base[0]) and vat[0] != 0:
                return Found(base[0], base[1], base_line, 0.7), Found(vat[0], vat[1], vat_line, 0.7)
    return None


def payments_total(lines: list[Line]) -> Found | None:
    """No total printed (or OCR lost it) under a receipt's table of payments: their sum."""
    received = payments_received(lines)
    return Found(received[0], "", received[1], 0.5) if received else None


def cash_minus_change(lines: list[Line]) -> Found | None:
    """'Cash 650.00' and 'Change 30.40' with no total line: the total is what was kept (619.60)."""
    paid = paid_amounts(lines)
    if not paid:
        return None
    value, tendered, _ = paid[-1]
    return Found(value, "", tendered, 0.6)


def paid_as_printed(lines: list[Line]) -> Found | None:
    """'Paid 4.00' with no change given and no total read (its label or amount garbled), where another
    row prints the same amount ('Parking Fee RM4.00'): two readings of what was charged agree."""
    if any(labels.CHANGE.search(line.text) for line in lines):
        return None  # cash tendered with change: more than the total
    for line in reversed(lines):
        money = row_money(line) if labels.PAID.search(line.text) else []
        if not money or money[-1][0] <= 0:
            continue
        value, raw = money[-1]
        if printed_on_another_row(value, line, lines):
            return Found(value, raw, line, 0.55)
        return None
    return None


def _last_amounts(lines: list[Line]) -> list[tuple[float, str, Line]]:
    return [(*money[-1], line) for line in lines if (money := row_money(line))]


def unlabelled_triple(lines: list[Line], vat: Found) -> tuple[Found, Found] | None:
    """A VAT amount whose subtotal and total labels OCR garbled ('D130 ביניים 28,259.53'): the amounts
    on the rows around it that make base + VAT = total at the printed (or a plausible) rate."""
    start = max(0, vat.line.index - WINDOW)
    near = [a for a in _last_amounts(lines[start : vat.line.index + WINDOW + 1]) if a[2] is not vat.line]
    rate = percent_in(vat.line.text)
    for base, total in itertools.permutations(near, 2):
        if not adds_up(base[0], vat.value, total[0]) or base[2].index > total[2].index:
            continue
        fits_rate = (
            abs(vat.value / base[0] - rate) < 0.005
            if rate and base[0]
            else plausible_rate(vat.value, base[0])
        )
        if fits_rate and vat.value != 0:
            return Found(base[0], base[1], base[2], 0.75), Found(total[0], total[1], total[2], 0.75)
    return None


def lost_labels(lines: list[Line], result: dict[str, Found | None]) -> dict[str, Found | None]:
    """Fill what the labelled reading left empty, from the arithmetic of nearby amounts."""
    if result["total"] is None and result["subtotal"] is None:
        vat = result["vat_amount"]
        triple = unlabelled_triple(lines, vat) if vat is not None else None
        if triple is not None:
            result["subtotal"], result["total"] = triple
        else:
            result["total"] = payments_total(lines) or card_payment(lines) or cash_minus_change(lines)
            result["total"] = result["total"] or paid_as_printed(lines)
    elif result["subtotal"] is None and result["vat_amount"] is not None:
        result = _total_was_the_net(lines, result)
    if result["total"] and not result["subtotal"] and not result["vat_amount"]:
        pair = unlabelled_pair(lines, result["total"])
        if pair is not None:
            result["subtotal"], result["vat_amount"] = pair
    return result


def _total_was_the_net(lines: list[Line], result: dict[str, Found | None]) -> dict[str, Found | None]:
    """A 'total' read from a VAT line ('סה"כ 357+ מע"מ 20,130.60': 'before' or 'including' VAT lost
    to OCR) that, with the VAT, adds up to an amount printed after it: it was the net, and that
    amount is the total ('Re 2° 23,552.80', its label garbled)."""
    total, vat = result["total"], result["vat_amount"]
    if total is None or vat is None or classify(total.line.text) != "vat" or total.line is vat.line:
        return result
    triple = unlabelled_triple(lines, vat)
    if triple is None or abs(triple[0].value - total.value) > CENT:
        return result
    return {**result, "subtotal": triple[0], "total": triple[1]}
