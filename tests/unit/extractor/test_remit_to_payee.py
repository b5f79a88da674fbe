"""'Remit to:' / 'Please remit payment to:' names who is paid, the issuer, not a customer (its 'to:'
is no addressee's label)."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.name_signs import payee_name


class TestRemitToPayee:
    def test_remit_to_is_a_payee_label(self) -> None:
        assert payee_name("Please remit payment to: Initech Inc") == "Initech Inc"
        assert payee_name("Remit To: Initech Inc") == "Initech Inc"

    def test_remit_to_heads_no_customer_block(self) -> None:
        assert not party_labels.BUYER_BLOCK.search("Remit To:")
        assert party_labels.BUYER_BLOCK.search("To: Globex Corporation")

    def test_the_payee_under_the_customer(self) -> None:
        text = (
            "INVOICE\nBill To:\nGlobex Corporation\n55 Elm St\nSpringfield\nInvoice # 88\n"
            "Date: 01/02/2024\nTotal 100.00\nRemit To:\nInitech Inc\nPO Box 12"
        )
        assert extract_with_rules([(1, text)]).vendor_name == "Initech Inc"
