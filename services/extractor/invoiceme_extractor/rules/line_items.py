"""Line items from table rows: a description and numbers where quantity x unit price = amount."""

from __future__ import annotations

import re

from ..contract import LineItem
from .amounts import amounts_in
from .lines import Line
from .totals import classify

_HEADER = re.compile(
    r"description|item|product|service|article|beschreibung|bezeichnung|artikel|désignation|תיאור|פריט|שירות|מוצר",
    re.I,
)
_NUMBERS_HEADER = re.compile(r"qty|quantity|amount|price|total|menge|preis|betrag|כמות|מחיר|סכום|סה\"כ", re.I)
_CURRENCY_MARKS = re.compile(r'₪|ש"ח|NIS|ILS|EUR|USD|€|\$|£|RM')


def _row(line: Line) -> LineItem | None:
    numbers = amounts_in(line.text)
    description = _CURRENCY_MARKS.sub(" ", line.text)
    for _, raw in numbers:
        description = description.replace(raw, " ", 1)
    description = " ".join(re.sub(r"^\W+|\W+$", "", description).split())
    if len(numbers) == 0 or sum(ch.isalpha() for ch in description) < 3:
        return None
    values = [value for value, _ in numbers]
    amount = values[-1]
    for i, quantity in enumerate(values[:-1]):  # find quantity x unit price = amount among the numbers
        for unit_price in values[i + 1 : -1]:
            if abs(quantity * unit_price - amount) <= 0.011 * max(1, quantity):
                return LineItem(
                    description=description, quantity=quantity, unit_price=unit_price, amount=amount
                )
    if len(values) >= 2 and values[-2] == amount:
        return LineItem(description=description, quantity=1, unit_price=amount, amount=amount)
    return LineItem(description=description, amount=amount) if len(values) <= 2 else None


def find_line_items(lines: list[Line]) -> list[LineItem]:
    items: list[LineItem] = []
    in_table = False
    for line in lines:
        if not in_table:
            in_table = bool(_HEADER.search(line.text) and _NUMBERS_HEADER.search(line.text))
            continue
        if classify(line.text) in ("subtotal", "vat", "total_strong", "total_plain"):
            if items:
                break
            continue
        item = _row(line)
        if item is not None:
            items.append(item)
    return items
