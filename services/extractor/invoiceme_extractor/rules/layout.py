"""The page as rows of cells rebuilt from word boxes, so "label ... value" read as one row wherever
the PDF or the OCR engine stored them.

Why: a text layer lists text in drawing order ("FACTURE N° :" may come 100 lines before the
"F20220023" printed right beside it), and OCR engines split a row into one line per column. Rows are
rebuilt from geometry: reading units (OCR/text-layer lines) whose vertical extents overlap become one
row, ordered left-to-right (right-to-left when the row is Hebrew), and wide gaps split a row into
cells (table columns, key/value blocks).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..text import hebrew_ratio, normalize_line

CELL_GAP = 1.2  # x word height: a gap this wide separates two cells of a row
# OCR word boxes are tight around the ink and receipts letter-space their headers: a wider gap there
OCR_CELL_GAP = 2.5
SAME_ROW_OVERLAP = 0.55  # share of the shorter unit's height two units must share to be one row
# x the page's median word height: a box shorter and narrower than this holds no character (a
# full stop is ~0.15 of a word's height, but Tesseract glues it to its word)
SPECK_SIZE = 0.3


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def center_x(self) -> float:
        return (self.left + self.right) / 2

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )

    def x_overlap(self, other: Box) -> float:
        return max(0.0, min(self.right, other.right) - max(self.left, other.left))

    def x_gap(self, other: Box) -> float:
        """The white between the two boxes across the row, whichever is left (0 when they overlap)."""
        return max(0.0, max(self.left, other.left) - min(self.right, other.right))


@dataclass(frozen=True)
class Cell:
    """Words of one row that sit together (no wide gap between them), in reading order."""

    text: str
    box: Box
    font: float  # median word height: a proxy for font size
    confidence: float = 1.0  # mean OCR confidence of its words (a text layer's are 1.0)
    number_confidence: float = 1.0  # least OCR confidence of its words of 6+ digits (ids, references)


@dataclass
class Unit:
    """One line as the OCR engine or the text layer gave it: words in reading (logical) order."""

    words: list[Any]
    box: Box
    rtl: bool = False
    cells: list[Cell] = field(default_factory=list)


def word_box(word: Any) -> Box:
    return Box(word.left, word.top, word.left + word.width, word.top + word.height)


def _boxes_union(boxes: Sequence[Box]) -> Box:
    result = boxes[0]
    for box in boxes[1:]:
        result = result.union(box)
    return result


_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_LATIN = re.compile(r"[A-Za-z]")


def rtl_mixed_order(words: list[Any]) -> list[Any]:
    """A Hebrew page's cell mixing Hebrew and Latin words, stored left to right ('בע"מ Orion
    Consulting'), in right-to-left reading order with each Latin run kept left to right
    ('Orion Consulting בע"מ'): the bidi algorithm with a right-to-left paragraph."""
    texts = " ".join(word.text for word in words)
    if not (_HEBREW.search(texts) and _LATIN.search(texts)) or len(words) < 2:
        return words
    stored_left_to_right = all(a.left <= b.left for a, b in itertools.pairwise(words))
    if not stored_left_to_right:
        if words[0] is min(words, key=lambda word: word.left):
            # stored from the left end but its runs out of place ('52-296073-1 בע"מ | ח.פ. Blue
            # Supplies'): a right-to-left cell's reading never opens at its left end, so its order
            # is taken from where the words sit
            return rtl_order_from_boxes(sorted(words, key=lambda word: word.left))
        return words
    ordered: list[Any] = []
    run: list[Any] = []
    for word in sorted(words, key=lambda word: -word.left):
        if _HEBREW.search(word.text):
            ordered.extend(reversed(run))
            run = []
            ordered.append(word)
        else:
            run.append(word)
    return ordered + list(reversed(run))


def _direction(text: str) -> str:
    if _HEBREW.search(text):
        return "R"
    if _LATIN.search(text):
        return "L"
    return "EN" if any(ch.isdigit() for ch in text) else "N"


def rtl_order_from_boxes(words_left_to_right: Sequence[Any]) -> list[Any]:
    """An OCR cell's words in right-to-left reading order, from where they sit rather than from the
    engine's order, which Tesseract often breaks in Hebrew rows ('08-6728135 טל\'', 'מנוי דמי',
    '2024 באוקטובר 31', ')1998( גל מזון'). The bidi algorithm of a right-to-left paragraph: a
    left-to-right run starts with a Latin word and takes the numbers after it ('IBAN 1L37...');
    every other word, a bare number too, is read right to left ('17/06/25 14:42')."""
    directions = [_direction(word.text) for word in words_left_to_right]
    runs: list[list[Any]] = []
    index = 0
    while index < len(directions):
        end = index
        if directions[index] == "L":
            probe = index + 1
            while probe < len(directions) and directions[probe] != "R":
                if directions[probe] in ("L", "EN"):
                    end = probe
                probe += 1
        runs.append(list(words_left_to_right[index : end + 1]))
        index = end + 1
    return [word for run in reversed(runs) for word in run]


# What OCR reads a table's ruled line as, at the edge of a cell ("| Numéro")
_RULE_CRUMBS = frozenset({"|", "||", "[", "]", "¦", "!"})


def _without_rule_crumbs(group: list[Any]) -> list[Any]:
    """A cell's words (left to right) without the ruled-line crumbs at its edges."""
    start, end = 0, len(group)
    while end - start > 1 and group[start].text.strip() in _RULE_CRUMBS:
        start += 1
    while end - start > 1 and group[end - 1].text.strip() in _RULE_CRUMBS:
        end -= 1
    return group[start:end]


def split_cells(
    words: Sequence[Any], cell_gap: float = CELL_GAP, rtl_page: bool = False, ocr: bool = False
) -> list[Cell]:
    """Cells of one unit: words grouped where the horizontal gap is narrow, each in logical order."""
    if not words:
        return []
    order = {id(word): position for position, word in enumerate(words)}
    by_x = sorted(words, key=lambda word: word.left)
    height = statistics.median(max(1, word.height) for word in words)
    groups: list[list[Any]] = [[by_x[0]]]
    for previous, word in itertools.pairwise(by_x):
        # a ruled line OCR read as a bar between two words of a row ('30 Nov 2025 | 5923217') parts
        # two cells however narrow the gap (`_without_rule_crumbs` drops it from their edges)
        ruled = ocr and previous.text.strip() in _RULE_CRUMBS and len(groups[-1]) > 1
        if ruled or word.left - (previous.left + previous.width) > cell_gap * height:
            groups.append([])
        groups[-1].append(word)
    cells = []
    for group in map(_without_rule_crumbs, groups):
        logical = sorted(group, key=lambda word: order[id(word)])
        if rtl_page and ocr and any(_HEBREW.search(word.text) for word in group):
            logical = rtl_order_from_boxes(group)
        elif rtl_page:
            logical = rtl_mixed_order(logical)
        text = normalize_line(" ".join(word.text for word in logical))
        if text:
            box = _boxes_union([word_box(word) for word in group])
            font = statistics.median(word.height for word in group)
            confidence = statistics.fmean(getattr(word, "confidence", 1.0) for word in group)
            numbers = [getattr(w, "confidence", 1.0) for w in group if sum(map(str.isdigit, w.text)) >= 6]
            cells.append(Cell(text, box, font, confidence, min(numbers, default=1.0)))
    return cells


def is_speck(word: Any, typical_height: float) -> bool:
    """A word whose box is far smaller than any character of the page's print: a toner speck or
    dust OCR read as '.', ',', '\\' or even '2', standing between a label and its value."""
    small = word.height < SPECK_SIZE * typical_height and word.width < SPECK_SIZE * typical_height
    return small and word.text.strip() not in _DASHES  # a minus sign is as short, but wider


_DASHES = frozenset("-–—")


def without_specks(words: Sequence[Any]) -> list[Any]:
    """The words of an OCR page that are print, measured against the page's median word height."""
    heights = [word.height for word in words if word.text.strip()]
    if not heights:
        return []
    typical = statistics.median(heights)
    return [word for word in words if word.text.strip() and not is_speck(word, typical)]


def vertical_bands(words: list[Any]) -> list[list[Any]]:
    """A text layer's line split where its words share no height: PDFium joins text drawn without a
    line break into one line ('Client VAT ID 510294754' with the item table's rows under it), and
    words that do not overlap vertically are never one row. Words keep their order in each band."""
    bands: list[tuple[float, float, list[Any]]] = []  # top, bottom, members
    for word in words:
        bottom = word.top + word.height
        at = next((i for i, (top, low, _) in enumerate(bands) if word.top < low and bottom > top), None)
        if at is None:
            bands.append((word.top, bottom, [word]))
        else:
            top, low, members = bands[at]
            bands[at] = (min(top, word.top), max(low, bottom), [*members, word])
    return [members for _, _, members in sorted(bands, key=lambda band: band[0])]


def page_units(page: Any) -> list[Unit]:
    """The page's lines (by the words' `line` index), each with its cells."""
    ocr = getattr(page, "method", "") == "ocr"
    by_line: dict[int, list[Any]] = {}
    for word in without_specks(page.words) if ocr else page.words:
        if word.text.strip():
            by_line.setdefault(word.line, []).append(word)
    units = []
    cell_gap = OCR_CELL_GAP if ocr else CELL_GAP
    rtl_page = hebrew_ratio(page.text) > 0.3
    stored = by_line.values()
    for words in stored if ocr else [band for line in stored for band in vertical_bands(line)]:
        cells = split_cells(words, cell_gap, rtl_page, ocr)
        if not cells:
            continue
        text = " ".join(cell.text for cell in cells)
        unit = Unit(words, _boxes_union([cell.box for cell in cells]), hebrew_ratio(text) > 0.5, cells)
        units.append(unit)
    return units


def _same_row(row: list[Unit], unit: Unit) -> bool:
    row_box = _boxes_union([member.box for member in row])
    overlap = min(row_box.bottom, unit.box.bottom) - max(row_box.top, unit.box.top)
    shorter = min(statistics.median(m.box.height for m in row), unit.box.height) or 1.0
    no_collision = all(member.box.x_overlap(unit.box) <= 0.1 * unit.box.height for member in row)
    return overlap >= SAME_ROW_OVERLAP * shorter and no_collision


def group_rows(units: list[Unit]) -> list[list[Unit]]:
    """Units that share a vertical band form a row; rows top to bottom."""
    rows: list[list[Unit]] = []
    for unit in sorted(units, key=lambda unit: (unit.box.top + unit.box.bottom) / 2):
        # only the last few rows can still overlap a unit further down the page
        target = next((row for row in reversed(rows[-4:]) if _same_row(row, unit)), None)
        if target is None:
            rows.append([unit])
        else:
            target.append(unit)
    return rows


def row_cells(row: list[Unit], rtl_page: bool = False) -> list[Cell]:
    """The row's cells in reading order: right-to-left when most of its letters are Hebrew (or, for a
    row of numbers only, when the page is Hebrew)."""
    cells = [cell for unit in row for cell in unit.cells]
    text = " ".join(cell.text for cell in cells)
    rtl = hebrew_ratio(text) > 0.5 if any(ch.isalpha() for ch in text) else rtl_page
    return sorted(cells, key=lambda cell: -cell.box.right if rtl else cell.box.left)
