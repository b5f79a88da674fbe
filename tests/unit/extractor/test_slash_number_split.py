"""A series-and-number document number whose last two digits OCR split off under its label
('Invoice #' over '45/31 56' for 45/3156, a scan; '45/ 31 56', a photo): read joined; a date under
a label stays a date."""

from __future__ import annotations

from invoiceme_extractor.rules.invoice_number_values import numbers_in_spots
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import page


def _values(value: str) -> list[str]:
    lines = document_lines([page(("Tax Invoice-Receipt Invoice #", 977, 146), (value, 1300, 217))])
    start = lines[0].text.index("Invoice #")
    return [r.value for r in numbers_in_spots(lines, lines[0], start, start + len("Invoice #"))]


class TestSlashNumberSplit:
    def test_the_split_number_is_read_joined(self) -> None:
        assert _values("45/31 56")[:1] == ["45/3156"]

    def test_a_gap_after_the_slash_too(self) -> None:
        assert _values("45/ 31 56")[:1] == ["45/3156"]

    def test_a_full_year_after_a_gap_is_not_joined(self) -> None:
        assert "12/052025" not in _values("12/05 2025")
