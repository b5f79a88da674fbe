"""A three-letter month abbreviation whose capital OCR misread ('7 Sul. 2024', its J read as S): the
month is the one whose second and third letters those are, when only one month's are."""

from __future__ import annotations

import datetime

from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.month_names import MONTHS, misread_initial


class TestMisreadInitial:
    def test_the_letters_after_the_capital_name_the_month(self) -> None:
        assert misread_initial("sul", MONTHS) == 7
        assert misread_initial("fun", MONTHS) == 6

    def test_letters_no_month_has_name_none(self) -> None:
        assert misread_initial("sxz", MONTHS) is None

    def test_the_date_reads_as_a_repair(self) -> None:
        found = dates_in("7 Sul. 2024")
        assert [date.value for date in found] == [datetime.date(2024, 7, 7)]
        assert found[0].repaired

    def test_the_abbreviation_as_printed_is_no_repair(self) -> None:
        assert not dates_in("7 Jul. 2024")[0].repaired
