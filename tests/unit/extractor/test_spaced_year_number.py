"""A document number that opens with its year, OCR having put spaces around its hyphen ('Inv #: 2025 -
3330' on a dev scan): one number, not the year alone."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.invoice_number_values import numbers_in


@pytest.mark.parametrize("printed", ["2025 - 3330", "2025 -3330", "2025- 3330"])
def test_the_year_and_its_sequence_are_one_number(printed: str) -> None:
    assert numbers_in(printed)[0] == "2025-3330"
    page = f"Vista & Vista LLC\n23 Elm Avenue\nInv #: {printed}\nDated: 06-03-2025 16:33\nTotal 84.11"
    assert extract_with_rules([(1, page)]).invoice_number == "2025-3330"


def test_a_year_beside_an_amount_or_a_short_number_stays_alone() -> None:
    assert numbers_in("2024 - 12.50")[0] == "2024"
    assert numbers_in("1234 - 5678")[:2] == ["1234", "5678"]  # no year: two numbers
