"""'Lestungsdatum': the delivery date's label with its thin i lost by OCR is still another date's
label, so its date is not taken for the invoice's."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.document_labels import DATE_OTHER


class TestDeliveryLabelThinILost:
    def test_the_label_without_its_i(self) -> None:
        assert DATE_OTHER.search("Lestungsdatum")
        assert DATE_OTHER.search("Lelstungsdatum")

    def test_the_invoice_date_is_the_labelled_one(self) -> None:
        text = (
            "RECHNUNG\nDokument Nr\nINV-55649\nLestungsdatum\n11.12.2024\n"
            "Datum der Rechnung\n12.12.2024\nGesamtbetrag 35.167,77 EUR"
        )
        assert str(extract_with_rules([(1, text)]).invoice_date) == "2024-12-12"
