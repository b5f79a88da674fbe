"""Amounts grouped the Indian way, lakhs and crores in twos before the last three digits
('1,23,456.00', '12,34,567'), are one amount, not pieces."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import read_fields
from invoiceme_extractor.rules.amounts import amounts_in


class TestIndianDigitGroups:
    @pytest.mark.parametrize(("printed", "value"), [("1,23,456.00", 123456.0), ("12,34,567", 1234567.0)])
    def test_one_amount(self, printed: str, value: float) -> None:
        assert amounts_in(f"Grand Total ₹ {printed}") == [(value, printed)]

    def test_other_groupings_unchanged(self) -> None:
        assert amounts_in("1,234.56 1.234,56 12,34") == [
            (1234.56, "1,234.56"),
            (1234.56, "1.234,56"),
            (12.34, "12,34"),
        ]

    def test_the_total(self) -> None:
        found, _ = read_fields([(1, "Tax Invoice\nLaptop 1 1,04,620.00\nGrand Total Rs. 1,23,451.60\n")])
        assert found["total"].value == 123451.6
