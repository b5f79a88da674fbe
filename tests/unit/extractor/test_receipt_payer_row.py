"""A receipt's 'Received from: | <payer>' row with the paid invoice's number under the label ('בגין
חשבונית 76125', no colon): the payer is the customer however far across the row it is filled in."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.blocks import party_cells
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import page


class TestReceiptPayerRow:
    """The payer beside 'התקבל מאת:' is not the issuer when a for-invoice line stands under the label."""

    def test_the_payer_belongs_to_the_customer(self) -> None:
        lines = document_lines([self.laid_out()])
        customer = party_cells(lines, party_labels.BUYER_BLOCK)
        payer = next(line for line in lines if "אלון" in line.text)
        assert any((payer.index, i) in customer for i, cell in enumerate(payer.cells) if "אלון" in cell.text)

    def test_the_payer_is_not_the_vendor(self) -> None:
        assert extract_with_rules([self.laid_out()]).vendor_name == "צוקים ייעוץ"

    @staticmethod
    def laid_out() -> object:
        return page(
            ("צוקים ייעוץ", 1990, 170),
            ("קבלה", 180, 170),
            ("20894", 180, 230),
            ("רחוב הברזל 49, נתניה", 2000, 350),
            ('ח"פ: 526902994', 2070, 410),
            ("התקבל מאת:", 2070, 600),
            ('אלון הנדסה בע"מ', 1370, 600),
            ("בגין חשבונית 76125", 1980, 660),
            ('סה"כ כולל מע"מ 34730.16', 600, 1100),
            rtl=True,
        )
