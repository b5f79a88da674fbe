"""What the customer paid, as a till slip prints it: an amount tendered (cash, card, 'Payment') and
the change given back a few rows under it."""

from __future__ import annotations

from . import labels
from .amounts import row_money
from .dates import dates_in
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
    return _tendered_less_change(lines, every_amount=False)


def paid_readings(lines: list[Line]) -> list[tuple[float, Line, Line]]:
    """`paid_amounts` with every amount on the tendered row, not only its last: 'CASH 20.00 MYR 20.90'
    (a second currency's column, or a copy OCR misread) over 'CHANGE DUE 10.00' reads 10.00 or
    10.90 paid. Only to confirm a total read elsewhere: several readings choose nothing."""
    return _tendered_less_change(lines, every_amount=True)


def _tendered_less_change(lines: list[Line], every_amount: bool) -> list[tuple[float, Line, Line]]:
    paid = []
    for line in lines:
        change = row_money(line) if labels.CHANGE.search(line.text) else []
        tendered_line = _tendered_row(lines, line) if change else None
        if tendered_line is None:
            continue
        tendered = row_money(tendered_line)
        for amount, _ in tendered if every_amount else tendered[-1:]:
            if amount > change[-1][0] >= 0:
                paid.append((round(amount - change[-1][0], 2), tendered_line, line))
    return paid


def _tendered_row(lines: list[Line], change: Line) -> Line | None:
    """The row of the amount tendered above a change row: the nearest one labelled a payment, else
    the row right above when OCR damaged its label ('CASHI RM 120.06', 'GASH 50.00') and it names
    no total, tax or rounding (a slip prints the tendered amount right above the change)."""
    for earlier in reversed(lines[max(0, change.index - _PAYMENT_ROWS) : change.index]):
        if _TENDERED.search(earlier.text) or labels.CARD_PAYMENT.search(earlier.text):
            return earlier
    above = lines[change.index - 1] if change.index > 0 else None
    if above is None or above.page != change.page or _NOT_TENDERED.search(above.text):
        return None
    return above


_NOT_TENDERED = labels.any_of(
    labels.TOTAL_STRONG.pattern,
    labels.TOTAL_PLAIN.pattern,
    labels.SUBTOTAL.pattern,
    labels.VAT.pattern,
    labels.CHANGE.pattern,
    r"round",
    r"disc",
)


def card_charges(lines: list[Line]) -> list[tuple[float, str, Line]]:
    """(amount, raw, line) of each card payment line ('VISA ****4024 406.20'): a card is charged
    exactly the total. Cash is not: it is tendered and change given."""
    return [
        (*money[-1], line)
        for line in lines
        if labels.CARD_PAYMENT.search(line.text) and (money := row_money(line))
    ]


# The header of a receipt's table of payments: its first column names how each payment was made
_METHOD_COLUMN = labels.any_of(
    r"\bmethod\b",
    r"payment\s*type",
    r"אמצעי\s*(?:ה)?תשלום",
    r"zahlungs\s*art",
    r"mode\s*de\s*(?:paiement|r[èe]glement)",
    r"moyen\s*de\s*paiement",
    r"forma\s*de\s*pago",
    r"m[ée]todo",
)
_HEADER_REACH = 6  # rows from the top of a page's payments table to the first row the rules look at


def payments_received(lines: list[Line]) -> tuple[float, Line] | None:
    """(their sum, the last row) of a receipt's payments table: a header naming the payment method
    ('Method | Bank | ... | Date | Amount', 'אמצעי תשלום ... תאריך סכום'), then one dated row per
    payment (a transfer, a card, cheques) with its amount last. Two payments or more: with the
    total's row lost, what was received is their sum (one instalment alone is only a part)."""
    for header in lines:
        if not _METHOD_COLUMN.search(header.text) or row_money(header):
            continue
        rows = []
        for line in lines[header.index + 1 : header.index + 1 + _HEADER_REACH]:
            money = row_money(line)
            if line.page != header.page or not money or not dates_in(line.text):
                break
            rows.append((money[-1][0], line))
        if len(rows) >= 2:
            return round(sum(value for value, _ in rows), 2), rows[-1][1]
    return None
