"""The title 'Tax Invoice' names the document, not its tax: a line holding it is no VAT label (the
number under it, its S read as a dollar sign, '$974295', was taken for a VAT of 4,295.00)."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import classify


class TestTaxInvoiceTitle:
    def test_the_title_is_no_vat_label(self) -> None:
        assert classify("Tax Invoice") is None
        assert classify("TAX INVOICE") is None

    def test_a_tax_line_still_is(self) -> None:
        assert classify("Tax 5.00") == "vat"
        assert classify("Tax Invoice VAT 18% 12.34") == "vat"
