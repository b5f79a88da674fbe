"""'À :' opening the customer's cell before its name, its accent lost and its colon maybe read as a
semicolon ('A: Atlantique Transports EURL', 'A; Atlantique ...'): the customer's label, so the name
after it is not taken for the issuer's."""

from __future__ import annotations

from invoiceme_extractor.rules import party_labels


class TestBareALabel:
    def test_the_label_before_a_name(self) -> None:
        assert party_labels.BUYER_BLOCK.search("A: Atlantique Transports EURL")
        assert party_labels.BUYER_BLOCK.search("A; Atlantique Transports EURL")

    def test_an_a_inside_other_text_is_no_label(self) -> None:
        assert not party_labels.BUYER_BLOCK.search("Papier A4: 3")
        assert not party_labels.BUYER_BLOCK.search("Lumière Services SARL")
        assert not party_labels.BUYER_BLOCK.search("A: 12,50")
