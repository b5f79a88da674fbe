"""Cash tendered less change is what a till slip's customer paid: the tendered row is the one right
above the change row when OCR damaged its label ('CASHI', 'GASH'), and the amount it comes to,
printed on another row whose total label OCR lost, is the total (not when it is the total moved
by a cash rounding: then the total as printed stands)."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.payments import paid_amounts
from invoiceme_extractor.rules.totals import find_totals


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


def _total(*texts: str) -> float | None:
    total = find_totals(_lines(*texts)).total
    return total.value if total else None


class TestTenderedRow:
    def test_a_damaged_cash_label_right_above_the_change(self) -> None:
        paid = paid_amounts(_lines("Total 59.70", "CASHI RM 60.06", "CHANGE RM 0.36"))
        assert [value for value, *_ in paid] == [59.7]

    def test_a_total_row_above_the_change_is_no_payment(self) -> None:
        assert paid_amounts(_lines("Item 12.00", "TOTAL 15.90", "CHANGE 4.10")) == []

    def test_payment_and_tax_summary_outvote_a_misread_total(self) -> None:
        lines = ("Total 59.76", "CASHI RM 60.06", "CHANGE RM 0.36", "GST Summary Amt Tax", "SR 6% 56.32 3.38")
        assert _total(*lines) == 59.7


class TestPaidPrinted:
    def test_the_paid_amount_printed_under_a_lost_label(self) -> None:
        lines = (
            "Item A 2 14.90 29.80",
            "TOTAL EXCL.GST 2.11",
            "ADD : GST @ 6% On 1.69",
            "29.80",
            "CASH 50.00",
            "CHANGE 20.20",
        )
        assert _total(*lines) == 29.8

    def test_a_cash_rounding_keeps_the_printed_total(self) -> None:
        lines = ("Total 29.82", "Rounded 29.80", "CASH 50.00", "CHANGE 20.20")
        assert _total(*lines) == 29.82
