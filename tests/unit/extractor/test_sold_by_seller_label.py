"""A marketplace's invoice names the seller of the goods after 'Sold By :': the name after the label
is the issuer's, the label itself no part of the name."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.seller_block import seller_block_name


class TestSoldBySellerLabel:
    def test_the_name_after_sold_by_is_the_sellers(self) -> None:
        lines = [
            Line("Retail Invoice", 1, 0),
            Line("Sold By : Kestrel Retail Pvt. Ltd.,", 1, 1),
            Line("Warehouse Address: 42 Hobli Road, Bangalore", 1, 2),
        ]
        found = seller_block_name(lines)
        assert found is not None and found.value == "Kestrel Retail Pvt. Ltd"

    @pytest.mark.parametrize(
        "label", ["Vendu par : ", "Verkauft von: ", "Vendido por: ", "Venduto da: ", "Verkocht door: "]
    )
    def test_the_label_in_other_languages(self, label: str) -> None:
        lines = [Line("Facture", 1, 0), Line(f"{label}Kestrel Retail SARL", 1, 1)]
        found = seller_block_name(lines)
        assert found is not None and found.value == "Kestrel Retail SARL"
