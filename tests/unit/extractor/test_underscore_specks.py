"""A speck OCR read as an underscore at a number's edge ('_INV-15304' under 'Ref'): the number is
read without it; an underscore inside a code is left to the code."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.invoice_number_values import numbers_in

from .wordbox import ocr_page, ocr_words


class TestUnderscoreSpecks:
    """An underscore at a token's edge is dirt, not part of the number."""

    def test_an_opening_underscore_is_dropped(self) -> None:
        assert numbers_in("_INV-15304") == ["INV-15304"]
        assert numbers_in("INV-15304_") == ["INV-15304"]

    def test_the_number_under_its_label_is_read_past_the_speck(self) -> None:
        words = (
            ocr_words("Harbor Consulting LLC", 100, 100, 0)
            + ocr_words("TAX INVOICE", 100, 300, 1)
            + ocr_words("Ref", 100, 360, 2)
            + ocr_words("Invoice Dt.", 600, 360, 2)
            + ocr_words("_INV-15304", 100, 400, 3)
            + ocr_words("21 July 2025", 600, 400, 3)
            + ocr_words("Total 1,170.00", 600, 900, 4)
        )
        assert extract_with_rules([ocr_page(words)]).invoice_number == "INV-15304"
