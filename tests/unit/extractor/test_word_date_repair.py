"""Dates and payment sentences as OCR misreads them: a written-out date whose day no month has
('41th May 2024' for 11th) takes the one reading with a confused digit undone; an order date's label
with a letter misread ('Bestelidatum') and a payment request's verb with its umlaut misread
('Oberweisen') still say what they are."""

from __future__ import annotations

from datetime import date

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.prose import pay_amount


class TestMisreadDayOfAWrittenDate:
    @pytest.mark.parametrize(
        ("text", "day"), [("41th May 2024", date(2024, 5, 11)), ("45 janvier 2025", date(2025, 1, 15))]
    )
    def test_the_one_valid_reading_is_taken_as_a_repair(self, text: str, day: date) -> None:
        found = dates_in(text)
        assert [item.value for item in found] == [day] and found[0].repaired

    def test_a_day_with_no_valid_reading_stays_unread(self) -> None:
        assert dates_in("31. Februar 2024") == []

    def test_a_valid_day_is_no_repair(self) -> None:
        found = dates_in("12th May 2024")
        assert [item.value for item in found] == [date(2024, 5, 12)] and not found[0].repaired


class TestOrderDateWithALetterMisread:
    """'Bestelidatum' (the order date, its second l read as i) is no label of the invoice's date."""

    def test_the_document_date_after_it_is_the_invoice_date(self) -> None:
        text = "Rechnung\nBeleg-Nr.: 2024-7893\nBestelidatum: 9. Februar 2024\nBelegdatum: 17. Februar 2024"
        assert str(extract_with_rules([(1, text)]).invoice_date) == "2024-02-17"


class TestPaymentRequestWithItsUmlautMisread:
    """'Bite Oberweisen Sie 6.172.67 EUR ...' (Ü read as O): still a request to pay the total."""

    @pytest.mark.parametrize("verb", ["Oberweisen", "iiberweisen", "überweisen"])
    def test_the_amount_after_the_verb_is_asked_for(self, verb: str) -> None:
        assert pay_amount(f"Bitte {verb} Sie 6.172,67 EUR auf das unten genannte Konto.") == (
            6172.67,
            "6.172,67",
        )
