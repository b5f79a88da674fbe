"""Hebrew labels as OCR leaves them: 'המזמין' alone in a cell (its 'פרטי' split into another),
'פרטי יהמזמין' (a speck read as a yod), 'לשלם עד' without its 'יש'. Each still names its field."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.document_labels import DATE_DUE


class TestCustomerLabelRemnants:
    """The orderer's label survives OCR's splits and specks."""

    def test_the_orderer_word_alone_is_a_customer_label(self) -> None:
        assert party_labels.BUYER_BLOCK.search("המזמין")
        assert party_labels.BUYER_BLOCK.search("מזמין")

    def test_a_yod_speck_before_the_orderer_word(self) -> None:
        assert party_labels.BUYER_BLOCK.search("פרטי יהמזמין")

    def test_a_longer_word_holding_it_is_no_label(self) -> None:
        assert not party_labels.BUYER_BLOCK.search("המזמינים")


class TestPayUntilLabel:
    """'לשלם עד' (pay until) names the due date, with or without 'יש' before it."""

    def test_pay_until_alone(self) -> None:
        assert DATE_DUE.search("לשלם עד")
        assert DATE_DUE.search("יש לשלם עד")

    def test_the_date_under_it_is_due(self) -> None:
        text = 'חשבונית מס\nתאריך 01.04.24\nלשלם עד\n15.05.24\nסה"כ לתשלום 100.00'
        assert str(extract_with_rules([(1, text)]).due_date) == "2024-05-15"
