"""'קבליה - מקור': a speck before the last letter of 'קבלה' read as a yod still titles a receipt
(as 'פרטי יהמזמין' still heads the customer's block)."""

from __future__ import annotations

from invoiceme_extractor.rules.titles import type_of


class TestReceiptTitleYodSpeck:
    def test_the_receipt_title(self) -> None:
        found = type_of("קבליה - מקור")
        assert found is not None and found[0] == "receipt"

    def test_the_tax_invoice_receipt_title(self) -> None:
        found = type_of("חשבונית מס / קבליה")
        assert found is not None and found[0] == "tax_invoice_receipt"

    def test_a_contractor_is_no_receipt(self) -> None:
        found = type_of("קבלן שיפוצים")
        assert found is None or found[0] != "receipt"
