"""'Invoice No' with its o read as c or 0 by OCR ('Tax Invoice Nc'): still the number's label; a
word that merely begins with 'nc' is not."""

from __future__ import annotations

from invoiceme_extractor.rules.document_labels import INVOICE_NUMBER
from invoiceme_extractor.rules.invoice_number import find_invoice_number
from invoiceme_extractor.rules.lines import document_lines


class TestInvoiceNoOAsC:
    def test_the_damaged_label_names_the_number(self) -> None:
        assert INVOICE_NUMBER.search("Tax Invoice Nc")
        assert INVOICE_NUMBER.search("Invoice N0.")
        found = find_invoice_number(document_lines([(1, "Vista Supplies Inc.\nTax Invoice Nc\n2026-5764")]))
        assert found is not None and found.value == "2026-5764"

    def test_other_words_are_no_label(self) -> None:
        assert not INVOICE_NUMBER.search("Invoice Ncompany")
