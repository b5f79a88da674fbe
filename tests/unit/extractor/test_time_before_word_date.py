"""A time of day before a date with its month in words ('Tax Point: 18:37 May 28 2025'): the
minutes are no day ('37 May 28' read as 31 May 2028); a day after a bare colon still is one."""

from __future__ import annotations

from datetime import date

from invoiceme_extractor.rules.dates import dates_in


class TestTimeBeforeWordDate:
    def test_the_minutes_are_no_day(self) -> None:
        assert [found.value for found in dates_in("Tax Point: 18:37 May 28 2025")] == [date(2025, 5, 28)]
        assert [found.value for found in dates_in("09:15 Nov 15 2025")] == [date(2025, 11, 15)]

    def test_a_day_after_a_label_colon(self) -> None:
        assert [found.value for found in dates_in("Date:15 May 2025")] == [date(2025, 5, 15)]
