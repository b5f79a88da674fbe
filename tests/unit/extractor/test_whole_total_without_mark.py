"""A total printed as a whole number with no mark we know ('Grand Total 1939', 'Grand Total Kč 1939')
after a label that names the total only is read; a count or a rate after it is not."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import read_fields


def _total(text: str) -> float | None:
    found, _ = read_fields([(1, f"RECEIPT\nRoom charges 5.00\n{text}\n")])
    return found["total"].value if "total" in found else None


class TestWholeTotalWithoutMark:
    @pytest.mark.parametrize(
        "printed", ["Grand Total 1939", "Grand Total Kč 1939", "Amount payable: 1939 Ft"]
    )
    def test_read(self, printed: str) -> None:
        assert _total(printed) == 1939.0

    @pytest.mark.parametrize(
        ("printed", "number"),
        [
            ("Grand Total 15%", 15.0),
            ("Grand Total: 3 items", 3.0),
            ("Grand Total (3)", 3.0),
            ("Total 1939", 1939.0),
        ],
    )
    def test_not_an_amount(self, printed: str, number: float) -> None:
        assert _total(printed) != number
