"""Every amount's label lost but the VAT line's rate ('VAT 18%' over '49.50 ILS ... 58.41 ILS': a scan
that dropped the labels' row and the VAT amount): two amounts printed just under the rate, the larger
the smaller plus the rate's share of it to the cent, are the net and the total, and the VAT is their
difference. Two readings agree through the rate, but no label names them: said as a guess."""

from __future__ import annotations

from . import labels
from .amounts import CENT, percent_in, row_money
from .lines import Found, Line, following
from .rates import STANDARD_RATES

WINDOW = 2  # lines under the rate where its amounts are printed
CONFIDENCE = 0.6


def _printed_rate(line: Line) -> float | None:
    """The standard rate a VAT label states on a line with no amount ('VAT 18%')."""
    rate = percent_in(line.text)
    if rate is None or rate not in STANDARD_RATES[1:] or not labels.VAT.search(line.text):
        return None
    return None if row_money(line) else rate


def net_and_gross(amounts: list[float], rate: float) -> tuple[float, float] | None:
    """The one (net, gross) pair among the amounts with gross = net + net x rate to the cent."""
    pairs = {
        (net, gross)
        for net in amounts
        for gross in amounts
        if 0 < net < gross and abs(round(net * rate + 1e-9, 2) - round(gross - net, 2)) <= CENT
    }
    return pairs.pop() if len(pairs) == 1 else None


def amounts_by_printed_rate(found: dict[str, Found | None], lines: list[Line]) -> None:
    """With no net, VAT or total read: the net, VAT, total and rate from two amounts under a VAT
    line's rate (`net_and_gross`)."""
    if any(found.get(name) is not None for name in ("subtotal", "vat_amount", "total")):
        return
    for line in lines:
        rate = _printed_rate(line)
        if rate is None:
            continue
        under = following(lines, line, WINDOW)
        pair = net_and_gross([value for row in under for value, _ in row_money(row)], rate)
        if pair is None:
            continue
        net, gross = pair
        row = next(row for row in under if any(value == gross for value, _ in row_money(row)))
        found["subtotal"] = Found(net, "", row, CONFIDENCE)
        found["vat_amount"] = Found(round(gross - net, 2), "", line, CONFIDENCE)
        found["total"] = Found(gross, "", row, CONFIDENCE)
        found["vat_rate"] = Found(rate, line.text, line, CONFIDENCE)
        return
