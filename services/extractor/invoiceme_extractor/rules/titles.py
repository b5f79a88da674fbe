"""The document's title: the largest print near the top that names a document type."""

from __future__ import annotations

import re

from . import labels
from .lines import Line


def type_of(text: str) -> tuple[str, re.Match[str]] | None:
    """The most specific document type a title names (credit note before receipt before invoice)."""
    for code, pattern in labels.DOCUMENT_TYPES:
        match = pattern.search(text)
        if match:
            return code, match
    return None


def title_cell(lines: list[Line]) -> tuple[Line, int] | None:
    """The document's title on a page with word boxes: the largest-print cell near the top that
    names a document type."""
    titled = [
        (cell.font, -line.index, line, index)
        for line in lines[:15]
        for index, cell in enumerate(line.cells)
        if type_of(cell.text) and not labels.OTHER_DOCUMENT.search(cell.text)
    ]
    if not titled:
        return None
    _, _, line, index = max(titled, key=lambda item: (item[0], item[1]))
    return line, index
