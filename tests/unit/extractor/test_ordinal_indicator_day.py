"""A day followed by an ordinal indicator ('1º de marzo de 2025') or a speck OCR read as a degree
sign ('21° בנובמבר 2025'): the day of a written month's date."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.dates import dates_in


class TestOrdinalIndicatorDay:
    @pytest.mark.parametrize(
        ("printed", "day"),
        [("21° בנובמבר 2025 יש לשלם עד:", "2025-11-21"), ("Vence el 1º de marzo de 2025", "2025-03-01")],
    )
    def test_the_day_before_the_indicator(self, printed: str, day: str) -> None:
        assert [found.value.isoformat() for found in dates_in(printed)] == [day]
