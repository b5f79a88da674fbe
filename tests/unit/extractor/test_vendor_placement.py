"""The issuer's name on OCR'd pages: slogans, a legal name with a stray colon, a name signed again
in the footer, a logo's letter-spaced capitals, customer labels with their accents lost."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.name_signs import reads_as_phrase

from .wordbox import page


class TestSlogans:
    """A slogan in sentence case is no trade name; a name keeps its capitals or its legal form."""

    def test_sentence_case_phrases(self) -> None:
        assert reads_as_phrase("Calidad garantizada")
        assert reads_as_phrase("La qualité avant tout")

    def test_names(self) -> None:
        assert not reads_as_phrase("Castilla Servicios S.L.U.")
        assert not reads_as_phrase("Banco de Sabadell")
        assert not reads_as_phrase("Au bon moulin SARL")
        assert not reads_as_phrase("FOUR QUARTERS")
        assert not reads_as_phrase("השירות הטוב בעיר")


class TestVendorName:
    """Where the name is and how OCR left it."""

    def test_legal_name_with_a_colon(self) -> None:
        layer = page(("Nordlicht Technik AG:", 100, 100), ("Gartenweg 12, 60291 München", 100, 150))
        assert extract_with_rules([layer]).vendor_name == "Nordlicht Technik AG"

    def test_name_signed_again_in_the_footer(self) -> None:
        layer = page(
            ("Bright Systems", 100, 100),
            ("Rimon Trading", 100, 160),
            ("12 Main Street, Leeds", 100, 200),
            ("Rimon Trading | 5 High Street, York", 100, 2000),
        )
        assert extract_with_rules([layer]).vendor_name == "Rimon Trading"

    def test_letter_spaced_logo_written_out_in_the_footer(self) -> None:
        layer = page(
            ("G RAN ITE", 100, 100),
            ("Date: 04/04/2025", 100, 200),
            ("Granite Consulting | 126 Market Street, Boston", 100, 2000),
        )
        assert extract_with_rules([layer]).vendor_name == "Granite Consulting"

    def test_customer_label_without_its_umlaut(self) -> None:
        layer = page(
            ("Empfanger:", 100, 100),
            ("Alpen Bau e.K.", 100, 140),
            ("Rhein Software", 100, 400),
        )
        assert extract_with_rules([layer]).vendor_name == "Rhein Software"

    def test_logo_in_capitals_written_out_with_its_accent(self) -> None:
        layer = page(
            ("IBERICA", 100, 100),
            ("Fecha: 29/08/2024", 100, 200),
            ("Ibérica Distribuciones S.L. | Paseo de Gracia 123, 45350 Madrid", 100, 2000),
        )
        assert extract_with_rules([layer]).vendor_name == "Ibérica Distribuciones S.L."

    def test_footer_that_is_no_name_is_not_taken(self) -> None:
        layer = page(("רימון", 1500, 100), ("רימון \"עוץ 'on חברה 527178230", 1500, 2000), rtl=True)
        assert extract_with_rules([layer]).vendor_name == "רימון"

    def test_letter_spaced_title_is_no_name(self) -> None:
        layer = page(("REC HNUNG", 100, 100), ("Eichen Druck", 100, 150), ("Gartenweg 158", 100, 200))
        assert extract_with_rules([layer]).vendor_name == "Eichen Druck"

    def test_one_word_under_the_address_is_its_region(self) -> None:
        layer = page(
            ("BHPetrol Subang Airport", 100, 100),
            ("47200 Subang", 100, 150),
            ("Selangor", 100, 200),
        )
        # the region in large print, as on the SROIE slip that found the rule (it would win on size)
        words = [
            w.model_copy(update={"height": 2 * w.height}) if w.text == "Selangor" else w for w in layer.words
        ]
        layer = layer.model_copy(update={"words": words})
        assert extract_with_rules([layer]).vendor_name == "BHPetrol Subang Airport"

    def test_name_signing_a_footer_row_of_contact_details(self) -> None:
        layer = page(
            ("Date: 04/04/2025", 100, 100),
            ("Item Qty Price Amount", 100, 300),
            ("Orion Consulting Group · 12 Main Street, Leeds · Tel 0113 496 0000", 100, 2000),
        )
        assert extract_with_rules([layer]).vendor_name == "Orion Consulting Group"

    def test_a_year_slogan_and_a_stamp_word_are_no_names(self) -> None:
        assert reads_as_phrase("Desde 1987")
        assert reads_as_phrase("שולם")
        assert not reads_as_phrase("נגה מזון (1998)")


class TestJoinedColumns:
    """OCR joins the issuer's name to what stands beside it; the join is cut, not the name lost."""

    def test_name_joined_to_the_customer_label_by_a_rule(self) -> None:
        layer = page(
            ("Garcia Construcciones SL ___ vestinatario", 100, 100),
            ("Garcia Logistica SL", 1300, 160),
            ("Calle del Sol 5, 46451 Valencia", 100, 220),
        )
        assert extract_with_rules([layer]).vendor_name == "Garcia Construcciones SL"

    def test_payer_across_the_row_from_its_label_over_a_table(self) -> None:
        """'התקבל מאת' (received from) with the payer's name far across its row, and under the label
        a key/value row, then a table's header row OCR damaged (a row of many cells, no block's): the
        label heads no block, the name across the row is still the customer's."""
        layer = page(
            ("ברוש מערכות", 1500, 100),
            ("דרך בגין 77, באר שבע", 1500, 150),
            ("התקבל מאת", 1700, 300),
            ('נגה טכנולוגיות בע"מ', 400, 300),
            ("בגין חשבונית: 55995", 1600, 350),
            ("אמצעי תשלום", 1700, 400),
            ("בנק", 1400, 400),
            ("פניף", 1200, 400),
            ("חשבון", 1000, 400),
            ("תאריך", 800, 400),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_name == "ברוש מערכות"

    @pytest.mark.parametrize("printed", ["ברוש מערכות )1998", "ברוש מערכות )1998(", "ברוש מערכות (1998)"])
    def test_registration_year_with_brackets_ocr_mirrored(self, printed: str) -> None:
        """Right-to-left OCR mirrors a bracket: ')1998' is the legal name's '(1998)'."""
        layer = page(
            (printed, 1500, 100),
            ("דרך בגין 77, באר שבע", 1500, 150),
            ("לכבוד", 1700, 300),
            ('נגה טכנולוגיות בע"מ', 1500, 350),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_name == "ברוש מערכות (1998)"

    def test_issuer_across_the_row_from_the_customer_label_heading_its_block(self) -> None:
        """Customer column first, issuer's column across the page: 'Auftraggeber' heads a block of
        its own (its name read with a colon in it, its address), so the name across the row stays
        the issuer's."""
        layer = page(
            ("Auftraggeber", 100, 100),
            ("Alpen Bau AG", 1300, 100),
            ("Sonnen Bau GmbiseCo: BG", 100, 150),
            ("Gartenweg 40, 60186 Munchen", 1300, 150),
            ("Industriestrasse 31, 62217 Munchen", 100, 200),
            ("Tel. +49 806 150 9661", 1300, 200),
        )
        assert extract_with_rules([layer]).vendor_name == "Alpen Bau AG"


class TestIssuerBlockUnderAFactsGrid:
    """A key/value grid of the document's facts first, the issuer's block (name, street, phone)
    under it: with no name near the top, the name heading the page's first address is the issuer's;
    'יש לפרוע עד' (pay by) over its date is a due date's label, never a name."""

    def test_the_name_over_the_first_address(self) -> None:
        layer = page(
            ("חשבונית עסקה", 1900, 100),
            ("תאריך משלוח", 1900, 250),
            ("07-03-2024", 1900, 290),
            ("מס' אסמכתא", 1900, 400),
            ("1350628", 1900, 440),
            ("תאריך חשבונית", 1900, 550),
            ("10-03-2024", 1900, 590),
            ("יש לפרוע עד", 1900, 700),
            ("24-04-2024", 1900, 740),
            ("אור שירותים", 1900, 950),
            ("רחוב העצמאות 79, הרצליה", 1700, 1000),
            ("טל' 04-7458631", 1850, 1050),
            ('סה"כ לתשלום 37,014.51', 200, 1600),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_name == "אור שירותים"
