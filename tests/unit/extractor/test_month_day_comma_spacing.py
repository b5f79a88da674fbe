"""A month-first date whose comma a typeset text layer set apart from the day ('August 3 , 2014') or
glued to the year ('Aug 3,2014') is still a date, and the invoice's date under its label."""

from __future__ import annotations

from datetime import date

import pytest

from invoiceme_extractor.rules import read_fields
from invoiceme_extractor.rules.dates import dates_in


class TestMonthDayCommaSpacing:
    @pytest.mark.parametrize(
        "printed", ["August 3 , 2014", "Aug 3,2014", "August 3rd , 2014", "Aug. 3, 2014"]
    )
    def test_read_as_a_date(self, printed: str) -> None:
        assert [found.value for found in dates_in(f"Billed on {printed}")] == [date(2014, 8, 3)]

    def test_the_invoice_date(self) -> None:
        found, _ = read_fields(
            [(1, "Invoice Summary\nInvoice Number: 42183017\nInvoice Date: August 3 , 2014\n")]
        )
        assert found["invoice_date"].value == "2014-08-03"
