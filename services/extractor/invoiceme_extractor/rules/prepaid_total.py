"""A balance due read as the total when OCR lost the invoice's own total above it.

'Amount Due 21,209.26 / Prepayment received 6,363.00- / Balance due 14,846.26': a photo or scan that
loses the first line leaves the balance as the only total. The invoice's total is the balance plus
what was deducted on the line right above it (printed negative: a prepayment, a deposit, a payment on
account), and the line items say so to the cent: two independent readings agree.
"""

from __future__ import annotations

from . import labels
from .amounts import CENT, row_money
from .cash_rounding import moved_by_a_coin
from .items_totals import unsigned_items_sum
from .lines import Found, Line

BEFORE_DEDUCTION = 0.7  # the total is computed, not read; items and the balance agree on it
# What was paid before the balance: a prepayment, deposit, advance or payment on account (a discount
# above the total is taken off the items, and the total is what remains)
_PAID_BEFORE = labels.any_of(
    r"pre-?payment",
    r"deposit",
    r"\badvance\b",
    r"payment\s*(?:received|on\s*account)",
    r"\bpaid\b",
    r"anzahlung",
    r"vorauszahlung",
    r"acompte",
    r"anticipo",
    r"מקדמה",
    r"שולם",
)
_ROWS_ABOVE = 2  # the deduction's row, and a row OCR made of a rule or crumbs between it and the balance


def _items_sum(items_amounts: list[float | None], deduction: float) -> float | None:
    """The items' sum, signs aside (a rule OCR read as a minus before one: '- 2,936.00'), without the
    deduction's own row where the items' reader took it for one."""
    amounts = list(items_amounts)
    own = (
        i
        for i, amount in enumerate(amounts)
        if amount is not None and abs(abs(amount) - abs(deduction)) <= CENT
    )
    own_row = next(own, None)
    if own_row is not None:
        del amounts[own_row]
    return unsigned_items_sum(amounts)


def total_before_deduction(
    found: dict[str, Found | None], items_amounts: list[float | None], lines: list[Line]
) -> Found | None:
    """The total as the balance read plus a payment printed negative just above it, where the
    items' sum is exactly that; else the total as found. Only with no net or VAT read (they would
    say which amount the total is)."""
    total = found.get("total")
    if total is None or total.value <= 0 or found.get("subtotal") or found.get("vat_amount"):
        return total
    rows_above = [
        line
        for line in lines
        if line.page == total.line.page and 0 < total.line.index - line.index <= _ROWS_ABOVE
    ]
    for line in reversed(rows_above):
        money = row_money(line)
        if len(money) != 1 or money[0][0] >= 0 or not _PAID_BEFORE.search(line.text):
            continue
        before, items_sum = round(total.value - money[0][0], 2), _items_sum(items_amounts, money[0][0])
        if moved_by_a_coin(total.value, before):
            continue  # a cash rounding ('עיגול אגורות -0.03'): the total is what is paid
        if items_sum is not None and abs(before - items_sum) <= CENT:
            return Found(before, f"{total.raw} + {money[0][1]}", total.line, BEFORE_DEDUCTION)
    return total
