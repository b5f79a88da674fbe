"""A receipt's label colon set apart from its label and glued to the date ('Date :28/04/18',
'Order Time :13:14:55 Date :28/04/18') still opens a date; a time's digits before it never do."""

from __future__ import annotations

from datetime import date

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.dates import dates_in


class TestDateColonApartFromLabel:
    def test_the_date_after_a_spaced_colon(self) -> None:
        assert [d.value for d in dates_in("Order Time :13:14:55 Date :28/04/18")] == [date(2018, 4, 28)]

    def test_a_number_before_the_colon_is_no_label(self) -> None:
        assert dates_in("Time 12 :30/04/18") == []

    def test_the_receipt_date(self) -> None:
        page = "PIZZA PLACE\nOrder 7 By 5586\nOrder Time :13:14:55 Date :28/04/18\nGrand Total : 30.90"
        assert extract_with_rules([(1, page)]).invoice_date == "2018-04-28"
