"""A French date whose month lost its accented letter ('14 aot 2024' for 14 août 2024, on a scan): a
three-letter word that only one month name leaves when its accented letter is dropped."""

from __future__ import annotations

import datetime

from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.month_names import MONTHS, accent_lost


class TestMonthAccentLost:
    def test_the_month_without_its_accented_letter(self) -> None:
        assert accent_lost("aot", MONTHS) == 8
        assert accent_lost("mrz", MONTHS) == 3

    def test_a_word_no_month_leaves_is_none(self) -> None:
        assert accent_lost("aut", MONTHS) is None

    def test_the_date_reads_as_a_repair(self) -> None:
        found = dates_in("Date 14 aot 2024")
        assert [date.value for date in found] == [datetime.date(2024, 8, 14)]
        assert found[0].repaired
