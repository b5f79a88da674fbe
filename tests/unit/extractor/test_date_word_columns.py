"""A date word alone beside a word naming another date is one label OCR split ('תאריך' | 'אספקה'),
but not beside the next column's own date label ('Datum' | 'Bestelldatum' on a born-digital header
row: the issue date's label, then the order date's)."""

from __future__ import annotations

from invoiceme_extractor.rules.date_label_kinds import bare_date_word


class TestDateWordColumns:
    def test_a_split_label_joins(self) -> None:
        assert bare_date_word("תאריך", "אספקה")

    def test_the_next_columns_label_does_not(self) -> None:
        assert not bare_date_word("Datum", "Bestelldatum")
        assert not bare_date_word("Date", "Delivery date")
