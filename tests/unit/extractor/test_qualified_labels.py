"""A label led by its own qualifying word ('Billing Date: 04/09/25', 'Tax Invoice No: 123'): the
word says which date or number the label names; the cell is a label and its value, never a name."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.name_text import cut_at_field_label

from .wordbox import page


class TestQualifiedLabels:
    @pytest.mark.parametrize(
        "cell", ["Billing Date: 04/09/25", "Supply Date: 2025-01-02", "Tax Invoice No: 123"]
    )
    def test_a_qualified_label_leaves_no_name(self, cell: str) -> None:
        assert cut_at_field_label(cell) == ""

    @pytest.mark.parametrize(
        ("cell", "name"),
        [
            ("North Partners GmbH Document No.", "North Partners GmbH"),  # two columns OCR joined
            ("Acme Ltd Invoice No: 55", "Acme Ltd"),  # more than one word: a name before the label
        ],
    )
    def test_a_name_before_a_label_is_kept(self, cell: str, name: str) -> None:
        assert cut_at_field_label(cell) == name

    def test_the_issuer_under_a_block_of_qualified_labels(self) -> None:
        laid_out = page(
            ("Commercial Invoice", 745, 137),
            ("Document Number: 9522975", 177, 322),
            ("Customer VAT: IE 1359102T", 1299, 322),
            ("Billing Date: 04/09/25", 177, 389),
            ("Buyer: Bright Logistics Limited", 1299, 389),
            ("VAT No.: IE-8377534O", 177, 456),
            ("Summit Foods", 177, 601),
            ("Your partner in growth", 177, 705),
            ("61 Market Street, Tel Aviv", 177, 769),
            ("Amount Due 35,398.40", 1617, 1545),
        )
        assert extract_with_rules([laid_out]).vendor_name == "Summit Foods"
