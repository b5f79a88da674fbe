"""A letter of an EU VAT number OCR read as the digit of its shape ('ES863970578' for ESB63970578):
taken back when exactly one such reading passes the country's check."""

from __future__ import annotations

from invoiceme_extractor.rules.vat_numbers import digit_read_for_letter, normalize_tax_id


class TestDigitReadForLetter:
    def test_a_spanish_company_letter_read_as_eight(self) -> None:
        assert digit_read_for_letter("ES863970578") == "ESB63970578"
        assert normalize_tax_id("ES 863970578") == "ESB63970578"

    def test_digits_only_countries_get_no_letter(self) -> None:
        assert digit_read_for_letter("DE124269152") is None

    def test_a_valid_number_stays_as_read(self) -> None:
        assert normalize_tax_id("ESB63970578") == "ESB63970578"

    def test_a_number_its_format_allows_is_kept_as_printed(self) -> None:
        # an Irish number may hold a letter among its digits: a failing one is not rewritten
        assert digit_read_for_letter("IE8249289F") is None
