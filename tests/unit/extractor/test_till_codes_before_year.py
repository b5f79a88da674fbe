"""A Hebrew till slip's written date with the till's codes after it, which a right-to-left text
layer gives between the month and the year ('21 באוגוסט S56 T5 R861608426 2024'): the year is put
back after its month, so the date reads (as a repair: the row was reordered)."""

from __future__ import annotations

import datetime

from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.till_codes import with_year_before_codes


class TestTillCodesBeforeYear:
    def test_the_year_goes_back_after_its_month(self) -> None:
        line = "21 באוגוסט S56 T5 R861608426 2024"
        restored = with_year_before_codes(line)
        assert restored == "21 באוגוסט 2024 S56 T5 R861608426"
        assert len(restored) == len(line)

    def test_the_date_reads(self) -> None:
        found = dates_in("21 באוגוסט S56 T5 R861608426 2024")
        assert [date.value for date in found] == [datetime.date(2024, 8, 21)]

    def test_a_line_without_codes_is_unchanged(self) -> None:
        assert with_year_before_codes("21 באוגוסט 2024 S56 T5") == "21 באוגוסט 2024 S56 T5"
