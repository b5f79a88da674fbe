"""Readings of a till slip's total apart from the total's own row, and how far one lies from it."""

from __future__ import annotations

from . import labels
from .amount_candidates import Candidates
from .amounts import row_money
from .lines import Line

_DISCOUNT = labels.any_of(r"discount", r"\bdisc\b", r"הנחה", r"rabatt", r"remise", r"descuento")
_DISCOUNT_ROWS = 3  # a discount is printed in the few rows under the subtotal


def after_discount(found: Candidates, lines: list[Line]) -> list[float]:
    """'Sub-Total : 45.70' / 'Coupon Discount : 14.80': the subtotal less a discount printed right
    under it, a reading of the total apart from the total's own row."""
    values = []
    for subtotal, _, line in found.get("subtotal", []):
        for row in lines[line.index + 1 : line.index + 1 + _DISCOUNT_ROWS]:
            money = row_money(row) if _DISCOUNT.search(row.text) else []
            if money and 0 < abs(money[-1][0]) < subtotal:
                values.append(round(subtotal - abs(money[-1][0]), 2))
    return values


def one_digit_apart(value: float, raw: str) -> bool:
    """`value` is the amount `raw` prints with exactly one digit changed (same digits otherwise)."""
    printed = "".join(ch for ch in raw if ch.isdigit())
    other = f"{abs(value):.2f}".replace(".", "")
    if len(printed) != len(other):
        return False
    return sum(a != b for a, b in zip(printed, other, strict=True)) == 1
