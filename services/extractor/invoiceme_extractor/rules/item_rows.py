"""An item table's rows read by its columns (see item_columns): the item's name and amount from
them, the lines its name wraps onto, and a discount printed under it."""

from __future__ import annotations

from ..contract import LineItem
from .amounts import CENT
from .item_columns import ItemColumns, column_amount, name_text, overlaps, tight_below
from .lines import Line


def item_by_columns(item: LineItem, line: Line, columns: ItemColumns | None, above: Line | None) -> LineItem:
    """The item with its name from the description column and its amount from the line total's
    column, where the header gives them: a row's codes, units and VAT rate are no part of its name,
    and its last money may be a rate or a discount, not its total. The name printed right above the
    row (`above`, a line of no item) starts it where the row has no name of its own or where it
    reaches into the row's band (a name cell set higher than the row's numbers, its detail level
    with them)."""
    name = name_text(line, columns)
    if above is not None and ((tight_below(above, line) and not name) or overlaps(above, line)):
        name = f"{name_text(above, columns)} {name}"
    if any(ch.isalpha() for ch in name):
        item = item.model_copy(update={"description": " ".join(name.split())})
    amount = column_amount(line, columns)
    if amount is None or item.amount is None or abs(amount - item.amount) <= CENT:
        return item
    quantity, price = item.quantity, item.unit_price
    if (
        quantity is None
        or price is None
        or abs(abs(quantity * price) - abs(amount)) > CENT * max(1, abs(quantity))
    ):
        quantity = price = None
    return item.model_copy(update={"amount": amount, "quantity": quantity, "unit_price": price})


def item_discount(
    item: LineItem, multiplied: bool, items: list[LineItem], wrapped: Line | None, line: Line
) -> bool:
    """A negative amount right under an item's lines, no quantity x price of its own: the item's
    discount ('abzgl. 16,7% Rabatt -2,00' under 'Kunstrasen ... 12,00'), part of its line total; a
    discount takes less than the item's amount."""
    if multiplied or not items or wrapped is None or item.amount is None or item.amount >= 0:
        return False
    return (items[-1].amount or 0.0) > -item.amount and tight_below(wrapped, line)


def less(item: LineItem, discount: float) -> LineItem:
    amount = round((item.amount or 0.0) + discount, 2)
    return item.model_copy(update={"amount": amount, "unit_price": None})


def wrap_name(
    items: list[LineItem], wrapped: Line | None, line: Line, columns: ItemColumns | None
) -> Line | None:
    """A line without a total right under the last item: its name goes on there (its text under the
    description column joins the item's). The line the item now ends on, or None past its end."""
    if wrapped is None or not items or not tight_below(wrapped, line):
        return None
    name = name_text(line, columns)
    if sum(ch.isalpha() for ch in name) >= 2:
        joined = f"{items[-1].description} {' '.join(name.split())}"
        items[-1] = items[-1].model_copy(update={"description": joined})
    return line
