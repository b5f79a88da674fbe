"""A row of bank details is no name: 'Payable to: Atlas Labs LLC · IBAN US80 3427 2229' (its dot read as
'«') gave the vendor's name with the account number on; the name comes from the header instead."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.contact_words import NOT_A_NAME

# a dev photo's read (seed 8, payment_receipt_en_02): the header's name behind a logo's debris
PAGE = (
    "(= _ Atlas Labs LLC Tax Invoice-Receipt Tax Invoice No.\n"
    "\\ a: 41 Elm Avenue, Dublin | Tel 08-6082313 B136689\nDate: 12/25/2024\nReceived from:\nBill To:\n"
    "North Labs LLC\n145 Harbor Road, Boston\nNet Amount 31,554.86\nVAT 6.25% 1,972.18\n"
    "Total incl. VAT 33,527.04\nAll amounts in USD\nPayable to: Atlas Labs LLC « IBAN US80 3427 2229\n"
    "er 17 Main St., Manchester - Tel +33 662 472 3769 - info@atlas-labs.com\n59-1756982\n"
)


def test_iban_and_swift_mark_bank_details() -> None:
    assert NOT_A_NAME.search("Atlas Labs LLC « IBAN US80 3427 2229")
    assert NOT_A_NAME.search("SWIFT: LUMIILITXXX")
    assert not NOT_A_NAME.search("Ibanez Guitars Ltd")


def test_the_name_is_not_taken_with_the_account_number() -> None:
    assert extract_with_rules([(1, PAGE)]).vendor_name == "Atlas Labs LLC"
