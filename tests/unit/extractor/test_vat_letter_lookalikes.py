"""A VAT number whose read breaks its country's format by a letter read as its lookalike digit or the
other way round ('IE6441369O' read 'IE64413690', 'ESA47913140' read 'ESAA7913140'): the one reading
with that character swapped back that passes the check is what was printed."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.vat_repair import repair_vat_lookalike

from .wordbox import ocr_page, ocr_words, page


def _header(number: str) -> list[tuple[str, int, int]]:
    return [
        ("Summit Foods Ltd", 177, 100),
        ("Invoice No: 4521", 177, 160),
        (f"VAT No.: {number}", 177, 220),
        ("Total 1,230.00", 177, 600),
    ]


class TestVatLetterLookalikes:
    def test_a_check_letter_read_as_a_digit_is_restored(self) -> None:
        assert repair_vat_lookalike("IE64413690") == "IE6441369O"
        assert repair_vat_lookalike("IE83775340") == "IE8377534O"

    def test_a_digit_read_as_a_letter_is_restored(self) -> None:
        assert repair_vat_lookalike("ESAA7913140") == "ESA47913140"

    def test_a_number_of_its_country_s_format_is_left_alone(self) -> None:
        assert repair_vat_lookalike("IE6441369O") is None  # valid
        assert repair_vat_lookalike("DE290874992") is None  # well formed, its check digit wrong

    def test_an_ocr_read_is_repaired_on_the_page(self) -> None:
        words = [
            w
            for line, (text, left, top) in enumerate(_header("IE-83775340"))
            for w in ocr_words(text, left, top, line, confidence=0.95)
        ]
        assert extract_with_rules([ocr_page(words)]).vendor_tax_id == "IE8377534O"

    def test_a_text_layer_keeps_the_number_it_prints(self) -> None:
        assert extract_with_rules([page(*_header("IE-83775340"))]).vendor_tax_id == "IE83775340"
