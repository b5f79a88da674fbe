"""A receipt whose total line OCR lost: the VAT read ('Includes tax 12.22') is the share a standard
rate includes in the items' sum (40.00 + 33.30 = 73.30 at 20 %). Amounts that add up only once the
VAT is changed to fit another amount (12.22 taken as 2.22 beside an item's price 16.08) do not
outweigh the items."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.items_totals import _vat_changed
from invoiceme_extractor.rules.lines import Found, Line

_RECEIPT = (
    "Cedar Trading Limited RECEIPT\nRef Service Period Billing Date\n46681 1/3/2025 - 31/3/2025 9/4/2025\n"
    "# Description Quantity Rate Ext. Price\n1 Subscription fee 2.5 16.08 40.00\n2 Coffee 10 3.33 33.30\n"
    "Includes tax 12.22\nVAT No: GB266069245"
)


class TestItemsOverAChangedVat:
    def test_a_vat_taken_as_another_amount_is_changed(self) -> None:
        line = Line("Includes tax 12.22", 1, 0)
        assert _vat_changed({"vat_amount": Found(2.22, "12.22", line, 0.6)})
        assert not _vat_changed({"vat_amount": Found(12.22, "12.22", line, 0.6)})

    def test_the_items_and_the_vat_as_read_agree(self) -> None:
        extraction = extract_with_rules([(1, _RECEIPT)])
        assert (extraction.total, extraction.vat_amount, extraction.vat_rate) == (73.3, 12.22, 0.2)
