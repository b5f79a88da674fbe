"""A number's C prefix read twice by OCR, once as itself and once as a euro or copyright sign
('C€352042' for C352042): one C, not two."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.invoice_number_values import numbers_in

from .wordbox import ocr_page, ocr_words


class TestLetterReadTwice:
    """The sign after a C is the same letter again; alone it is still the C."""

    def test_the_c_and_its_sign_are_one_letter(self) -> None:
        assert numbers_in("C€352042") == ["C352042"]
        assert numbers_in("C©352042") == ["C352042"]
        assert numbers_in("€72291") == ["C72291"]

    def test_the_number_under_its_label(self) -> None:
        words = (
            ocr_words("Cedar & Harbor Co.", 100, 100, 0)
            + ocr_words("Receipt No.", 100, 300, 1)
            + ocr_words("C€352042", 100, 340, 2)
            + ocr_words("Total 1,170.00", 600, 900, 3)
        )
        assert extract_with_rules([ocr_page(words)]).invoice_number == "C352042"
