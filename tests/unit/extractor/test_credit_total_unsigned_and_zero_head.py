"""Two totals a fresh draw's scans and photos misread (seed 43):
- a credit note whose total OCR read without its minus ('Total Due 6,316.42' under '-5,263.68' and
  'VAT @ 20% -1,052.74'): net and VAT as read at the printed rate stand, not a reading that drops the
  first digit of all three (5,000 at 20 % is 1,000: such a reading adds up too);
- a total whose head OCR read as a 0 ('0,800.32' for 30,800.32): the items' sum, every item proving
  its amount, where it is the total with that digit lost or misread."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

_CREDIT = """CREDIT NOTE
Cedar & Atlas Ltd
Item Hrs Unit Rate Total
Training session 2 GBP 68.87 GBP -137.74
Network cable 1.5 GBP 2,575.00 GBP -3,862.50
Gross amount GBP -5,540.72
Less discount GBP 277.04
Total before tax GBP -5,263.68
VAT @ 20% GBP -1,052.74
Total Due 6,316.42 GBP.
"""


def test_a_credits_net_and_vat_at_the_printed_rate_stand_as_read() -> None:
    extraction = extract_with_rules([(1, _CREDIT)])
    assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (-5263.68, -1052.74, -6316.42)


_ITEMS = """TAX INVOICE
Description Hrs Unit Cost Amount
Equipment installation 3 17.00 51.00
Development hours 1 19,366.53 19,366.53
Training session 10 366.54 3,665.40
Delivery 1 5,890.03 5,890.03
Logo design 2 913.68 1,827.36
Grand Total {total}
"""


def test_a_total_whose_head_was_read_as_a_zero_is_the_items_sum() -> None:
    assert extract_with_rules([(1, _ITEMS.format(total="0,800.32"))]).total == 30800.32
    assert extract_with_rules([(1, _ITEMS.format(total="0,800.33"))]).total != 30800.32


_GARBLED_VAT = """Credit Memo
Gross amount 2760.16- USD
Promo discount 138.01 USD
Net Amount 2622.415— USD
Tax (8%) {vat} USD
Grand Total 2831.92- USD
"""


def test_a_vat_read_without_its_cents_gives_way_to_the_total_at_the_printed_rate() -> None:
    # '209);77=' read as 77 (a fresh draw's scan, seed 44): 77 of a net of 2,754.92 is no rate
    extraction = extract_with_rules([(1, _GARBLED_VAT.format(vat="209);77="))])
    assert (extraction.subtotal, extraction.vat_amount) == (-2622.15, -209.77)


def test_a_vat_read_with_its_cents_stands() -> None:
    extraction = extract_with_rules([(1, _GARBLED_VAT.format(vat="209.77-"))])
    assert extraction.vat_amount == -209.77
