"""A month name OCR read with two letters merged into one, or one split in two: Hebrew nun-vav as a
mem ('16 במבמבר2025' on a dev scan, for 16 בנובמבר 2025), Latin r-n as m and back ('Novernber')."""

from __future__ import annotations

from datetime import date

from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.month_names import MONTHS, merged_letters_undone


class TestMergedLetters:
    def test_the_month_as_printed(self) -> None:
        assert merged_letters_undone("מבמבר", MONTHS) == 11  # נובמבר, its prefix ב read off
        assert merged_letters_undone("novernber", MONTHS) == 11
        assert merged_letters_undone("decernber", MONTHS) == 12
        assert merged_letters_undone("rnay", MONTHS) == 5

    def test_words_no_month_spells(self) -> None:
        for word in ("מחיר", "מבנה", "member", "norm"):
            assert merged_letters_undone(word, MONTHS) is None

    def test_the_dates_read(self) -> None:
        for text, expected in (
            ("16 במבמבר2025", date(2025, 11, 16)),
            ("תאריך: 16 במבמבר 2025", date(2025, 11, 16)),
            ("Date: 3 Novernber 2024", date(2024, 11, 3)),
        ):
            found = dates_in(text)
            assert [item.value for item in found] == [expected] and found[0].repaired

    def test_names_read_right_are_no_repairs(self) -> None:
        found = dates_in("16 בנובמבר 2025")
        assert [item.value for item in found] == [date(2025, 11, 16)] and not found[0].repaired
