"""A totals label set apart at the side of a table's header row ('Net' in a side panel, level with
'# | Description | Units | Rate'): the row reads as the table's header and is skipped, but the
label is no column of that table; its amount stands right under it, alone."""

from __future__ import annotations

import re
from collections.abc import Callable

from .amounts import money_in
from .geometry import cell_below
from .lines import Line

SET_APART = 4.0  # x the label's height: the white between a side label and the header's next cell
_NOT_AMOUNT = re.compile(r'[\d.,\s₪$€£%()-]|ש"ח|NIS|ILS|EUR|USD|GBP')

SideAmount = tuple[str, tuple[float, str, Line]]  # the amount's kind, and the amount as read


def side_label_amounts(
    lines: list[Line], row: Line, kind_of: Callable[[str], str | None]
) -> list[SideAmount]:
    """Amounts under the header row's totals labels that stand apart from the header's other cells
    (`kind_of`: amount_candidates.classify, passed in to keep the modules apart)."""
    found: list[SideAmount] = []
    for index, cell in enumerate(row.cells):
        kind = kind_of(cell.text)
        if kind is None or money_in(cell.text) or len(cell.text.split()) > 3:
            continue
        neighbours = row.cells[max(0, index - 1) : index] + row.cells[index + 1 : index + 2]
        height = max(cell.box.height, 1.0)
        if not neighbours or min(cell.box.x_gap(other.box) for other in neighbours) < SET_APART * height:
            continue
        below = cell_below(lines, row, cell)
        if below is None:
            continue
        lower_line, lower = below
        amounts = money_in(lower.text)
        if len(amounts) == 1 and len(_NOT_AMOUNT.sub("", lower.text)) <= 4 and len(lower_line.cells) == 1:
            found.append((kind, (*amounts[0], lower_line)))
    return found
