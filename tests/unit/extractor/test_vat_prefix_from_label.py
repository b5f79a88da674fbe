"""A VAT number whose country prefix OCR lost ('USt-IdNr. 367621575' on a dev photo, for DE367621575):
the label names the country, and the number with that prefix passes the country's check."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.vat_numbers import prefix_from_label

from .wordbox import page


class TestPrefixFromLabel:
    def test_the_labels_country_put_back(self) -> None:
        assert prefix_from_label("367621575", "USt-IdNr. 367621575") == "DE367621575"
        assert prefix_from_label("367621575", "Umsatzsteuer-ID: 367621575") == "DE367621575"

    def test_only_a_number_that_then_passes_its_check(self) -> None:
        assert prefix_from_label("367621576", "USt-IdNr. 367621576") is None  # DE367621576 fails
        assert prefix_from_label("367621575", "Steuernummer 367621575") is None  # no country named
        assert prefix_from_label("DE367621575", "USt-IdNr. DE367621575") is None  # it has its prefix

    def test_the_vendors_id_on_a_page(self) -> None:
        layer = page(
            ("Alpen Druck GmbH", 200, 200),
            ("Rechnung", 1900, 200),
            ("Rechnungsnummer: 3854500", 1600, 300),
            ("Datum: 12.05.2025", 1600, 340),
            ("Gesamtbetrag 1.190,00 EUR", 1600, 900),
            ("Alpen Druck GmbH · Hafenstraße 63, 81963 Hamburg · USt-IdNr. 367621575", 200, 3300),
        )
        assert extract_with_rules([layer]).vendor_tax_id == "DE367621575"
