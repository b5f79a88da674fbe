"""A VAT number whose zeros a scan read as the letter O ('GBOOO 1926 38' for GB000 1926 38): still a
VAT-number token, read with its zeros, when enough of it was read as digits."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.vat_numbers import eu_vat_ids

from .wordbox import page


class TestVatZerosReadAsO:
    """The O's of a VAT number's digits are its zeros; a word after a country code is no number."""

    def test_the_number_under_its_label(self) -> None:
        laid_out = page(
            ("SUMMIT FOODS LTD", 800, 100),
            ("169 King Street, London", 800, 160),
            ("GST No.", 900, 220),
            ("GBOOO 1926 38", 850, 280),
            ("RECEIPT", 950, 400),
            ("Bill No.: 54051", 400, 460),
            ("Total Due 125.89", 400, 800),
        )
        assert extract_with_rules([laid_out]).vendor_tax_id == "GB000192638"

    def test_only_with_digits_enough(self) -> None:
        assert eu_vat_ids("GBOOO 1926 38")
        assert not eu_vat_ids("DE OOOO BOOK 12")
