"""The recipient's address under a window envelope's sender row: a letter-style invoice prints the
issuer's name and address on one small line ('Orion Systems · 173 Market Street, Leeds') right over
the customer's block (name, street, town), which carries no label. That block is the customer's."""

from __future__ import annotations

import re

from .blocks import CellRef, is_block_label
from .contact_words import STREET
from .dates import dates_in
from .lines import Line

_POSTCODE_TOWN = re.compile(r"(?<!\d)\d{4,5}\s+[^\W\d]{3,}")
_WORD = re.compile(r"[^\W\d_]{2,}")
_BLOCK_ROWS = 4  # name, street, town, id
_TOP_ROWS = 30  # the envelope's window sits in the page's upper part


def _address_at(text: str) -> int | None:
    """Where the street (or postcode and town) of a line begins, if it has one."""
    found = [match.start() for match in (STREET.search(text), _POSTCODE_TOWN.search(text)) if match]
    return min(found) if found else None


def _sender_row(line: Line) -> bool:
    """A name of two words or more, then an address, on one line (no date, no party's label: a row
    of the document's facts is no sender)."""
    if dates_in(line.text) or any(is_block_label(cell.text) for cell in line.cells):
        return False
    at = _address_at(line.text)
    if at is None:
        return False
    name = re.sub(r"\d+\s*\S*\s*$", "", line.text[:at])  # the house number before the street word
    return len(_WORD.findall(name)) >= 2


def _under(upper: Line, lower: Line) -> bool:
    """The lower line starts or ends where the upper one does, and follows it closely."""
    if upper.box is None or lower.box is None or lower.page != upper.page:
        return False
    slack = 2 * max(upper.box.height, 1.0)
    aligned = abs(upper.box.left - lower.box.left) <= slack or abs(upper.box.right - lower.box.right) <= slack
    return aligned and lower.box.top - upper.box.bottom <= 2.5 * max(upper.box.height, 1.0)


def window_recipient_cells(lines: list[Line]) -> set[CellRef]:
    """Cells of the unlabelled block under a sender row: its first row a name (no digits, no label),
    its second or third an address."""
    refs: set[CellRef] = set()
    for line in lines[:_TOP_ROWS]:
        if not line.cells or not _sender_row(line):
            continue
        block: list[Line] = []
        upper = line
        for lower in lines[line.index + 1 : line.index + 1 + _BLOCK_ROWS]:
            if not _under(upper, lower) or any(is_block_label(cell.text) for cell in lower.cells):
                break
            block.append(lower)
            upper = lower
        # its street, or its postcode and town under it where OCR damaged the street ('Industriestrabe')
        addressed = any(_address_at(row.text) is not None for row in block[1:3])
        if len(block) < 2 or any(ch.isdigit() for ch in block[0].text) or not addressed:
            continue
        refs.update((row.index, index) for row in block for index in range(len(row.cells)))
    return refs
