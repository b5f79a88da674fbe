"""A document-number label whose colon OCR doubled ('מסמך::' on a dev scan), its value in a cell apart
or right after it: still the label of the document's number."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules

from .wordbox import page


def number_of(*rows: tuple[str, int, int]) -> str | None:
    layer = page(
        ("שקד הנדסה בעמ", 2500, 200),
        ("חשבונית מס קבלה", 300, 200),
        ("תאריך מסמך: 10 דצמבר 2024", 2000, 300),
        *rows,
        ('סה"כ לתשלום 1,000.00', 2000, 900),
        rtl=True,
    )
    return extract_with_rules([layer]).invoice_number


class TestDoubledColon:
    @pytest.mark.parametrize("label", ["מסמך::", "מסמך;", "מסמך:"])
    def test_the_value_in_a_cell_apart(self, label: str) -> None:
        assert number_of((label, 2500, 400), ("2025-5513", 1800, 400)) == "2025-5513"

    def test_the_value_right_after_it(self) -> None:
        assert number_of(("מסמך:: 2025-5513", 2200, 400)) == "2025-5513"
