"""Line items from table rows: a description and numbers where quantity x unit price = amount.

Two ways in: rows under a table header (description + amount columns), and, for receipts without a
header, any row whose numbers multiply out (quantity x unit price = amount), taking its description
from the row or from the text-only line above it. A till slip mixes such rows with one-price rows
('Network cable 36.00' for one of them): a one-price row counts when it sits in an unbroken run of
item rows that holds a multiplied one, which tells the run is the item list and not the header's
'Till: 32' or the footer's 'VISA ****3840 201.33'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..contract import LineItem
from .amount_candidates import classify
from .amounts import CENT, amounts_in, row_amounts, row_money
from .dates import dates_in
from .item_columns import (
    ItemColumns,
    band_span,
    column_amount,
    header_band,
    item_columns,
    name_text,
    only_amount,
    tight_below,
    with_amount_line,
)
from .item_rows import item_by_columns, item_discount, less, wrap_name
from .layout import Box
from .lines import Line
from .tables import columns_span, is_header_row, is_table_header

_CURRENCY_MARKS = re.compile(
    r'₪|ש"ח|NIS|ILS|EUR|USD|GBP|CHF|MYR|INR|€|\$|£|₹|\bRM\b|(?-i:\bRs\b\.?)|\bx\b|×', re.I
)
# 'Registration Number: 39-886329-0', 'Cashier: 35': a label and its value, not an item
_LABEL_COLON = re.compile(r"^[^\d:]{3,}:\s*\S")


def _description(text: str, raws: list[str]) -> str:
    text = _CURRENCY_MARKS.sub(" ", text)
    for raw in raws:
        text = text.replace(raw, " ", 1)
    return " ".join(re.sub(r"^\W+|\W+$", "", text).split())


def _undated(text: str) -> str:
    """The text with its dates blanked: '2024-01-01 - 2024-01-31' is no 2024 x 1 = 2024 (a service
    period's row had closed the run before the table); a date OCR had to repair is left alone."""
    for found in dates_in(text):
        if not found.repaired:
            text = text.replace(found.raw, " " * len(found.raw), 1)
    return text


def _without_dates(line: Line) -> Line:
    undated = _undated(line.text)
    if undated == line.text:
        return line
    cells = tuple(replace(cell, text=_undated(cell.text)) for cell in line.cells)
    return replace(line, text=undated, cells=cells)


def _multiplied(values: list[float]) -> tuple[float, float, float] | None:
    """(quantity, unit price, amount) when two of the numbers multiply to the one at the row's end:
    the last in left-to-right print; right-to-left print puts the amount first ('151.35 3 x 50.45')."""
    for amount, factors in ((values[-1], values[:-1]), (values[0], values[1:])):
        if not amount:
            continue
        for i, first in enumerate(factors):
            for second in factors[i + 1 :]:
                if not first or not second:
                    continue  # a zero multiplies to nothing; with a huge "quantity" the tolerance hid it
                # the tolerance grows with the quantity: a unit price rounded to the cent, times it
                if abs(abs(first * second) - abs(amount)) <= CENT * max(1, abs(first)):
                    return first, second, amount
                if abs(abs(second * first) - abs(amount)) <= CENT * max(1, abs(second)):
                    return second, first, amount
    return None


def _row(line: Line, above: str | None, in_table: bool) -> tuple[LineItem, bool] | None:
    """The row's item and whether its numbers multiply out; outside a table, a one-price row's item
    only where nothing else on the row could be its price (the caller decides by its neighbours)."""
    line = _without_dates(line)
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
        item = LineItem(description=description, quantity=found[0], unit_price=found[1], amount=found[2])
        return item, True
    money = row_money(line)
    if in_table and money:
        return LineItem(description=description, amount=money[-1][0]), False
    if len(numbers) == 1 and len(money) == 1 and not _LABEL_COLON.match(line.text):
        return LineItem(description=description, amount=money[0][0]), False
    return None


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
    span = columns_span(row)
    assert span is not None  # a row with cells has header columns
    left, right = span
    return True, Box(left, row.box.top if row.box else 0, right, row.box.bottom if row.box else 0)


def _adds_up(run: list[LineItem], line: Line) -> bool:
    """Whether an amount on the labelled line is the run's sum."""
    if not run:
        return False
    total = sum(item.amount or 0.0 for item in run)
    return any(abs(value - total) <= CENT for value, _ in row_money(line))


def find_line_items(lines: list[Line]) -> list[LineItem]:
    items: list[LineItem] = []
    run: list[tuple[LineItem, bool]] = []  # outside a table: item rows since the last other line
    in_table = False
    span: Box | None = None
    columns: ItemColumns | None = None  # the table's description and line total columns, if known
    previous: Line | None = None
    wrapped: Line | None = None  # the last line of the last table item (its row or its name's lines)
    pending: Line | None = None  # a table row without its total: the line right under may hold it

    unconfirmed: list[LineItem] = []  # the last run of one-price rows: items if the total is their sum

    def close_run() -> None:
        nonlocal unconfirmed
        if any(multiplied for _, multiplied in run):
            items.extend(item for item, _ in run)
        elif run:  # no row multiplied out: the one-price rows may be anything
            unconfirmed = [item for item, _ in run]
        run.clear()

    for position, row in enumerate(lines):
        header, header_span = _header_span(row)
        if header:
            close_run()
            band = header_band(lines, position, header_span)
            in_table, previous, span = True, None, band_span(header_span, band)
            columns, wrapped, pending = item_columns(band), None, None
            continue
        line = _within(row, span)  # text beside the table (a side panel) is not part of its rows
        if not line.text:
            continue
        by_columns = in_table and columns is not None and columns.amount is not None
        labelled_amount = classify(line.text) is not None
        if labelled_amount and by_columns and _no_totals_row(lines, position, line, columns):
            labelled_amount = False
        if labelled_amount:
            had_rows = bool(items or run)
            close_run()
            if not items and _adds_up(unconfirmed, line):
                items.extend(unconfirmed)  # a till slip's one-price rows, their sum printed as the total
                break
            if had_rows and by_columns:  # a page's sum closes its part; the header may go on overleaf
                return items + _next_page_table(lines, position)
            if had_rows:
                break  # the totals close the table
        if by_columns and not labelled_amount:
            if pending is not None and tight_below(pending, line) and only_amount(line, columns):
                line, pending = with_amount_line(pending, line), None
            elif column_amount(line, columns) is None:
                wrapped = wrap_name(items, wrapped, line, columns)
                pending = line if wrapped is None else None
                previous = line
                continue
        above = previous.text if previous is not None and _is_text_only(previous.text) else None
        found = None if labelled_amount else _row(line, above, in_table)
        if found is not None and in_table:
            unnamed = pending if pending is previous else None
            item = item_by_columns(found[0], line, columns, unnamed) if by_columns else found[0]
            if by_columns and item_discount(item, found[1], items, wrapped, line):
                items[-1] = less(items[-1], item.amount or 0.0)
            else:
                items.append(item)
            wrapped = line
        elif found is not None:
            run.append(found)
        elif not _is_text_only(line.text):  # a description waiting for its numbers keeps the run
            close_run()
        previous = line
    close_run()
    return items


def _next_page_table(lines: list[Line], position: int) -> list[LineItem]:
    """The items of the table's next part: under the header repeated on a later page (a page's
    carried sum, 'Übertrag', closes the part before it), none where no header follows."""
    page = lines[position].page
    for at in range(position + 1, len(lines)):
        if lines[at].page != page and lines[at].cells and _header_span(lines[at])[0]:
            return find_line_items(lines[at:])
    return []


def _no_totals_row(lines: list[Line], position: int, line: Line, columns: ItemColumns | None) -> bool:
    """A row with an amount's label that does not close the item table: its quantity and unit price
    multiply to the money under the line total's column (a group's subtotal listed as an item,
    'Subtotal hardware | 1.050,00 | 1 Stk | 1.050,00'), or a name of no amount's label under the
    description column and a unit price beside its total name an item whose other columns hold the
    label ('Lebensgefährte/in | 0,00 | 1 Stk 0 % VAT (E) | 0,00'); or it holds no number, only text
    under the description column, and no amount follows it (an item's detail line, '• Beschreibung:
    Hardware Gesamt'; the totals' labels stand elsewhere)."""
    amount = column_amount(line, columns)
    if amount is not None:
        found = _multiplied([value for value, _ in row_amounts(_without_dates(line))])
        if found is not None and abs(found[2] - amount) <= CENT:
            return True
        name = name_text(line, columns)
        priced = len(row_money(line)) >= 2
        return priced and any(ch.isalpha() for ch in name) and classify(name) is None
    if amounts_in(line.text) or name_text(line, columns) != line.text:
        return False
    following = lines[position + 1] if position + 1 < len(lines) else None
    return following is None or not only_amount(following, columns)
