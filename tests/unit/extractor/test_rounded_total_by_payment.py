"""A till slip's rounded total that no total label gives: the card charge (or cash less change)
printed a few rows under the rounding line, or the amount right under a rounding line whose own
amount OCR garbled ('RM 03' for .03) under a label OCR damaged or that only says 'Rounding'."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.totals import find_totals


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


def _total(*texts: str) -> float | None:
    total = find_totals(_lines(*texts)).total
    return total.value if total else None


class TestRoundedTotalByPayment:
    def test_a_card_charge_after_rows_between(self) -> None:
        assert (
            _total(
                "Total (Excluding GST): 40.02",
                "GST Payable: 2.40",
                "Total (Inclusive of GST): 42.42",
                "Rounding Adj: 0.03",
                "Closed: 31-03-2018 18:43:22",
                "Server: ANNA",
                "VISA 42.45",
            )
            == 42.45
        )

    def test_a_payment_not_moved_by_the_rounding_changes_nothing(self) -> None:
        lines = ("Total: 42.42", "Rounding Adj: 0.03", "Server: ANNA", "VISA 50.00")
        assert _total(*lines) == 42.42

    def test_the_row_under_a_garbled_rounding(self) -> None:
        assert (
            _total(
                "Total Sales (Inclusive GST) RM 57.37",
                "Rounding Adjustment RM 03",
                "Rounding RM 57.40",
                "CHANGE RM .00",
            )
            == 57.40
        )

    def test_a_damaged_total_label_under_the_rounding(self) -> None:
        assert _total("SUB-TOTAL 50.00", "GST 3.00", "ROUNDING 9.00", "TATAL 53.00", "CHANGE 0.00") == 53.0
        assert _total("SUB-TOTAL 50.00", "GST 3.02", "ROUNDING 9.00", "TATAL 53.00", "CHANGE 0.00") == 53.0

    def test_a_row_more_than_a_coin_away_is_no_rounded_total(self) -> None:
        assert _total("Total RM 57.37", "Rounding Adjustment RM 03", "Cash RM 60.00") == 57.37
