"""A receipt's total from its table of payments and the VAT it says is included, when OCR lost the
total's own row ('IVA incl. 2.973,41 EUR' under three payments of 5.710,83 / 5.710,83 / 5.710,84).

What was received is the payments' sum; a VAT printed as included in it that is, to the cent, the
share of a rate in use inside that sum confirms it: two independent readings agree through the tax
law's arithmetic, so the sum is the total, the VAT is as printed and the net is the rest.
"""

from __future__ import annotations

import re

from .amount_candidates import Candidates
from .exact_rates import included_exact_rate
from .lines import Found, Line
from .rate_repair import tail_of
from .receipt_totals import INCLUDED

RECEIVED_GROSS = 0.8  # two readings agree; neither is a labelled total
HEAD_LOST = 0.7  # the total's tail as read, its head from the payments


def _included_in(gross: float, vat: float, line: Line) -> bool:
    return (
        0 < vat < gross
        and bool(INCLUDED.search(line.text))
        and bool(included_exact_rate(vat, round(gross - vat, 2)))
    )


Received = tuple[float, Line]  # `payments.payments_received`: the payments' sum and their last row


def gross_of_payments(found: Candidates, received: Received | None) -> tuple[Found, Found, Found] | None:
    """(net, VAT, total): the payments' sum as the total where a VAT read on an 'included' line is a
    rate's share of it to the cent; None otherwise, or where a labelled total agrees with such a VAT
    itself (a total OCR misread, '13.652,07' for 73.052,07, agrees with none)."""
    if received is None:
        return None
    vats = found.get("vat", [])
    if any(_included_in(total[0], vat[0], vat[2]) for total in found.get("total_strong", []) for vat in vats):
        return None
    gross, last_payment = received
    for vat, raw, line in vats:
        if _included_in(gross, vat, line):
            return (
                Found(round(gross - vat, 2), "", line, RECEIVED_GROSS),
                Found(vat, raw, line, RECEIVED_GROSS),
                Found(gross, "", last_payment, RECEIVED_GROSS),
            )
    return None


def total_with_head_lost(total: Found | None, received: Received | None) -> Found | None:
    """The payments table's sum, where the total read is its tail, its head lost ('סה"כ 5.40' under
    two payments of 2,467.70: 4,935.40); else the total as found."""
    if total is None or not total.raw or received is None or not 0 < total.value < received[0]:
        return total
    read = re.sub(r"\D", "", total.raw)
    if not tail_of(f"{received[0]:.2f}".replace(".", ""), read, 3):
        return total
    return Found(received[0], f"{total.raw} (head lost)", total.line, HEAD_LOST)
