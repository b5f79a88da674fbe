"""Seed 15's rules-side misses: a heading level with a label is not under it; Spain's S.L.U.; a
number beside a tax id is no postcode and town; a customer label after its value past a speck."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.blocks import party_cells
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import page, tall_page


class TestHeadingLevelWithTheLabel:
    """The title and the number's label on one line set right, the issuer's tall name level with it
    on the left (the line order puts the name's row after the label's): the number is the one under
    the label, not the name."""

    def test_the_number_under_the_label(self) -> None:
        layer = tall_page(
            ("Ticket de caisse N° de facture", 1103, 158, 67),
            ("Étoile Bâtiment SARL", 378, 162, 71),
            ("Depuis 1987", 378, 286, 35),
            ("49508", 2128, 260, 58),
            ("10 avenue Victor Hugo, 92393 Paris", 378, 350, 35),
            ("Net à payer 46 571,58", 378, 900, 35),
        )
        assert extract_with_rules([layer]).invoice_number == "49508"


class TestSpanishSoleOwnerCompany:
    @pytest.mark.parametrize(
        ("name", "suffixed"),
        [
            ("Levante Distribuciones S.L.U.", True),
            ("Montaña Logística S.L.L.", True),
            ("Levante Distribuciones", False),
            ("Pasa a las 10.30 SLU", False),
        ],
    )
    def test_the_legal_form_marks_a_company(self, name: str, suffixed: bool) -> None:
        assert bool(party_labels.COMPANY_SUFFIX.search(name)) is suffixed


class TestNumberBesideTaxIdIsNoAddress:
    """'5710768 | ESA95490603' (the document's number beside the issuer's id) is not a postcode and
    town: the issuer's name over the real address, under the facts grid, is still its name."""

    def test_the_name_over_the_address(self) -> None:
        layer = page(
            ("FACTURA RECTIFICATIVA", 100, 100),
            ("Nº documento", 100, 200),
            ("CIF", 1300, 200),
            ("5710768", 100, 250),
            ("ESA95490603", 1300, 250),
            ("Fecha", 100, 320),
            ("28.09.2025", 100, 370),
            ("Levante Distribuciones", 100, 500),
            ("Avenida de la Constitución 11, 67717 Bilbao", 100, 550),
            ("Total factura 1577,82 €", 100, 900),
        )
        assert extract_with_rules([layer]).vendor_name == "Levante Distribuciones"


class TestCustomerLabelAfterItsValuePastASpeck:
    """'Montaña SL | _ | Para:': in a row of values followed by their labels, the customer's name is
    the cell before its label even with a speck between them."""

    def test_the_name_before_the_label_is_the_customers(self) -> None:
        layer = page(
            ("4664", 100, 200),
            ("Numero de factura:", 500, 200),
            ("26/07/2025", 100, 250),
            ("Fecha de emision:", 500, 250),
            ("Montaña Distribuciones SL", 1200, 250),
            ("_", 1700, 250),
            ("Para:", 1900, 250),
        )
        lines = document_lines([layer])
        customer = {
            lines[row].cells[index].text for row, index in party_cells(lines, party_labels.BUYER_BLOCK)
        }
        assert "Montaña Distribuciones SL" in customer
