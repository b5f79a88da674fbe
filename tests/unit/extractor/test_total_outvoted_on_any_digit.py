"""A till slip's total with one digit misread as one OCR rarely confuses it with ('30.50' for 30.90):
the subtotal less the discount printed under it and the cash paid less change agree on the other
value, and two readings apart from the total's row outvote it. One reading alone does not."""

from __future__ import annotations

from invoiceme_extractor.rules.agreed_readings import one_digit_apart
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.totals import find_totals


def _total(*texts: str) -> float | None:
    total = find_totals([Line(text, 1, index) for index, text in enumerate(texts)]).total
    return total.value if total else None


_SLIP = (
    "Sub-Total : 52.40",
    "Coupon Discount : 11.30",
    "Grand Total : 41.50",
    "Payment : 100.00",
    "Change Due : 58.90",
)


class TestTotalOutvotedOnAnyDigit:
    def test_discount_and_payment_agree(self) -> None:
        assert _total(*_SLIP) == 41.1

    def test_one_reading_alone_keeps_the_total(self) -> None:
        assert _total(*_SLIP[:3]) == 41.5

    def test_one_digit_apart(self) -> None:
        assert one_digit_apart(41.1, "41.50")
        assert not one_digit_apart(41.15, "41.50")
        assert not one_digit_apart(141.5, "41.50")
