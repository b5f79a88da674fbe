"""Line items from table rows: a description and numbers where quantity x unit price = amount.

Two ways in: rows under a table header (description + amount columns), and, for receipts without a
header, any row whose numbers multiply out (quantity x unit price = amount), taking its description
from the row or from the text-only line above it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..contract import LineItem
from .amount_candidates import classify
from .amounts import amounts_in, row_amounts, row_money
from .layout import Box
from .lines import Line
from .tables import header_columns, is_header_row, is_table_header

_CURRENCY_MARKS = re.compile(r'₪|ש"ח|NIS|ILS|EUR|USD|€|\$|£|\bRM\b|\bx\b|×', re.I)


def _description(text: str, raws: list[str]) -> str:
    text = _CURRENCY_MARKS.sub(" ", text)
    for raw in raws:
        text = text.replace(raw, " ", 1)
    return " ".join(re.sub(r"^\W+|\W+$", "", text).split())


def _multiplied(values: list[float]) -> tuple[float, float, float] | None:
    """(quantity, unit price, amount) when two of the numbers multiply to the one at the row's end:
    the last in left-to-right print; right-to-left print puts the amount first ('151.35 3 x 50.45')."""
    for amount, factors in ((values[-1], values[:-1]), (values[0], values[1:])):
        if not amount:
            continue
        for i, first in enumerate(factors):
            for second in factors[i + 1 :]:
                # the tolerance grows with the quantity: a unit price rounded to the cent, times it
                if abs(abs(first * second) - abs(amount)) <= 0.011 * max(1, abs(first)):
                    return first, second, amount
                if abs(abs(second * first) - abs(amount)) <= 0.011 * max(1, abs(second)):
                    return second, first, amount
    return None


def _row(line: Line, above: str | None, in_table: bool) -> LineItem | None:
    numbers = row_amounts(line)
    if not numbers:
        return None
    description = _description(line.text, [raw for _, raw in numbers])
    if sum(ch.isalpha() for ch in description) < 3 and above is not None:
        description = above  # receipts print the name on its own line, the numbers below it
    if sum(ch.isalpha() for ch in description) < 3:
        return None
    found = _multiplied([value for value, _ in numbers])
    if found:
        return LineItem(description=description, quantity=found[0], unit_price=found[1], amount=found[2])
    money = row_money(line)
    return LineItem(description=description, amount=money[-1][0]) if in_table and money else None


def _is_text_only(text: str) -> bool:
    return not amounts_in(text) and sum(ch.isalpha() for ch in text) >= 3


def _within(line: Line, span: Box | None) -> Line:
    """The row cut to the table's columns: a side panel or a second column beside the table is not
    part of its rows."""
    if span is None or not line.cells:
        return line
    kept = tuple(cell for cell in line.cells if cell.box.x_overlap(span) > 0)
    if len(kept) == len(line.cells):
        return line
    return replace(line, text=" ".join(cell.text for cell in kept), cells=kept)


def _header_span(row: Line) -> tuple[bool, Box | None]:
    """Whether the row is an item table's header, and the table's left and right edges from its
    column names (with a little slack)."""
    if not row.cells:
        return is_table_header(row.text), None
    if not is_header_row(row):
        return False, None
    columns = header_columns(row)
    slack = 2 * max(cell.box.height for cell in columns)
    left = min(cell.box.left for cell in columns) - slack
    right = max(cell.box.right for cell in columns) + slack
    return True, Box(left, row.box.top if row.box else 0, right, row.box.bottom if row.box else 0)


def find_line_items(lines: list[Line]) -> list[LineItem]:
    items: list[LineItem] = []
    in_table = False
    span: Box | None = None
    previous: Line | None = None
    for row in lines:
        header, header_span = _header_span(row)
        if header:
            in_table, previous, span = True, None, header_span
            continue
        line = _within(row, span)  # text beside the table (a side panel) is not part of its rows
        if not line.text:
            continue
        labelled_amount = classify(line.text) is not None
        if labelled_amount and items:
            break  # the totals close the table
        above = previous.text if previous is not None and _is_text_only(previous.text) else None
        item = None if labelled_amount else _row(line, above, in_table)
        if item is not None:
            items.append(item)
        previous = line
    return items
