"""A total read with one digit lost ('135.90' for 1,435.90), no net or VAT read: the items' sum is it
with that digit, and each item proves its amount by quantity x unit price, so the sum is the total,
said as a guess."""

from __future__ import annotations

from invoiceme_extractor.contract import LineItem
from invoiceme_extractor.rules.items_totals import total_with_digit_lost
from invoiceme_extractor.rules.lines import Found, Line

_TOTAL_LINE = Line('סך הכל לתשלום 135.90 ש"ח', 1, 5)


def _found() -> dict[str, Found | None]:
    return {"subtotal": None, "vat_amount": None, "total": Found(135.9, "135.90", _TOTAL_LINE, 0.8)}


def test_the_proved_items_sum_restores_the_lost_digit() -> None:
    items = [LineItem(description="אחסון ענן", quantity=10, unit_price=143.59, amount=1435.9)]
    total = total_with_digit_lost(_found(), items)
    assert total is not None and total.value == 1435.9 and total.confidence < 0.9


def test_items_that_prove_nothing_leave_the_total() -> None:
    items = [LineItem(description="אחסון ענן", amount=1435.9)]
    assert total_with_digit_lost(_found(), items) == _found()["total"]
    other = [LineItem(description="אחסון ענן", quantity=10, unit_price=143.59, amount=1435.9)]
    found = {**_found(), "total": Found(1235.9, "1,235.90", _TOTAL_LINE, 0.8)}  # a digit changed
    assert total_with_digit_lost(found, other) == found["total"]
