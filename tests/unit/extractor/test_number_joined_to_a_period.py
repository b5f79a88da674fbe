"""Labels lost over a header's row of values, where OCR joined the service period's column and the
number's into one cell ('01/05/2025 - 31/05/2025 3854500 | 12/05/2025 | 09/05/2025'): the code left once
the period's dates are taken out is the number beside the date."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.unlabelled_invoice_number import numbers_beside_the_date

from .wordbox import page


def beside(first_cell: str) -> list[str]:
    row = [(first_cell, 235, 380), ("12/05/2025", 1371, 380), ("09/05/2025", 1936, 380)]
    lines = document_lines([page(("Alpen Druck GmbH", 205, 150), *row, ("Empfänger", 231, 520))])
    return [reading.value for reading in numbers_beside_the_date(lines)]


@pytest.mark.parametrize("joined", ["01/05/2025 - 31/05/2025 3854500", "01/05/2025 – 31/05/2025 3854500"])
def test_the_code_after_a_joined_period(joined: str) -> None:
    assert beside(joined)[:1] == ["3854500"]


@pytest.mark.parametrize("joined", ["01/05/2025 - 31/05/2025", "01/05/2025 - 31/05/2025 Hamburg 22836 x"])
def test_nothing_but_dates_or_more_than_a_code_is_no_number(joined: str) -> None:
    assert beside(joined) == []
