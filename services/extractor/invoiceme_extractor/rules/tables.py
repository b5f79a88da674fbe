"""A line-item table's header row ("Description | Qty | Price | Amount"), in five languages."""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

from . import document_labels, party_labels
from .amounts import amounts_in
from .contact_words import PHONE_WORDS

# the column that names the item, and the columns that hold its numbers
ITEM_COLUMN = re.compile(
    r"description|item|product|service|article|details?|beschreibung|bezeichnung|artikel|leistung|"
    r"désignation|designation|libellé|descripción|concepto|art[íi]culo|תיאור|פריט|שירות|מוצר|פירוט|מק\"ט",
    re.I,
)
NUMBER_COLUMNS = re.compile(
    r"qty|quantity|amount|price|total|units?|hrs|hours|rate|menge|anz|preis|betrag|summe|quantité|qté|prix|"
    r"montant|cant|cantidad|precio|importe|כמות|מחיר|סכום|סה\"כ",
    re.I,
)


# A quantity's column and a unit price's, side by side, head an item table even where OCR lost its
# description's column ('# | הי | כמ\' | מחיר | סה"כ שורה'): a band of amount labels ('Net | VAT |
# Total') names neither
_QUANTITY_COLUMN = re.compile(r"qty|quantity|menge|quantité|qté|cant\.?|cantidad|uds\.?|כמות|כמ'", re.I)
_PRICE_COLUMN = re.compile(r"price|preis|prix|precio|p\.\s*unit|מחיר", re.I)


# "Total of items", "Items total", 'סה"כ פריטים': an amount's label that names the items, no column
_ITEMS_SUM = re.compile(
    r"(?:total|sum(?:me)?|סה\"כ|סך\s*הכל)\s+(?:(?:of|de|der|des)\s+)?(?:items?|articles?|positionen|פריטים)|"
    r"(?:items?|articles?)\s+total",
    re.I,
)


@functools.lru_cache(maxsize=4096)  # pure; rows are asked again by line items, totals and parties
def is_table_header(text: str) -> bool:
    """A line-item table's header row: item (or quantity and price) and number column names, no
    numbers (a row of amount labels over their amounts, 'Total of items | Discount | VAT | Total', is
    no table)."""
    text = _ITEMS_SUM.sub(" ", text)
    if not NUMBER_COLUMNS.search(text) or amounts_in(text):
        return False
    return bool(ITEM_COLUMN.search(text) or (_QUANTITY_COLUMN.search(text) and _PRICE_COLUMN.search(text)))


# Labels of the document's facts: never an item table's column
_NOT_A_COLUMN = re.compile(
    "|".join(
        pattern.pattern
        for pattern in (
            party_labels.TAX_ID,
            document_labels.INVOICE_NUMBER,
            document_labels.DATE_INVOICE,
            document_labels.DATE_DUE,
            party_labels.BUYER_BLOCK,
            party_labels.SELLER_BLOCK,
        )
    )
    + "|"
    + PHONE_WORDS
    + r"|^\s*[tf]\s*[.:]+\s*$",  # 'T.' / 'F.': telephone, fax
    re.I,
)


@functools.lru_cache(maxsize=4096)  # pure; a long pattern asked of the same edge cells again
def _not_a_column(text: str) -> bool:
    return bool(_NOT_A_COLUMN.search(text)) or sum(ch.isdigit() for ch in text) >= 3


def header_columns(row: Any) -> tuple[Any, ...]:
    """The row's cells without those at its edges that name a document fact or hold a value: a
    side column's label or value level with an item table's header ('2026-5777 | SKU | Details |
    Units | Total', 'Tax ID | Description | Amount') is no column of the table."""
    columns = list(row.cells)
    while len(columns) > 2 and _not_a_column(columns[0].text):
        columns.pop(0)
    while len(columns) > 2 and _not_a_column(columns[-1].text):
        columns.pop()
    return tuple(columns)


def columns_span(row: Any) -> tuple[float, float] | None:
    """An item table's left and right edges from its header row's column names (with a little
    slack for a cell's text wider than its name); None for text without word boxes."""
    columns = header_columns(row) if getattr(row, "cells", ()) else ()
    if not columns:
        return None
    slack = 2 * max(cell.box.height for cell in columns)
    return min(cell.box.left for cell in columns) - slack, max(cell.box.right for cell in columns) + slack


def is_header_row(row: Any) -> bool:
    """is_table_header over a row's column cells (see header_columns), or its text without cells."""
    if not getattr(row, "cells", ()):
        return is_table_header(row.text)
    return is_table_header(" ".join(cell.text for cell in header_columns(row)))


# a wrapped line (a header's, an item's name) sits closer under the line above than a line's height
WRAP_GAP = 0.6


def header_continuations(lines: list[Any]) -> set[int]:
    """Indexes of the lines that go on a table header wrapped over more lines ('Zeilenbetrag' over
    'Ohne' over 'MwSt.'): right under a header row (word boxes), close to it, words without digits.
    Their labels name columns of item amounts, like the header's own, not a total or a tax."""
    found: set[int] = set()
    for position, row in enumerate(lines):
        if row.box is None or not is_header_row(row):
            continue
        above = row
        for below in lines[position + 1 : position + 3]:
            if below.box is None or below.page != row.page or any(ch.isdigit() for ch in below.text):
                break
            if below.box.top - above.box.bottom > WRAP_GAP * max(above.box.height, 1.0):
                break
            found.add(below.index)
            above = below
    return found


# the first line of a header wrapped over two lines ('Unit Net' over 'price ... amount'): words that
# qualify a column's name, or name it
_COLUMN_QUALIFIER = re.compile(
    r"net|gross|unit|vat|tax|line|ext\.?|disc\.?|%|no\.?|#|netto|brutto|ht|ttc|excl\.?|incl\.?", re.I
)


def header_lines_above(lines: list[Any]) -> set[int]:
    """Indexes of the lines that open a table header wrapped over two lines ('Unit Net' right over
    'Description Units UoM price Tax amount'): close above a header row, every word a column's word."""
    found: set[int] = set()
    for above, row in itertools.pairwise(lines):
        if row.box is None or above.box is None or above.page != row.page or not is_header_row(row):
            continue
        if row.box.top - above.box.bottom > WRAP_GAP * max(row.box.height, 1.0):
            continue
        words = above.text.split()
        if words and all(
            _COLUMN_QUALIFIER.fullmatch(word) or NUMBER_COLUMNS.fullmatch(word) or ITEM_COLUMN.fullmatch(word)
            for word in words
        ):
            found.add(above.index)
    return found
