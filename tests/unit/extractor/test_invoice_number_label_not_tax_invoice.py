"""'חשבונית מספר' (invoice number) begins with the letters of 'חשבונית מס' (tax invoice): the label
names no tax invoice, so a till slip whose title OCR lost is typed by its other evidence."""

from __future__ import annotations

from invoiceme_extractor.rules.titles import type_of


def _code(text: str) -> str | None:
    named = type_of(text)
    return named[0] if named else None


class TestInvoiceNumberLabel:
    def test_the_number_label_is_no_tax_invoice(self) -> None:
        assert _code("חשבונית מספר: 9401059") != "tax_invoice"

    def test_a_tax_invoice_title_still_is(self) -> None:
        assert _code("חשבונית מס - מקור") == "tax_invoice"
        assert _code("חשבונית מס מס' 2026-9126") == "tax_invoice"
        assert _code("חשבונית מס/קבלה") == "tax_invoice_receipt"
