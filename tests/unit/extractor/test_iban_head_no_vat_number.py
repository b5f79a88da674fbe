"""An IBAN printed in its groups of four and cut where the line ends ('Payable to: Vista Systems LLC
GB24 5535 5137', the rest on the next line: a fresh draw's photo, seed 43) is no VAT number, though
its prefix and digits have the shape of one; a VAT number that passes its check stays, however it
is grouped."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.id_context import without_bank_accounts

_PAGE = """Vista Systems LLC
INVOICE 73575
Net Amount 2097.00
VAT 419.40
Total 2516.40 GBP
Payable to: Vista Systems LLC GB24 5535 5137
- IBAN
- 5652 -
VAT GB 345815249
"""


def test_an_ibans_head_in_groups_of_four_is_blanked() -> None:
    assert "GB24" not in without_bank_accounts("Payable to: Vista Systems LLC GB24 5535 5137")
    assert "GB24" not in without_bank_accounts("GB24 5535 5137 0000 12")


def test_the_labelled_vat_number_is_the_issuers() -> None:
    assert extract_with_rules([(1, _PAGE)]).vendor_tax_id == "GB345815249"


def test_a_banks_routing_and_account_numbers_are_no_tax_ids() -> None:
    # 'Bank ABA 880910914': a US routing number has an id's nine digits (a fresh draw's scan, seed 41)
    assert without_bank_accounts("Bank ABA 880910914 Account 8744020251").strip() == "Bank"
    assert without_bank_accounts("Sort code 12-34-56 Account No. 12345678").strip() == ""
    assert without_bank_accounts("Tax account number 123456789") == "Tax account number 123456789"
    page = "Harbor Partners Group\nInvoice 2024-1483\nBalance due 14,846.26 USD\nBank ABA 880910914"
    assert extract_with_rules([(1, page)]).vendor_tax_id is None
