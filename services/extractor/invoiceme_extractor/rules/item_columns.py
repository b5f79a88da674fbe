"""An item table's columns from its header's word boxes: where the item's name is printed and where its
line total is.

Real invoices print more than a name and a total on an item's row: an article number, a unit code
('PCE', 'Stk'), a VAT rate per line, a discount; and they wrap the name over the lines under the row
('Kunstrasen' / 'grün 3m' / 'breit'). The header says which text is the name: the cells under the
description column, on the row and on the lines that go on right under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .amounts import money_in
from .layout import Box
from .lines import Line
from .tables import ITEM_COLUMN, WRAP_GAP, header_columns

# the column of the item's name, before a column of codes or numbers that only names an item
_NAME_COLUMN = re.compile(
    r"descri|beschreibung|bezeichnung|d[ée]signation|libell[ée]|concepto|leistung|produ(?:ct|kt|it|cto)|תיאור",
    re.I,
)
# the line total's column ('Amount', 'TOTAL HT', 'Positionsbetrag', 'Nettowert', 'Montant', 'Importe', 'סה"כ')
_AMOUNT_COLUMN = re.compile(r"amount|total|betrag|summe|gesamt|entgelt|wert|montant|importe|סה\"כ|סכום", re.I)


@dataclass(frozen=True)
class ItemColumns:
    description: tuple[float, float] | None  # from the name's header to the next column's
    amount: tuple[float, float] | None  # the line total's header, with a little slack


def _name_cell(columns: tuple) -> int | None:
    named = [i for i, cell in enumerate(columns) if _NAME_COLUMN.search(cell.text)]
    named = named or [i for i, cell in enumerate(columns) if ITEM_COLUMN.search(cell.text)]
    return named[0] if named else None


def header_band(lines: list[Line], position: int, span: Box | None) -> list[Line]:
    """The header row with the lines of words (no digits) set right above and under it, half or more
    of their cells among the row's columns (`span`): a header printed over two or three lines
    ('Unsere | Ihre | Menge | Preis/' over 'Art.Nr. | Artikelbeschreibung | Einheit | Entgelt'), not a
    side panel's label level with it."""
    band = [lines[position]]
    if span is None:
        return band
    for step in (-1, 1):
        edge, at = lines[position], position + step
        while 0 <= at < len(lines) and _goes_on_header(lines[at], span):
            upper, lower = (lines[at], edge) if step < 0 else (edge, lines[at])
            if not tight_below(upper, lower):
                break
            band.append(lines[at])
            edge, at = lines[at], at + step
    return band


def _goes_on_header(line: Line, span: Box) -> bool:
    inside = sum(cell.box.x_overlap(span) > 0 for cell in line.cells)
    return not any(ch.isdigit() for ch in line.text) and 2 * inside >= len(line.cells) > 0


def band_span(span: Box | None, band: list[Line]) -> Box | None:
    """The table's edges (from its header row) widened to the header's other lines' cells."""
    if span is None:
        return None
    for line in band[1:]:
        for cell in line.cells:
            slack = 2 * cell.box.height
            span = Box(
                min(span.left, cell.box.left - slack),
                span.top,
                max(span.right, cell.box.right + slack),
                span.bottom,
            )
    return span


def item_columns(band: list[Line]) -> ItemColumns | None:
    """The description's and the line total's columns under a header (see header_band) with word
    boxes."""
    header = band[0]
    if not header.cells:
        return None
    cells = header_columns(header) + tuple(cell for line in band[1:] for cell in line.cells)
    columns = tuple(sorted(cells, key=lambda cell: cell.box.left))
    slack = max(cell.box.height for cell in columns)
    description = None
    name = _name_cell(columns)
    if name is not None:
        right = columns[name + 1].box.left if name + 1 < len(columns) else float("inf")
        description = (columns[name].box.left - slack, right)
    totals = [cell for cell in columns if _AMOUNT_COLUMN.search(cell.text)]
    amount = (totals[-1].box.left - slack, totals[-1].box.right + slack) if totals else None
    if amount is not None and description is not None and amount[0] <= description[0]:
        amount = None  # a right-to-left table: its columns' order is not this one's
    return ItemColumns(description, amount)


def name_text(line: Line, columns: ItemColumns | None) -> str:
    """The row's text under the description column ('' where it has none there)."""
    if columns is None or columns.description is None:
        return ""
    low, high = columns.description
    return " ".join(cell.text for cell in line.cells if low <= cell.box.center_x < high)


def column_amount(line: Line, columns: ItemColumns | None) -> float | None:
    """The money printed under the line total's column, if any."""
    if columns is None or columns.amount is None:
        return None
    low, high = columns.amount
    found = [
        value
        for cell in line.cells
        if cell.box.right > low and cell.box.left < high
        for value, _ in money_in(cell.text)
    ]
    return found[-1] if found else None


def tight_below(above: Line, line: Line) -> bool:
    """Whether the line sits right under the other on the same page (a wrapped line, not a new row)."""
    if above.box is None or line.box is None or above.page != line.page:
        return False
    height = max(min(above.box.height, line.box.height), 1.0)
    return line.box.top - above.box.bottom <= WRAP_GAP * height


def overlaps(above: Line, line: Line) -> bool:
    """Whether the line above reaches down into the line's band on the same page."""
    if above.box is None or line.box is None or above.page != line.page:
        return False
    return above.box.bottom > line.box.top


def only_amount(line: Line, columns: ItemColumns | None) -> bool:
    """A line that holds no name and no money but one value under the line total's column (a row's
    total the layout set a little lower than its other cells, an article number beside it)."""
    money = [found for cell in line.cells for found in money_in(cell.text)]
    return len(money) == 1 and column_amount(line, columns) is not None and not name_text(line, columns)


def with_amount_line(row: Line, amount_line: Line) -> Line:
    cells = row.cells + amount_line.cells
    return replace(row, text=" ".join(cell.text for cell in cells), cells=cells)
