"""A date whose separator OCR damaged: a mark read beside it ('05-=31-—2025') or a dot read as a
colon ('27.9:2025'); read as a repair. Two colons are a time's, never a date's."""

from __future__ import annotations

from datetime import date

import pytest

from invoiceme_extractor.rules.dates import dates_in


class TestDamagedDateSeparators:
    def test_marks_beside_the_hyphens(self) -> None:
        found = dates_in("05-=31-—2025 Date Issued:")
        assert [(item.value, item.repaired) for item in found] == [(date(2025, 5, 31), True)]

    def test_a_dot_read_as_a_colon(self) -> None:
        found = dates_in("27.9:2025")
        assert [(item.value, item.repaired) for item in found] == [(date(2025, 9, 27), True)]

    def test_two_colons_are_no_date(self) -> None:
        assert dates_in("12:30:2025") == []

    def test_a_clean_date_is_no_repair(self) -> None:
        assert [item.repaired for item in dates_in("Date 27.09.2025")] == [False]


class TestDoubledSeparatorBeforeATime:
    """A till slip's date before its time with a separator OCR doubled ('27- -04- 18 16:40'): read,
    as a repair; without the time after it, or with two different marks, it is no date."""

    @pytest.mark.parametrize("text", ["27- -04- 18 16:40 SH01", "27--04--18 16:40", "27..04.2018 09:05"])
    def test_read_before_a_time(self, text: str) -> None:
        found = dates_in(text)
        assert [(item.value, item.repaired) for item in found] == [(date(2018, 4, 27), True)]

    @pytest.mark.parametrize("text", ["27--04--18 CASH", "3. -03-18 18:09"])
    def test_no_date_without_a_time_or_with_mixed_marks(self, text: str) -> None:
        assert dates_in(text) == []
