"""Two totals blocks OCR damaged on a fresh draw's scans (seed 41):
- a VAT line per rate, one of them misread by a digit ('USt. 19% 130,87-€' for 135,87 €): the VAT is
  total - net where one digit of that line makes the lines add up, not the one line read right;
- the invoice's total line lost above a prepayment and the balance: the total is the balance plus
  the prepayment where the items add up to it."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

_TWO_RATES = """Sonnen Handel AG
RECHNUNG
Dokument-Nr. INV-32957 Datum 07.11.25
# Beschreibung Anz. Einzelpreis Summe
1 Versand 1 685,00 € 685,00 €
2 Reinigungsmittel 1 30,10 € 30,10 €
3 Montage 12 397,00 € 4.764,00 €
Nettobetrag 5.479,10 €
USt. 19% {nineteen}
USt. 7% 333,48 €
Gesamtbetrag 5.948,45 €
"""


def test_one_rate_line_a_digit_off_gives_way_to_total_less_net() -> None:
    extraction = extract_with_rules([(1, _TWO_RATES.format(nineteen="130,87-€"))])
    assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (5479.10, 469.35, 5948.45)
    assert extraction.confidence["vat_amount"] <= 0.75


def test_a_rate_line_two_digits_off_is_not_repaired() -> None:
    extraction = extract_with_rules([(1, _TWO_RATES.format(nineteen="180,81 €"))])
    assert extraction.vat_amount != 469.35


_PREPAID = """Harbor Partners Group Invoice
Reference No: 2024-1483 Issued on 09-22-2025
SKU Item Hrs Price Ext. Price
56612 A4 paper 1 317.57 USD 317.57 USD
56743 Development hours 2 1,468.00 USD - 2,936.00 USD
56874 Printer toner 1 17.23 USD 17.23 USD
57005 Cloud hosting 2 8,969.23 USD 17,938.46 USD
oe
Prepayment received {prepaid}- USD
Balance due 14,846.26 USD
"""


def test_the_balance_plus_the_prepayment_above_it_is_the_total_the_items_make() -> None:
    extraction = extract_with_rules([(1, _PREPAID.format(prepaid="6,363.00"))])
    assert extraction.total == 21209.26
    assert extraction.confidence["total"] <= 0.7


def test_a_balance_the_items_do_not_confirm_stays_as_read() -> None:
    assert extract_with_rules([(1, _PREPAID.format(prepaid="6,300.00"))]).total == 14846.26


_ROUNDED = """Harbor Cafe
RECEIPT 44287
Coffee 2 x 1.50 3.00
Cake 1 x 4.03 4.03
Total 7.03
Rounding -0.03
Total to pay 7.00
"""


def test_a_cash_rounding_above_the_total_is_no_prepayment() -> None:
    assert extract_with_rules([(1, _ROUNDED)]).total == 7.00


def test_a_discount_above_the_total_is_taken_off_not_added_back() -> None:
    discounted = _PREPAID.replace("Prepayment received", "Loyalty discount")
    assert extract_with_rules([(1, discounted.format(prepaid="6,363.00"))]).total == 14846.26


def test_an_amount_paid_before_is_added_back_too() -> None:
    paid = _PREPAID.replace("Prepayment received", "Amount paid")
    assert extract_with_rules([(1, paid.format(prepaid="6,363.00"))]).total == 21209.26
