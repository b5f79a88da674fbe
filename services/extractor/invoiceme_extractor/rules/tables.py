"""A line-item table's header row ("Description | Qty | Price | Amount"), in five languages."""

from __future__ import annotations

import re

from .amounts import amounts_in

# the column that names the item, and the columns that hold its numbers
ITEM_COLUMN = re.compile(
    r"description|item|product|service|article|details?|beschreibung|bezeichnung|artikel|leistung|"
    r"désignation|designation|libellé|descripción|concepto|תיאור|פריט|שירות|מוצר|פירוט|מק\"ט",
    re.I,
)
NUMBER_COLUMNS = re.compile(
    r"qty|quantity|amount|price|total|units?|hrs|hours|rate|menge|anz|preis|betrag|summe|quantité|qté|prix|"
    r"montant|cant|cantidad|precio|importe|כמות|מחיר|סכום|סה\"כ",
    re.I,
)


# "Total of items", "Items total", 'סה"כ פריטים': an amount's label that names the items, no column
_ITEMS_SUM = re.compile(
    r"(?:total|sum(?:me)?|סה\"כ|סך\s*הכל)\s+(?:(?:of|de|der|des)\s+)?(?:items?|articles?|positionen|פריטים)|"
    r"(?:items?|articles?)\s+total",
    re.I,
)


def is_table_header(text: str) -> bool:
    """A line-item table's header row: item and number column names, no numbers (a row of amount
    labels over their amounts, 'Total of items | Discount | VAT | Total', is no table)."""
    text = _ITEMS_SUM.sub(" ", text)
    return bool(ITEM_COLUMN.search(text) and NUMBER_COLUMNS.search(text) and not amounts_in(text))
