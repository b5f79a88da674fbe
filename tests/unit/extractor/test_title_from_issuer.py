"""A title that names its issuer ('Receipt from Acme Labs, Inc.', 'Rechnung von Müller Elektro'):
the name after 'from' / 'von' is the issuer's, without the title before it."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.titled_issuer import name_after_title


class TestTitleFromIssuer:
    def test_the_name_after_the_title(self) -> None:
        assert name_after_title("Receipt from Acme Labs, Inc.") == "Acme Labs, Inc."
        assert name_after_title("Rechnung von Müller Elektro") == "Müller Elektro"

    def test_from_without_a_title_stays(self) -> None:
        assert name_after_title("Greetings from Amazon Web Services") == "Greetings from Amazon Web Services"

    def test_the_issuer_of_a_receipt_from(self) -> None:
        text = "Receipt from Harbor Design LLC\nReceipt #1234-5678\nDate paid Jan 3, 2024\nTotal $20.00"
        assert extract_with_rules([(1, text)]).vendor_name == "Harbor Design LLC"

    def test_a_german_title_with_its_issuer(self) -> None:
        text = "Rechnung von Müller Elektro\nRechnungsnummer: 123\nDatum: 01.02.2024\nGesamtbetrag 119,00 EUR"
        assert extract_with_rules([(1, text)]).vendor_name == "Müller Elektro"
