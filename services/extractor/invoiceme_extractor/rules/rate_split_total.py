"""Net and VAT from the total and the rate its VAT row prints, when OCR read both rows' labels and
garbled both their amounts.

'Sub-total 3797/0 38' / 'Tax (20%) 194 OF' / 'Grand Total 4,764.40': the total was read, the net's
and the VAT's labels were read, the rate on the VAT row was read, and the two amounts are debris. The
net is then total / (1 + rate) to the cent, the VAT the rest; kept only when the net's VAT at that
rate rounds to exactly that rest (the split invoices print). A derivation, never a reading: said at
0.5, under any printed amount.
"""

from __future__ import annotations

import re

from . import labels
from .amounts import percent_in
from .lines import Found, Line
from .rates import STANDARD_RATES

WINDOW = 4  # rows above the total where its net and VAT rows are printed
DERIVED = 0.5
HALF_CENT = 0.005
# an amount printed whole, with its cents ('720.21', '1.716,87'): the VAT row's amount was read
_AMOUNT_WITH_CENTS = re.compile(r"(?<![\d.,])\d[\d.,' ]*[.,]\d{2}(?![\d%])")


def _vat_row(line: Line) -> bool:
    return bool(labels.VAT.search(line.text)) and not labels.SUBTOTAL.search(line.text)


def split_by_rate(total: float, rate: float) -> tuple[float, float] | None:
    """(net, VAT) of a total at a rate, when the net's VAT rounded to the cent is the rest exactly."""
    net = round(abs(total) / (1 + rate) + 1e-9, 2)
    vat = round(abs(total) - net, 2)
    if abs(round(net * rate + 1e-9, 2) - vat) > HALF_CENT:
        return None
    sign = -1.0 if total < 0 else 1.0
    return sign * net, sign * vat


def parts_by_total_and_rate(total: Found, lines: list[Line]) -> tuple[Found, Found] | None:
    """(net, VAT) for a total read alone whose net row and VAT row (with its rate) sit just above
    it, net first: both labels read, neither amount."""
    start = max(0, total.line.index - WINDOW)
    above = [line for line in lines[start : total.line.index] if line.page == total.line.page]
    net_rows = [line for line in above if labels.SUBTOTAL.search(line.text)]
    vat_rows = [line for line in above if _vat_row(line)]
    if not net_rows or not vat_rows or net_rows[-1].index > vat_rows[-1].index:
        return None
    if _AMOUNT_WITH_CENTS.search(vat_rows[-1].text):
        return None  # its VAT was read: the total is the doubtful one ('USD) 94', a restatement's scrap)
    rate = percent_in(vat_rows[-1].text)
    if rate is None or rate not in STANDARD_RATES[1:]:
        return None
    parts = split_by_rate(total.value, rate)
    if parts is None:
        return None
    return Found(parts[0], "", net_rows[-1], DERIVED), Found(parts[1], "", vat_rows[-1], DERIVED)
