"""Subtotal and total from the items and the VAT (`amounts_from_items`) at the rate the page prints:
where the VAT's own line prints no rate but the page does ('Total 6% supplies (excl. GST)'), a split
of the items at another rate in use (5 %, by chance to the cent) does not replace the printed total."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.items_totals import printed_tax_rates
from invoiceme_extractor.rules.lines import document_lines

SLIP = (
    "GARDEN BAKERIES SDN BHD\nTAX INVOICE\nDescription Qty Price Amount\n"
    "WHITE BREAD 2 3.00 6.00\nCHOCOLATE ROLL 1 8.60 8.60\n"
    "Total 0% supplies: 18.08\nTotal 6% supplies (excl. GST): 12.24\nGST: 0.73\n"
    "Total Payable: 31.05\n"
)


def test_the_printed_total_stands_against_a_split_at_a_rate_the_page_does_not_print() -> None:
    assert extract_with_rules([(1, SLIP)]).total == 31.05


def test_the_page_rates_are_those_beside_a_tax_word() -> None:
    text = "Total 6% supplies (excl. GST): 12.24\nTotal 0% supplies: 1.00\n10% off today"
    lines = document_lines([(1, text)])
    assert printed_tax_rates(lines) == (0.06,)
