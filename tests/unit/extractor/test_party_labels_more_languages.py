"""The parties' labels in Polish, Dutch, Italian, Portuguese, Scandinavian and Czech: the name after
a seller's label ('Sprzedawca: ...', 'Fornitore: ...') is the issuer's, without its label; the
name under a buyer's label ('Nabywca:', 'Cessionario', 'Köpare') is the customer's."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import party_labels
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.name_text import clean_name
from invoiceme_extractor.rules.seller_block import seller_block_name


class TestPartyLabelsMoreLanguages:
    @pytest.mark.parametrize(
        "label", ["Sprzedawca:", "Leverancier", "Fornitore", "Fornecedor", "Säljare", "Dodavatel"]
    )
    def test_seller_labels(self, label: str) -> None:
        assert party_labels.SELLER_BLOCK.match(label)

    @pytest.mark.parametrize(
        "label", ["Nabywca:", "Odbiorca", "Afnemer", "Cessionario", "Köpare", "Odběratel"]
    )
    def test_buyer_labels(self, label: str) -> None:
        assert party_labels.BUYER_BLOCK.search(label)

    def test_the_seller_label_is_cut_from_the_name(self) -> None:
        assert clean_name("Fornitore: Rossi Forniture S.r.l.") == "Rossi Forniture S.r.l"

    def test_the_name_after_a_polish_seller_label(self) -> None:
        lines = [
            Line("Faktura nr: F 1234/12", 1, 0),
            Line("Sprzedawca: Mazowiecka Spółka Paliwowa S.A.", 1, 1),
            Line("NIP: 774-00-01-454", 1, 2),
            Line("Nabywca: Urząd Miasta", 1, 3),
        ]
        found = seller_block_name(lines)
        assert found is not None and found.value == "Mazowiecka Spółka Paliwowa S.A"
