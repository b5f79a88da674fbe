"""A customer's block whose heading label OCR lost ('לכבוד' read as 'Tiaa?' or '7197'): its id line
still says whose it is ('ח.פ. לקוח 51-249524-3', 'Customer VAT No. ...'), so the name and address
printed over that line in its column are the customer's, not the issuer's."""

from __future__ import annotations

import re

from . import party_labels
from .blocks import BLOCK_GAP, CellRef, in_column, is_block_label
from .layout import Cell
from .lines import Line
from .vat_numbers import normalize_tax_id

_OCR_LOST_QUALIFIER = re.compile(
    r"(?<![\u05d0-\u05ea])(?:[עח]\s*[.\"']?\s*[מפ]|ת\s*[.\"']?\s*ז)\.?\s+[a-z]{2,4}\W{0,2}\s+\d"
)
# A customer's id or number: the word for the customer beside a number of four digits or more
CUSTOMER_WORD = re.compile(
    r"(?<![\u05d0-\u05ea])(?:ה)?לקוח(?![\u05d0-\u05ea])|\b(?:customer|client|cliente|kunde|kunden)\b", re.I
)
_NUMBER = re.compile(r"\d(?:[\d\s./-]*\d){3,}")
BLOCK_ROWS = 3  # rows over the id line that its block may hold (name, street, town)


def names_customer_id(text: str) -> bool:
    """'ח.פ. לקוח 51-249524-3', 'Customer VAT: GB123456789': the customer's id or number. Its
    'לקוח' OCR reads as Latin between the label and the id ('ח.פ. nip? 51-249524-3', 'ח.פ. mp)
    ...', dev scans of three families): an issuer prints its id right after its label."""
    if _OCR_LOST_QUALIFIER.search(text):
        return True
    return bool(CUSTOMER_WORD.search(text) and _NUMBER.search(text))


def _inline_customer(cell: Cell) -> bool:
    """'פרטי המזמין: אלון טכנולוגיות בעמ', 'Customer: Acme Holdings International Ltd': a cell that
    opens with the customer's label and goes on with its value, however long."""
    match = party_labels.BUYER_BLOCK.search(cell.text)
    if match is None or cell.text[: match.start()].strip(" |\\"):
        return False
    rest = cell.text[match.end() :]
    return rest.lstrip().startswith(":") and sum(ch.isalpha() for ch in rest) >= 4


def _another_id_line(text: str) -> bool:
    """'EIN: 37-2267108' over 'Client EIN: 58-4483037': an id line of its own that does not name the
    customer is the issuer's (ids stacked in the header), never the customer's name or address."""
    return bool(party_labels.TAX_ID.search(text)) and not names_customer_id(text)


def _rows_above(lines: list[Line], line: Line, cell: Cell) -> list[CellRef]:
    """Cells over the id's cell in its column, up to the block's name (the first cell without digits),
    while rows follow without a wide gap and no block label or table row intervenes."""
    rtl = bool(re.search(r"[\u05d0-\u05ea]", cell.text))
    found: list[CellRef] = []
    top = cell.box.top
    for upper in reversed(lines[max(0, line.index - BLOCK_ROWS) : line.index]):
        if upper.page != line.page or upper.box is None:
            break
        members = [i for i, other in enumerate(upper.cells) if in_column(other, cell, rtl)]
        if not members:
            continue
        if top - max(upper.cells[i].box.bottom for i in members) > BLOCK_GAP * max(cell.box.height, 1.0):
            break
        if any(is_block_label(upper.cells[i].text) or _another_id_line(upper.cells[i].text) for i in members):
            break
        found.extend((upper.index, i) for i in members)
        top = min(upper.cells[i].box.top for i in members)
        if not any(ch.isdigit() for i in members for ch in upper.cells[i].text):
            return found  # the block's name heads it
    return []  # no name over the id: a number among the document's facts, not a party block


def _holds_customers_id(text: str, customers: frozenset[str]) -> bool:
    """An id line whose id the page labels the customer's elsewhere ('מס' חברה 51-828234-8' in a
    block whose heading OCR lost, under 'ע.מ. הלקוח | 51-828234-8' among the document's facts)."""
    return (
        bool(customers)
        and bool(party_labels.TAX_ID.search(text))
        and any(normalize_tax_id(number) in customers for number in _NUMBER.findall(text))
    )


def customer_id_blocks(lines: list[Line], customers: frozenset[str]) -> set[CellRef]:
    """Cells of every block whose id line names the customer, or holds an id labelled the customer's
    elsewhere (`customers`: `labelled_ids.customer_labelled` of the lines): that line's cell and the
    name and address over it (`_rows_above`)."""
    refs: set[CellRef] = set()
    for line in lines:
        for index, cell in enumerate(line.cells):
            if _inline_customer(cell):
                refs.add((line.index, index))
            elif (names_customer_id(cell.text) or _holds_customers_id(cell.text, customers)) and (
                above := _rows_above(lines, line, cell)
            ):
                refs.add((line.index, index))
                refs.update(above)
    return refs
