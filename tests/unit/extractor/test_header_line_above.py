"""A table header wrapped over two lines ('Unit Net' right over 'Description Units UoM price Tax amount',
naming 'Unit price' and 'Net amount'): its first line is the header's, no name (a dev scan's vendor
came out as 'Unit')."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.name_units import name_units
from invoiceme_extractor.rules.tables import header_lines_above

from .wordbox import cell_row, page

HEADER = (("Description", 200, 420), ("Units", 900, 990), ("UoM", 1100, 1170), ("price", 1300, 1390))
HEADER += (("Tax", 1500, 1560), ("amount", 1800, 1930))


def test_the_line_close_above_a_header_of_column_words_opens_it() -> None:
    lines = [
        cell_row(0, 700, ("Orion Systems", 200, 480)),
        cell_row(1, 800, ("Unit", 1300, 1380), ("Net", 1800, 1860)),
    ]
    lines.append(cell_row(2, 838, *HEADER))
    assert header_lines_above(lines) == {1}


def test_a_name_or_a_line_far_above_is_not_the_header() -> None:
    lines = [cell_row(0, 800, ("Orion Systems", 200, 480)), cell_row(1, 838, *HEADER)]
    assert header_lines_above(lines) == set()
    lines = [cell_row(0, 700, ("Unit", 1300, 1380), ("Net", 1800, 1860)), cell_row(1, 838, *HEADER)]
    assert header_lines_above(lines) == set()


def test_no_name_is_looked_for_in_the_header_first_line() -> None:
    placed = (
        ("C E DA R Commercial Invoice", 100, 100),
        ("Orion Systems", 100, 460),
        ("Unit Net", 1300, 800),
        ("Description Units UoM price Tax amount", 100, 838),
        ("A4 paper 1 h 295.00 0.00% 295.00", 100, 900),
    )
    units = [unit.text for _, unit, _ in name_units(document_lines([page(*placed)]), english=True)]
    assert "Orion Systems" in units and not any("Unit" in text for text in units)
