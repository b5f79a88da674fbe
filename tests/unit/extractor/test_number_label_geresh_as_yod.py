"""'חשבונית מס מס':' with the geresh of מס' read as a yod ('חשבונית מס מסי:'): still the invoice
number's label (a scan's header where a year, 'מאז 1987', otherwise won the number)."""

from __future__ import annotations

from invoiceme_extractor.rules.document_labels import INVOICE_NUMBER


class TestNumberLabelGereshAsYod:
    """The yod counts for the geresh only right before the label's colon."""

    def test_the_label_with_a_yod(self) -> None:
        assert INVOICE_NUMBER.search("חשבונית מס מסי:")
        assert not INVOICE_NUMBER.search("חשבונית מס מסים")
