"""A day written as an ordinal whose digit OCR read as a look-alike letter ('Ath November 2024' for
4th, 'Ist March 2025' for 1st): the ordinal's suffix, the month's name and the year make it a date,
read as a repair."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.dates import dates_in


class TestOrdinalDayLetters:
    @pytest.mark.parametrize(
        ("printed", "day"),
        [
            ("Ath November 2024", "2024-11-04"),
            ("Ist March 2025", "2025-03-01"),
            ("2Ist May 2024", "2024-05-21"),
        ],
    )
    def test_the_letter_before_the_ordinal_suffix_is_the_digit(self, printed: str, day: str) -> None:
        (found,) = dates_in(printed)
        assert found.value.isoformat() == day and found.repaired

    def test_an_a_without_the_suffix_is_a_word(self) -> None:
        assert dates_in("A March 2024 meeting") == []

    def test_the_invoice_date_under_its_label(self) -> None:
        text = "North Logistics Co.\nINVOICE\nInvoice No: 1520\nDate\nAth November 2024\nTotal 1,230.00\n"
        assert extract_with_rules([(1, text)]).invoice_date == "2024-11-04"
