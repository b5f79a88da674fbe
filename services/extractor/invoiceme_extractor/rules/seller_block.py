"""The issuer's name under a seller label ('Verkäufer', 'Seller:', 'ספק'): beside the label, or in
the label's block of rows below it."""

from __future__ import annotations

import re

from . import party_labels
from .blocks import block_cells
from .geometry import looks_like_label
from .layout import Cell
from .lines import Found, Line, following
from .name_text import REMARK, clean_name

_LABELLED_VALUE = re.compile(r"^[^\d:]{1,25}:\s*\S")  # "Nummer: 549910", "GLN: 43..."


def _block_texts(lines: list[Line], line: Line) -> list[tuple[str, list[str]]]:
    """(rest of the seller label's text, texts under it) for each seller label on the line."""
    if not line.cells:
        match = party_labels.SELLER_BLOCK.match(line.text.strip())
        if not match:
            return []
        return [(_label_rest(line.text.strip(), match.end()), [n.text for n in following(lines, line, 4)])]
    found = []
    for index, cell in enumerate(line.cells):
        match = party_labels.SELLER_BLOCK.match(cell.text.strip())
        if match:
            # a row of the block reads from its first cell in the column on: "Name: | Acme GmbH"
            first_in_row: dict[int, int] = {}
            for row, i in block_cells(lines, line, index):
                first_in_row[row] = min(i, first_in_row.get(row, i))
            below = [_block_row_text(lines[row].cells, i) for row, i in first_in_row.items()]
            found.append((_label_rest(cell.text.strip(), match.end()), below[:4]))
    return found


_NAME_KEY = re.compile(r"(?:name|firma|company|raison\s*sociale|nom|שם)\W*", re.I)


def _block_row_text(cells: tuple[Cell, ...], first: int) -> str:
    """A block row's text: 'Name: | Acme GmbH' reads on into the next cell; a cell that is not a
    key stands alone (the cell beside it belongs to the next column)."""
    if looks_like_label(cells[first].text) or _NAME_KEY.fullmatch(cells[first].text.strip()):
        return " ".join(cell.text for cell in cells[first:])
    return cells[first].text


def _label_rest(text: str, label_end: int) -> str:
    """What a seller label's own cell says after the label: a name after 'Seller:' or a legal name
    ('Lieferant Acme GmbH'); words without either continue a heading ('SELLER TRADE NAME',
    'Supplier details'), and the name is under it."""
    rest = text[label_end:]
    if re.match(r"\s*[:\-–]", rest) or party_labels.COMPANY_SUFFIX.search(rest):
        return rest.strip(" :-–")
    return ""


def seller_block_name(lines: list[Line]) -> Found | None:
    """'Verkäufer' / 'Seller:' / 'ספק': the name is beside the label or within the next few lines
    (in the label's column, on pages with word boxes)."""
    for line in lines[:60]:
        for rest, nearby in _block_texts(lines, line):
            named = [text for text in nearby if re.match(r"(?:name|שם)\s*:", text, re.I)]
            for candidate in named + ([rest] if len(rest) > 2 else []) + nearby:
                name = clean_name(candidate)
                letters = sum(ch.isalpha() for ch in name)
                digits = sum(ch.isdigit() for ch in name)
                if (
                    letters < 3
                    or digits > 2
                    or party_labels.TAX_ID.match(name)
                    or re.match(r"gln\b", name, re.I)
                ):
                    continue
                if (_LABELLED_VALUE.match(candidate) and candidate not in named) or REMARK.fullmatch(
                    candidate
                ):
                    continue
                return Found(name, candidate, line, 0.85)
    return None
