"""A label's punctuation as OCR misreads it: the colon of a bare 'An:' heading read as a full stop
('An.'), the geresh of 'מס'' after a document type read as a question mark ('חשבונית מס מס?')."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.document_labels import INVOICE_NUMBER


class TestBareAddresseeWithFullStop:
    def test_the_heading_alone(self) -> None:
        assert party_labels.BUYER_BLOCK.search("An.")
        assert party_labels.BUYER_BLOCK.search("Para .")

    def test_a_sentence_ending_in_an_is_no_heading(self) -> None:
        assert not party_labels.BUYER_BLOCK.search("Bitte zahlen Sie an.")

    def test_the_customer_under_it_is_not_the_issuer(self) -> None:
        text = (
            "Kassenbon\nBeleg-Nr.\n2024-1480\nAn.\nRhein Logistik UG\nUSt-IdNr.: DE956385329\n"
            "Nettobetrag 6.805,29\nUmsatzsteuer 19% 1.293,00\nGesamtbetrag 8.098,29\n"
            "Nordlicht Software GmbH & Co. KG . USt-IdNr. DE781840093"
        )
        assert extract_with_rules([(1, text)]).vendor_tax_id == "DE781840093"


class TestGereshAsQuestionMark:
    def test_the_number_label(self) -> None:
        assert INVOICE_NUMBER.search("9524489 חשבונית מס מס?")

    def test_a_question_mark_after_the_tax_word_alone_is_no_label(self) -> None:
        assert not INVOICE_NUMBER.search("מס?")
