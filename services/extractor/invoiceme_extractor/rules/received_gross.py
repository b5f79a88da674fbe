"""A receipt's total from its table of payments and the VAT it says is included, when OCR lost the
total's own row ('IVA incl. 2.973,41 EUR' under three payments of 5.710,83 / 5.710,83 / 5.710,84).

What was received is the payments' sum; a VAT printed as included in it that is, to the cent, the
share of a rate in use inside that sum confirms it: two independent readings agree through the tax
law's arithmetic, so the sum is the total, the VAT is as printed and the net is the rest.
"""

from __future__ import annotations

from .amount_candidates import Candidates
from .exact_rates import included_exact_rate
from .lines import Found, Line
from .payments import payments_received
from .receipt_totals import INCLUDED

RECEIVED_GROSS = 0.8  # two readings agree; neither is a labelled total


def gross_of_payments(found: Candidates, lines: list[Line]) -> tuple[Found, Found, Found] | None:
    """(net, VAT, total): the payments' sum as the total where a VAT read on an 'included' line is a
    rate's share of it to the cent; None otherwise."""
    received = payments_received(lines)
    if received is None:
        return None
    gross, last_payment = received
    for vat, raw, line in found.get("vat", []):
        if 0 < vat < gross and INCLUDED.search(line.text) and included_exact_rate(vat, round(gross - vat, 2)):
            return (
                Found(round(gross - vat, 2), "", line, RECEIVED_GROSS),
                Found(vat, raw, line, RECEIVED_GROSS),
                Found(gross, "", last_payment, RECEIVED_GROSS),
            )
    return None
