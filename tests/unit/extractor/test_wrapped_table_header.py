"""A table header wrapped over more lines ('Zeilenbetrag' over 'Ohne' over 'MwSt.'): the words under
the header row go on naming its columns, so the item amounts under 'MwSt.' are no tax."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import candidates
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.tables import header_continuations

from .wordbox import cell_row


def _page(gap: int) -> list[Line]:
    header = (("Pos.", 270, 340), ("Menge Beschreibung", 400, 900), ("VK-Preis", 1800, 1950))
    return [
        cell_row(0, 1500, *header, ("Zeilenbetrag", 2200, 2376)),
        cell_row(1, 1533 + gap, ("Ohne MwSt.", 2200, 2376)),
        cell_row(2, 1566 + 2 * gap, ("MwSt.", 2200, 2300)),
        cell_row(
            3,
            1700,
            ("1", 330, 345),
            ("1 Small Business Exchange", 400, 900),
            ("3,89", 1880, 1950),
            ("3,89", 2300, 2376),
        ),
        cell_row(
            4,
            1800,
            ("2", 330, 345),
            ("1 Small Business Exchange", 400, 900),
            ("5,39", 1880, 1950),
            ("5,39", 2300, 2376),
        ),
        cell_row(5, 1900, ("Total EUR", 1700, 1950), ("9,28", 2300, 2376)),
    ]


class TestWrappedTableHeader:
    def test_the_lines_under_the_header_go_on(self) -> None:
        assert header_continuations(_page(gap=6)) == {1, 2}

    def test_the_column_under_its_tax_word_is_no_tax(self) -> None:
        found = candidates(_page(gap=6))
        assert not found.get("vat") and not found.get("subtotal")
        assert [amount for amount, _, _ in found["total_plain"]] == [9.28]

    def test_a_label_set_apart_under_the_header_is_its_own(self) -> None:
        assert header_continuations(_page(gap=60)) == set()
