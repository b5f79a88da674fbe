"""A date with its month in words whose year OCR misread into no era ('13 Jan. 2625', a 0 read as
6) is repaired when one confused digit gives the only year of this era."""

from __future__ import annotations

from datetime import date

from invoiceme_extractor.rules.dates import dates_in


class TestWordDateYearMisread:
    def test_the_year_repaired(self) -> None:
        (found,) = dates_in("Issued 13 Jan. 2625")
        assert found.value == date(2025, 1, 13) and found.repaired

    def test_a_year_with_no_single_repair_is_no_date(self) -> None:
        assert dates_in("Issued 13 Jan. 4444") == []

    def test_a_year_of_this_era_is_kept(self) -> None:
        (found,) = dates_in("Issued 13 Jan. 2024")
        assert found.value == date(2024, 1, 13) and not found.repaired
