"""A Hebrew name whose first word a photo's OCR read as Latin letters and a lone digit ('NAD 4
לוגיסטיקה בע"מ' for 'נגה לוגיסטיקה בע"מ'): the footer's Hebrew copy of it is the name."""

from __future__ import annotations

from invoiceme_extractor.rules.name_copies import hebrew_copy_of_debris


class TestDebrisWithADigit:
    def test_the_hebrew_copy(self) -> None:
        assert hebrew_copy_of_debris('NAD 4 לוגיסטיקה בע"מ', 'נגה לוגיסטיקה בע"מ')

    def test_a_digit_alone_is_no_debris(self) -> None:
        assert not hebrew_copy_of_debris('4 לוגיסטיקה בע"מ', 'נגה לוגיסטיקה בע"מ')

    def test_the_other_words_must_agree(self) -> None:
        assert not hebrew_copy_of_debris('NAD 4 לוגיסטיקה בע"מ', 'נגה תקשורת בע"מ')
