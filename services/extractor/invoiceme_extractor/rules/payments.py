"""What the customer paid, as a till slip prints it: an amount tendered (cash, card, 'Payment') and
the change given back a few rows under it."""

from __future__ import annotations

from . import labels
from .amounts import row_money
from .lines import Line

_PAYMENT_ROWS = 4  # the tendered amount is printed a few rows above the change
_TENDERED = labels.any_of(
    labels.PAID.pattern,
    r"\bpayment\b",
    r"\breceived\b",
    r"התקבל",
    r"bezahlt",
    r"\bpay[ée]\b",
    r"\bre[çc]u\b",
    r"pagado",
    r"recibido",
    r"entregado",
)


def paid_amounts(lines: list[Line]) -> list[tuple[float, Line, Line]]:
    """(tendered - change, the tendered line, the change line) for each change printed under a
    payment: 'CASH 50.00' then 'CHANGE 34.10' is 15.90 paid, which is the total. Both are read apart
    from the total's own line, so the difference is a second, independent reading of the total."""
    paid = []
    for line in lines:
        change = row_money(line) if labels.CHANGE.search(line.text) else []
        if not change:
            continue
        for earlier in reversed(lines[max(0, line.index - _PAYMENT_ROWS) : line.index]):
            if _TENDERED.search(earlier.text) or labels.CARD_PAYMENT.search(earlier.text):
                tendered = row_money(earlier)
                if tendered and tendered[-1][0] > change[-1][0] >= 0:
                    paid.append((round(tendered[-1][0] - change[-1][0], 2), earlier, line))
                break
    return paid


def card_charges(lines: list[Line]) -> list[tuple[float, str, Line]]:
    """(amount, raw, line) of each card payment line ('VISA ****4024 406.20'): a card is charged
    exactly the total. Cash is not: it is tendered and change given."""
    return [
        (*money[-1], line)
        for line in lines
        if labels.CARD_PAYMENT.search(line.text) and (money := row_money(line))
    ]
