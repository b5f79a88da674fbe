"""A till slip's cash rounding with its leading 0 read as a round digit ('Rounding Adj. 8.03-' for
0.03-, 'ROUNDING (8.04)' on photos): the rounding is the cents, so the net and VAT as printed add up
to the rounded total through it, instead of being bent to fit the total."""

from __future__ import annotations

from invoiceme_extractor.rules.cash_rounding import rounding_rows
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.totals import find_totals


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestRoundingZeroMisread:
    def test_the_rounding_is_its_cents(self) -> None:
        rows = rounding_rows(_lines("Rounding Adj. 8.03-", "ROUNDING (6.04)"))
        assert [amount for amount, _ in rows] == [-0.03, 0.04]

    def test_a_rounding_of_more_than_a_coin_is_none(self) -> None:
        assert rounding_rows(_lines("Rounding Adj. 8.35-", "Rounding 2.03")) == []

    def test_the_printed_net_stands(self) -> None:
        lines = _lines(
            "Total Excl. GST 257.75",
            "GST 23% 59.28",
            "Total Amount 317.63",
            "Rounding Adj. 8.03-",
            "Total incl. VAT 317.00",
        )
        totals = find_totals(lines)
        assert totals.subtotal is not None and totals.subtotal.value == 257.75
        assert totals.vat_amount is not None and totals.vat_amount.value == 59.28
        assert totals.total is not None and totals.total.value == 317.0
        assert totals.subtotal.confidence < 0.9  # agreeing through a repaired rounding
