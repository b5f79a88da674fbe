"""A tendered row printing two amounts ('CASH 20.00 MYR 20.90': a second currency's column, or a copy
OCR misread): either, less the change, may confirm the total read beside its label, so a tax row's
misread VAT ('TAX: 6.00' for 0.00) does not rebuild the total from net + VAT."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.payments import paid_amounts, paid_readings

SLIP = (
    "PAGOH REST AND SERVICE AREA\n2 4 10.00 0.00 10.00 ZAL\nSUB TOTAL 10.00\nGRAND TOTAL 10.00\n"
    "CASH {cash}\nCHANGE DUE 10.00\nTOTAL QTY 1\nZRL:0% GOODS: 10.00 TAX: 6.00\n23/03/2018 9:34:40 AM"
)


@pytest.mark.parametrize("cash", ["20.00 MYR 20.90", "20.00", "20.00 MYR 20.00"])
def test_the_payment_confirms_the_labelled_total(cash: str) -> None:
    result = extract_with_rules([(1, SLIP.format(cash=cash))])
    assert result.total == 10.00
    assert result.confidence["total"] >= 0.9


def test_every_amount_tendered_is_a_reading_but_only_the_last_is_paid() -> None:
    lines = [Line("CASH 20.00 MYR 20.90", 1, 0), Line("CHANGE DUE 10.00", 1, 1)]
    assert [value for value, *_ in paid_readings(lines)] == [10.00, 10.90]
    assert [value for value, *_ in paid_amounts(lines)] == [10.90]
