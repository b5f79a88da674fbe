"""Customer blocks headed in words the lexicon lacked: Dutch 'Factuuradres' / 'Afleveradres' /
'T.a.v.', English 'Billing Address' / 'Shipping Address', a hotel's 'Guest Name', German
'Lieferadresse': the name under such a label is the customer's, never the issuer's."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.parties import buyer_lines

from .wordbox import page


class TestCustomerCuesMoreLanguages:
    @pytest.mark.parametrize(
        "label",
        [
            "Factuuradres",
            "Afleveradres",
            "T.a.v. J. de Vries",
            "Billing Address",
            "Shipping Address",
            "Guest Name: Priya",
            "Lieferadresse",
            "Adresse de livraison",
            "Indirizzo di fatturazione",
            "Spett.le",
            "Spettabile",
            "Aan:",
            "Klantgegevens",
            "Exmo. Sr.",
        ],
    )
    def test_the_label_heads_a_customer_block(self, label: str) -> None:
        assert party_labels.BUYER_BLOCK.search(label)

    def test_the_name_under_a_billing_address_is_the_customers(self) -> None:
        lines = [Line("Billing Address", 1, 0), Line("Harbor Foods Ltd", 1, 1), Line("12 Dock Road", 1, 2)]
        assert 1 in buyer_lines(lines)

    def test_a_dutch_customer_block_gives_no_vendor(self) -> None:
        laid_out = page(
            ("Factuuradres", 100, 100),
            ("Afleveradres", 1200, 100),
            ("Vanguard Corp", 100, 140),
            ("Vanguard Corp", 1200, 140),
            ("Kerkstraat 46", 100, 180),
            ("3500 MJ Utrecht", 100, 220),
            ("Factuur totaal EUR 49,99", 100, 600),
        )
        assert extract_with_rules([laid_out]).vendor_name != "Vanguard Corp"

    def test_an_italian_addressee_is_the_customer(self) -> None:
        text = (
            "Fattura n. 12/2024\nData: 01/02/2024\nSpett.le\nBianchi Costruzioni S.r.l.\nVia Milano 4\n"
            "20100 Milano\nTotale EUR 122,00\nRossi Forniture S.p.A. - Via Roma 12 - 00100 Roma"
        )
        assert extract_with_rules([(1, text)]).vendor_name == "Rossi Forniture S.p.A"
