"""An ISO date with its 0s read as 6s ('2024-61-64' for 2024-01-04, on a photo): each impossible part
with its one possible repair, said as a repair; a possible date is never changed."""

from __future__ import annotations

import datetime

from invoiceme_extractor.rules.dates import dates_in


class TestIsoDateDigitMisreads:
    def test_impossible_month_and_day_are_repaired(self) -> None:
        found = dates_in("Order Date: 2623-12-26 Invoice Issued: 2024-61-64")
        assert [date.value for date in found] == [datetime.date(2023, 12, 26), datetime.date(2024, 1, 4)]
        assert all(date.repaired for date in found)

    def test_a_possible_date_is_as_printed(self) -> None:
        found = dates_in("Invoice Issued: 2024-06-16")
        assert [date.value for date in found] == [datetime.date(2024, 6, 16)]
        assert not found[0].repaired

    def test_two_possible_repairs_are_none(self) -> None:
        assert dates_in("2024-13-99") == []  # '13': 18? no; 99 as a day has no one repair
