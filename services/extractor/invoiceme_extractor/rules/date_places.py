"""Where a date stands among other dates: inside a range (a period), or in a cell OCR joined from two
columns' values, where the one under a label is the label's."""

from __future__ import annotations

import itertools
import re

from .dates import HEBREW, FoundDate
from .geometry import Spot
from .layout import Cell

# what stands between the two ends of a period: '01/05/2025 - 31/05/2025', '1 Jan bis 31 Jan'
_RANGE_GAP = re.compile(r"\s*(?:[-–—]|to|till|until|bis|au|al|a|עד)\s*", re.I)


def outside_ranges(text: str, found: list[FoundDate]) -> list[FoundDate]:
    """The dates of `text` that are not an end of a range: a period is never the issue date, and its
    end is no due date either."""
    inside: set[int] = set()
    for first, second in itertools.pairwise(found):
        if _RANGE_GAP.fullmatch(text[first.start + len(first.raw) : second.start]):
            inside |= {first.start, second.start}
    return [item for item in found if item.start not in inside]


def _right_to_left(line_cells: tuple[Cell, ...], cell: Cell) -> bool:
    if HEBREW.search(cell.text):
        return True
    return len(line_cells) >= 2 and line_cells[0].box.left > line_cells[-1].box.left


def _middle(cell: Cell, label: re.Match[str] | None) -> float:
    """The label's middle: of its own words where OCR joined it with another label in one cell
    ('Leistungszeitraum | Zahlbar bis'), estimated from the characters' share of the cell's width."""
    first, last = (label.start(), label.end()) if label else (0, len(cell.text))
    share = (first + last) / 2 / max(len(cell.text), 1)
    if HEBREW.search(cell.text):
        share = 1 - share
    return cell.box.left + share * (cell.box.right - cell.box.left)


def under_label(
    label: Cell, spot: Spot, found: list[FoundDate], named: re.Match[str] | None = None
) -> FoundDate:
    """Several dates in the cell under a label ('5th December 2024 | 4th January 2025' under 'Billing
    Date' and 'Payment Due By'): the one whose place in the cell is under the label's middle (the
    text runs right to left in a right-to-left row). `named`: the label's words in its cell."""
    below = next((cell for cell in spot.line.cells if cell.text == spot.text), None)
    if below is None or below.box.right <= below.box.left:
        return found[0]
    middle = _middle(label, named)
    share = (middle - below.box.left) / (below.box.right - below.box.left)
    if _right_to_left(spot.line.cells, below):
        share = 1 - share
    length = max(len(spot.text), 1)
    return min(found, key=lambda item: abs((item.start + len(item.raw) / 2) / length - share))
