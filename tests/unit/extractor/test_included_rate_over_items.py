"""Two item amounts that add up to the total ('1,760.00' and '7.19') are no net and VAT when the page
prints the rate the total includes ('incl. VAT 23%', its amount garbled): the VAT is the total's
share at that rate."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

_RECEIPT = (
    "CASH RECEIPT Cedar & Blue Group\nInvoice ID: 2025-2416\n"
    "# SKU Service Price\n1 56227 Sandwich 176.00 1,760.00\n2 56358 AC repair 7.19 7.19\n"
    "Total 1,767.19\nincl. VAT 23% x30 A\nALL amounts in EUR"
)


class TestIncludedRateOverItems:
    def test_the_vat_inside_the_total_at_the_printed_rate(self) -> None:
        extraction = extract_with_rules([(1, _RECEIPT)])
        assert extraction.total == 1767.19
        assert extraction.vat_amount == 330.45
        assert extraction.vat_rate == 0.23

    def test_parts_at_the_printed_rate_stay(self) -> None:
        text = "RECEIPT\nNet 1,436.74\nVAT 330.45\nTotal 1,767.19\nincl. VAT 23%"
        extraction = extract_with_rules([(1, text)])
        assert (extraction.subtotal, extraction.vat_amount) == (1436.74, 330.45)
