"""'מסמך מס'' (document no.) whose geresh a scan read as gershayim ('מסמך מס"'): still the document
number's label, so the phone printed above it is not taken for the number."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.document_labels import INVOICE_NUMBER

from .wordbox import page


class TestDocumentNumberGershayim:
    """The number under 'מסמך מס"' is the invoice number."""

    def test_the_damaged_label_names_the_number(self) -> None:
        assert INVOICE_NUMBER.search('מסמך מס"')
        assert INVOICE_NUMBER.search('קבלה מס" 2041')

    def test_the_number_under_the_damaged_label(self) -> None:
        laid_out = page(
            ("גל מזון", 2100, 100),
            ("חשבונית זיכוי", 200, 100),
            ("ת. חשבונית", 2150, 300),
            ("24/02/2025", 2150, 360),
            ("טלפון", 2200, 440),
            ("03-6484561", 2120, 500),
            ('מסמך מס"', 2160, 580),
            ("2026-5811", 2130, 640),
            ('סה"כ לתשלום 17,884.62', 1800, 1200),
            rtl=True,
        )
        assert extract_with_rules([laid_out]).invoice_number == "2026-5811"
