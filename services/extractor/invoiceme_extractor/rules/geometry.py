"""Where a label's value is printed, in every direction a layout puts it.

Nearest first: the rest of the label's own cell ("Invoice No: 123"), the next cell of the row in
reading order (a key/value block, right of the label in English, left of it in Hebrew), then the cell
under the label (a boxed grid or a header row over a row of values). Lines without word boxes fall
back to the rest of the line and the next lines.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, replace

from ..text import HEBREW_LETTER
from . import document_labels, labels, party_labels
from .contact_words import PHONE
from .layout import Box, Cell
from .lines import Line, following
from .memo import remembered

# Patterns that open a label cell (used to tell label cells from value cells in a row)
_FIELD_LABELS = (
    document_labels.INVOICE_NUMBER,
    document_labels.DATE_INVOICE,
    document_labels.DATE_DUE,
    party_labels.TAX_ID,
    party_labels.ALLOCATION,
    labels.TOTAL_STRONG,
    labels.TOTAL_PLAIN,
    labels.SUBTOTAL,
    labels.VAT,
    party_labels.BUYER_BLOCK,
    party_labels.SELLER_BLOCK,
)
BELOW_REACH = 4.5  # x label height: how far under a label its value may sit


@dataclass(frozen=True)
class Spot:
    """A piece of text where a value may be, and how it relates to its label."""

    text: str
    line: Line
    relation: str  # "inline", "next_cell", "row_rest", "prev_cell", "below", "next_line"


def label_matches(pattern: re.Pattern[str], line: Line) -> list[re.Match[str]]:
    """A label pattern's matches in a line, cell by cell on pages with word boxes (a match may not
    run from one cell into the next: 'מס' | עוסק מורשה' is no 'מס' עוסק'); positions are the line's."""
    cell_lengths = tuple(len(cell.text) for cell in line.cells)
    key = (pattern.pattern, pattern.flags, line.text, cell_lengths)
    found = remembered(_LABEL_MATCHES, key, lambda: _label_matches(pattern, line.text, cell_lengths))
    return list(found)


# Pure in the text and where its cells end; the labelled-id rules ask the same pattern of the same
# line up to four times (long alternations: the costliest searches of a page)
_LABEL_MATCHES: dict[Hashable, tuple[re.Match[str], ...]] = {}


def _label_matches(
    pattern: re.Pattern[str], text: str, cell_lengths: tuple[int, ...]
) -> tuple[re.Match[str], ...]:
    if not cell_lengths:
        return tuple(pattern.finditer(text))
    found: list[re.Match[str]] = []
    start = 0
    for length in cell_lengths:
        found.extend(pattern.finditer(text, start, start + length))
        start += length + 1
    return tuple(found)


def cell_at(line: Line, offset: int) -> int | None:
    """Index of the cell holding character `offset` of `line.text` (cells are joined by one space)."""
    position = 0
    for index, cell in enumerate(line.cells):
        end = position + len(cell.text)
        if offset < end:
            return index
        position = end + 1
    return None


def _cell_start(line: Line, index: int) -> int:
    return sum(len(cell.text) + 1 for cell in line.cells[:index])


def cell_below(lines: list[Line], line: Line, cell: Cell) -> tuple[Line, Cell] | None:
    """The nearest cell under `cell` that shares its columns, within a few label heights."""
    reach = cell.box.bottom + BELOW_REACH * max(cell.box.height, 1.0)
    for lower in lines[line.index + 1 :]:
        if lower.page != line.page or lower.box is None or lower.box.top > reach:
            return None
        # a cell whose top is above the label's middle sits level with it (a tall heading in the
        # next column that the line order put after the label's row), not under it
        level = (cell.box.top + cell.box.bottom) / 2
        under = [c for c in lower.cells if c.box.top >= level]
        overlapping = [c for c in under if c.box.x_overlap(cell.box) > 0]
        if overlapping:
            found = max(overlapping, key=lambda c: c.box.x_overlap(cell.box))
            return _widest_level_overlap(lines, lower, found, cell)
        # a short value centred under a wide label, or a wide label over a narrow column
        reach_x = max(cell.box.right - cell.box.left, 3 * cell.box.height)
        near = [c for c in under if abs(c.box.center_x - cell.box.center_x) <= reach_x]
        if near:
            return lower, min(near, key=lambda c: abs(c.box.center_x - cell.box.center_x))
    return None


def _widest_level_overlap(lines: list[Line], lower: Line, found: Cell, cell: Cell) -> tuple[Line, Cell]:
    """The cell found under `cell`, or one level with it on a line the row grouping split off
    (an item's number '6' and a value '8263567' beside it, drawn at one height as two lines) that
    shares more of the label's columns."""
    best, best_line = found, lower
    for other in lines[lower.index + 1 : lower.index + 3]:
        if other.page != lower.page or other.box is None:
            break
        for candidate in other.cells:
            level = abs(candidate.box.top - found.box.top) <= found.box.height / 2
            if level and candidate.box.x_overlap(cell.box) > best.box.x_overlap(cell.box):
                best, best_line = candidate, other
    return best_line, best


def column_below(lines: list[Line], line: Line, cell: Cell, rows: int = 6) -> list[tuple[Line, Cell]]:
    """The stack of cells under `cell` in its column (a header over per-rate rows and a sum row)."""
    stack: list[tuple[Line, Cell]] = []
    current_line, current = line, cell
    while len(stack) < rows:
        below = cell_below(lines, current_line, current)
        if below is None or below[1].box.x_overlap(cell.box) <= 0:
            break
        stack.append(below)
        current_line, current = below
    return stack


_COLON_AS_QUESTION = re.compile(r"[\u05d0-\u05ea][\u05d0-\u05ea\s.\"']{0,14}\?")


def looks_like_label(text: str) -> bool:
    """A cell that names a field ('Invoice No:', 'Total', 'Réf', 'Customer:') rather than a value."""
    stripped = text.strip()
    if stripped.endswith(":") and not any(ch.isdigit() for ch in stripped):
        return True
    if _COLON_AS_QUESTION.fullmatch(stripped):
        return True  # 'טל?': a short Hebrew label whose "':" OCR read as one '?'
    weak = document_labels.INVOICE_NUMBER_WEAK.match(stripped)
    if weak and not stripped[weak.end() :].strip():
        return True
    return any(pattern.match(stripped) for pattern in _FIELD_LABELS)


UNREAD_CELL = 0.1  # a mean word confidence under which OCR made letters of a speck or a stroke


def is_crumb(cell: Cell) -> bool:
    """A speck or rule OCR read as a cell of its own ('_', '.', '|'): no letter, digit or currency
    sign, or letters without a digit read at all but no confidence (a scan's grid stroke read 'me'
    at 0.00). It stands between a label and its value without being either."""
    if cell.confidence < UNREAD_CELL and not any(ch.isdigit() for ch in cell.text):
        return True
    return not any(ch.isalnum() or ch in "₪$€£" for ch in cell.text)


def _phone_label(cell: Cell) -> bool:
    """A cell that is a phone's label of its own ('טל:', 'Tel.'): the number after it is the phone.
    (Not any word closed by a colon: OCR splits one label into cells, 'Due | date: | 27-08-2024'.)"""
    return bool(PHONE.search(cell.text))


def labels_follow_values(line: Line) -> bool:
    """A row printed "value  label  value  label" (the label on the far side of its value, as
    right-aligned key/value blocks do): the first cell is a value and the last one a label."""
    cells = [cell for cell in line.cells if not is_crumb(cell)]
    return len(cells) >= 2 and not looks_like_label(cells[0].text) and looks_like_label(cells[-1].text)


def stacked_in_side_column(line: Line, index: int, below: Cell) -> bool:
    """A label at the edge of a row it shares with a table's cells ('Net | Office desk | 3 |
    1,031.25'), with a value (no label) under it that starts or ends where the label does: a side
    column of labels over values, level with another column's rows — its value is the one under it."""
    if len(line.cells) < 4 or index not in (0, len(line.cells) - 1) or looks_like_label(below.text):
        return False
    label = line.cells[index].box
    slack = max(label.height, 1.0)
    return abs(below.box.left - label.left) <= slack or abs(below.box.right - label.right) <= slack


def own_column_part(line: Line, index: int, below: Cell) -> str:
    """The part of the cell under label `index` that lies in the label's own column, when OCR joined
    the cells of a value row under a header row ('DE554915620 2024-06-01 - 2024-06-30' under
    'USt-ID-Nr. | Leistungszeitraum'): the words that start before the next header cell's left edge,
    placed by their characters' share of the cell's width. Left-to-right rows starting under the
    label only; otherwise the whole cell."""
    label = line.cells[index].box
    text = below.text
    if HEBREW_LETTER.search(text + line.cells[index].text) or abs(below.box.left - label.left) > label.height:
        return text
    next_left = [
        cell.box.left
        for cell in line.cells
        if cell.box.left > label.right and cell.box.x_overlap(below.box) > 0
    ]
    if not next_left:
        return text
    cut = (min(next_left) - below.box.left) / max(below.box.right - below.box.left, 1.0) * len(text)
    return " ".join(word.group(0) for word in re.finditer(r"\S+", text) if word.start() < cut)


def label_part(line: Line, index: int, label_start: int, label_end: int) -> Cell:
    """The label's own part of its cell when the rest of the cell is another field's label (OCR
    merged two header cells: 'חשבונית מס מספר תאריך הוצאה' over two values), its span estimated
    from the characters' share of the cell's width (from the right on a Hebrew cell); otherwise the
    whole cell. The value under the label is the one under that part."""
    cell = line.cells[index]
    start = _cell_start(line, index)
    before, after = line.text[start:label_start], line.text[label_end : start + len(cell.text)]
    if not any(pattern.search(before) or pattern.search(after) for pattern in _FIELD_LABELS):
        return cell
    width, length = cell.box.right - cell.box.left, max(len(cell.text), 1)
    first, last = (label_start - start) / length, (label_end - start) / length
    if HEBREW_LETTER.search(cell.text):
        first, last = 1 - last, 1 - first
    part = Box(cell.box.left + first * width, cell.box.top, cell.box.left + last * width, cell.box.bottom)
    return replace(cell, box=part)


def spots_after_label(lines: list[Line], line: Line, label_start: int, label_end: int) -> list[Spot]:
    """Texts a label's value may be in, nearest first (see the module docstring)."""
    index = cell_at(line, label_start)
    if index is None:
        rest = line.text[label_end:]
        spots = [Spot(rest, line, "inline")] if rest.strip() else []
        return spots + [Spot(nxt.text, nxt, "next_line") for nxt in following(lines, line, 2)]
    cell = line.cells[index]
    cell_end = _cell_start(line, index) + len(cell.text)
    in_cell = line.text[label_end:cell_end]
    spots = [Spot(in_cell, line, "inline")] if in_cell.strip() else []
    # the nearest cell before the label, and whether the label closes its row, past OCR specks
    previous = next((i for i in range(index - 1, -1, -1) if not is_crumb(line.cells[i])), None)
    before = Spot(line.cells[previous].text, line, "prev_cell") if previous is not None else None
    closes_row = all(is_crumb(cell) for cell in line.cells[index + 1 :])
    if before is not None and labels_follow_values(line):
        spots.append(before)  # the next cell is the next label's value
        if previous and len(before.text.strip()) <= 2:
            # a speck OCR read as a digit or two ('45356 | 17 | מס' אסמכתא:'): the value is past it
            spots.append(Spot(line.cells[previous - 1].text, line, "prev_cell"))
    else:
        if index + 1 < len(line.cells):
            spots.append(Spot(line.cells[index + 1].text, line, "next_cell"))
            if len(line.cells[index + 1].text.strip()) <= 2 and index + 2 < len(line.cells):
                # a speck OCR read as a digit or two: the value is past it (as on the near side below)
                spots.append(Spot(line.cells[index + 2].text, line, "next_cell"))
        if index + 2 < len(line.cells) and not _phone_label(line.cells[index + 1]):
            # OCR crumbs ("|", "..") may stand between label and value; a phone's label ('ח.פ | טל: |
            # 04-6562161') may not: what follows it is the phone
            spots.append(Spot(" ".join(c.text for c in line.cells[index + 2 :]), line, "row_rest"))
    below = cell_below(lines, line, label_part(line, index, label_start, label_end))
    if below is not None:
        spot = Spot(own_column_part(line, index, below[1]), below[0], "below")
        if stacked_in_side_column(line, index, below[1]):
            spots.insert(1 if in_cell.strip() else 0, spot)
        else:
            spots.append(spot)
    if before is not None and closes_row and before not in spots:
        spots.append(before)  # a label closing its row, its value on the near side
    opens_row = previous is not None and all(is_crumb(cell) for cell in line.cells[:previous])
    if before is not None and opens_row and before not in spots and not looks_like_label(before.text):
        # last: a value opening its row beside the label, which no label before it claims ('97050 |
        # מספר אסמכתא: | <the other column's address>'): a key/value block printed value first
        spots.append(before)
    if before is not None and before in spots and closes_row and index >= 2:
        # a value before its label, past OCR crumbs ('0000', '|') between the two
        spots.append(Spot(" ".join(c.text for c in line.cells[: index - 1]), line, "row_rest"))
    return spots
