"""Dates with the month's name in the other orders real documents print: month first with hyphens or
slashes ('AUG-03-2014', as databases print), the ISO order ('2014-Aug-03'), and British prose
('3rd of August 2014')."""

from __future__ import annotations

from datetime import date

import pytest

from invoiceme_extractor.rules.dates import dates_in


class TestMonthNameDateOrders:
    @pytest.mark.parametrize(
        "printed", ["AUG-03-2014", "Aug/03/2014", "2014-Aug-03", "2014.Aug.03", "3rd of August 2014"]
    )
    def test_read(self, printed: str) -> None:
        assert [found.value for found in dates_in(f"Date: {printed}")] == [date(2014, 8, 3)]

    def test_mixed_separators_are_no_date(self) -> None:
        assert not dates_in("Ref AUG-03/2014")
