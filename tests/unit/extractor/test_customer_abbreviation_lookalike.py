"""'לכב'' (to: the customer's block) with its כ read as its look-alike ב ('לבב':'), as 'לכבוד' is
already read: the block under it is the customer's, so its name is not taken for the issuer's."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules, party_labels


class TestCustomerAbbreviationLookalike:
    def test_the_misread_abbreviation_heads_the_customers_block(self) -> None:
        assert party_labels.BUYER_BLOCK.search("לבב':")

    def test_the_abbreviation_as_printed_still_does(self) -> None:
        assert party_labels.BUYER_BLOCK.search("לכב':")

    def test_another_word_with_those_letters_does_not(self) -> None:
        assert not party_labels.BUYER_BLOCK.search("לבבות")


class TestForWithBetReadAsGimel:
    """'עבור' (for: the customer's block) with its bet read as gimel on a photo ('עגור'): the block
    under it is the customer's, and the issuer is the name beside its id in the footer."""

    def test_the_misread_word_heads_the_customers_block(self) -> None:
        assert party_labels.BUYER_BLOCK.search("עגור")
        assert party_labels.BUYER_BLOCK.search("עבור")
        assert not party_labels.BUYER_BLOCK.search("עבור חשבונית")

    def test_the_customer_is_not_the_issuer(self) -> None:
        text = (
            "קבלה - מקור\nמס חשבונית 46442\nעגור\nארבל מערכות (1998)\nרחוב הגרזל 22 חיפה\n"
            'סה"כ לתשלום 44,691.13\nאלון בנייה ח"פ 532278256\nרחוב הרצל 158'
        )
        assert extract_with_rules([(1, text)]).vendor_name != "ארבל מערכות (1998)"
