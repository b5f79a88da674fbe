"""A German compound label OCR parted at a joint ('Auf traggeber:'): still the customer's label."""

from __future__ import annotations

from invoiceme_extractor.rules import party_labels


class TestCompoundLabelParted:
    def test_the_parted_word_is_the_customers_label(self) -> None:
        for label in ("Auftraggeber:", "Auf traggeber:", "Auftrag geber"):
            assert party_labels.BUYER_BLOCK.search(label), label

    def test_an_order_is_no_customer(self) -> None:
        assert not party_labels.BUYER_BLOCK.search("Auftrag Nr. 4711")
