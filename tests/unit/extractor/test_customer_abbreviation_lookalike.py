"""'לכב'' (to: the customer's block) with its כ read as its look-alike ב ('לבב':'), as 'לכבוד' is
already read: the block under it is the customer's, so its name is not taken for the issuer's."""

from __future__ import annotations

from invoiceme_extractor.rules import party_labels


class TestCustomerAbbreviationLookalike:
    def test_the_misread_abbreviation_heads_the_customers_block(self) -> None:
        assert party_labels.BUYER_BLOCK.search("לבב':")

    def test_the_abbreviation_as_printed_still_does(self) -> None:
        assert party_labels.BUYER_BLOCK.search("לכב':")

    def test_another_word_with_those_letters_does_not(self) -> None:
        assert not party_labels.BUYER_BLOCK.search("לבבות")
