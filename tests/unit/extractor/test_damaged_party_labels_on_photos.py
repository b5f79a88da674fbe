"""Seed 15's photo party misses: the customer's label OCR damaged ('Clent', 'לקו'), and a sender row
whose separator dots OCR read as dashes."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.name_text import row_parts

from .wordbox import page


class TestDamagedCustomerLabels:
    @pytest.mark.parametrize(
        ("text", "labels"),
        [("Clent", True), ("לקו", True), ("לקו:", True), ("שם לקו", True), ("שם לקו:", True)],
    )
    def test_the_damaged_label_heads_the_block(self, text: str, labels: bool) -> None:
        assert bool(party_labels.BUYER_BLOCK.search(text)) is labels

    @pytest.mark.parametrize("text", ["התקשרו לקו החם", "Clementine", "Eclent", "שם לקו החם"])
    def test_words_that_only_look_like_it_do_not(self, text: str) -> None:
        assert not party_labels.BUYER_BLOCK.search(text)

    def test_the_issuer_under_the_customer_block(self) -> None:
        layer = page(
            ("AVOIR", 100, 100),
            ("Facture N°", 100, 200),
            ("TVA intra", 1300, 200),
            ("2026-9422", 100, 250),
            ("FR 22 264 278 896", 1300, 250),
            ("Date de facture", 100, 320),
            ("Clent", 1300, 320),
            ("02.11.2025", 100, 370),
            ("Atlantique Services SARL", 1300, 370),
            ("Martin Informatique SARL", 100, 440),
            ("86 rue de la Paix, 58617 Bordeaux", 100, 490),
            ("Total TTC 1 200,00 EUR", 100, 900),
        )
        assert extract_with_rules([layer]).vendor_name == "Martin Informatique SARL"


class TestSenderRowWithDashes:
    def test_split_at_the_dashes_before_contact_details(self) -> None:
        row = "Bergmann Software AG - Industriestraße 75, 72051 Stuttgart - Tel. +44 768 826 4624"
        parts = row_parts(row, lambda text: "Tel" in text or "straße" in text)
        assert parts[0] == "Bergmann Software AG"

    def test_a_dash_inside_a_name_stays(self) -> None:
        assert row_parts("Smith - Jones Partners", lambda text: False) == ["Smith - Jones Partners"]

    def test_the_footer_names_the_issuer(self) -> None:
        layer = page(
            ("Kassenbon", 100, 100),
            ("Dokument-Nr.: C971518", 100, 200),
            ("Gartenweg 127, 68670 Hamburg", 1300, 200),
            ("Belegdatum: 2025-04-30", 100, 250),
            ("Beratung 1 €2,183.91", 100, 500),
            ("Gesamtbetrag €2,183.91", 100, 560),
            ("Vielen Dank für Ihren Einkauf!", 100, 700),
            ("Bergmann Software AG - Industriestraße 75, 72051 Stuttgart - Tel. +44 768 826 4624", 100, 760),
        )
        assert extract_with_rules([layer]).vendor_name == "Bergmann Software AG"


class TestLicensedDealerWithZayin:
    """'מזרשה' for מורשה (a photo reads vav as zayin): the footer's licensed-dealer id is the issuer's,
    not the unlabelled customer's id in the header."""

    def test_the_label_reads(self) -> None:
        assert party_labels.TAX_ID.search("מזרשה 143066785")

    def test_the_footer_id_is_the_issuers(self) -> None:
        layer = page(
            ('Vista Foods בע"מ', 1300, 100),
            ("חשבונית מספר 34737", 1300, 150),
            ("Vista Foods: שדרות רוטשילד 5, פתח תקווה", 900, 250),
            ("גל מערכות בעמ", 1300, 300),
            ("רחוב הרצל 11", 1300, 350),
            ("עוסק מורשה מס': 510629280", 1100, 400),
            ('סך הכל לתשלום 21,609.20 ש"ח', 1000, 900),
            ("טלפון 04-5372338", 700, 1300),
            ('Vista Foods בע"מ', 1300, 1300),
            ("רחוב הרצל 49, פתח תקווה", 1300, 1350),
            ("מזרשה 143066785", 1300, 1400),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_tax_id == "143066785"
