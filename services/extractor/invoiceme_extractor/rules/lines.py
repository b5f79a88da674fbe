"""The document as the rules see it: cleaned lines that remember their page (and, when the page
carries word boxes, where they sit and which cells they hold)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..text import clean_page_text, hebrew_ratio
from .layout import Box, Cell, group_rows, page_units, row_cells


@dataclass(frozen=True)
class Line:
    text: str
    page: int
    index: int  # position in the whole document
    box: Box | None = None  # None for text without word boxes
    cells: tuple[Cell, ...] = ()  # reading order; empty for text without word boxes


@dataclass(frozen=True)
class Reading:
    """One ranked candidate of a field: its value, the rules' score, and where it was read."""

    value: Any
    score: float
    raw: str = ""  # the characters it was read from ("" when it is the value itself)
    line: Line | None = None
    label: str = ""  # the label it was read beside, when the rules read it by one


@dataclass(frozen=True)
class Found:
    """One field's value as the rules read it, with where it came from."""

    value: Any
    raw: str  # the characters the value was read from
    line: Line
    confidence: float
    alternatives: tuple[Reading, ...] = ()  # ranked candidates, best first


def first_found(readings: Iterator[Reading]) -> Found | None:
    """The first of a field's ranked candidates, as the field's reading (the rest are its
    alternatives: see alternatives.py)."""
    first = next(readings, None)
    if first is None or first.line is None:
        return None
    return Found(first.value, first.raw, first.line, first.score)


PageInput = tuple[int, str] | Any  # (number, text) or an OcrPage-like object (number, text, words)


def _page_lines(page: PageInput, start: int) -> list[Line]:
    if isinstance(page, tuple):
        number, text = page
        words = None
    else:
        number, text, words = page.number, page.text, getattr(page, "words", None)
    if not words:
        return [Line(line_text, number, start + i) for i, line_text in enumerate(clean_page_text(text))]
    lines: list[Line] = []
    rtl_page = hebrew_ratio(text) > 0.3
    for row in group_rows(page_units(page)):
        cells = tuple(row_cells(row, rtl_page))
        box = cells[0].box
        for cell in cells[1:]:
            box = box.union(cell.box)
        lines.append(Line(" ".join(cell.text for cell in cells), number, start + len(lines), box, cells))
    return lines


def document_lines(pages: list[PageInput]) -> list[Line]:
    lines: list[Line] = []
    for page in pages:
        lines.extend(_page_lines(page, len(lines)))
    return lines


def document_language(lines: list[Line]) -> str:
    return "he" if hebrew_ratio(" ".join(line.text for line in lines)) > 0.3 else "en"


def following(lines: list[Line], line: Line, count: int = 2) -> list[Line]:
    """The next lines on the same page: where stacked layouts put a label's value."""
    after = lines[line.index + 1 : line.index + 1 + count]
    return [candidate for candidate in after if candidate.page == line.page]
