"""The document's number where no label names it: after or under the title, beside the date in the
header's block of values, or a lone code near the top; each said with low confidence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import document_labels
from .contact_words import PHONE
from .date_fields import table_header_row
from .dates import dates_in
from .invoice_number_values import number_after, numbers_in, numbers_in_spots, plausible_below_label
from .layout import Cell
from .lines import Line, Reading
from .name_units import priced_row
from .titles import DOCUMENT_TYPES, title_cell, type_of
from .unknown_number_label import DOCUMENT_CODE


def numbers_after_title(lines: list[Line]) -> Iterator[Reading]:
    """'INVOICE 2024-117' / 'Rechnung 4711': a number right after the title (or beside or under the
    title's cell: the largest print naming a document type), when no label names one."""
    title = title_cell(lines)
    if title is not None:
        line, index, _ = title
        start = sum(len(c.text) + 1 for c in line.cells[:index])
        named = type_of(line.cells[index].text)
        end = start + (named[1].end() if named else len(line.cells[index].text))
        found_any = False
        # a lone digit in or by the title is a speck OCR read ('קבלה 7 מקור'), never a document's number
        readings = (r for r in numbers_in_spots(lines, line, start, end, weak=True) if len(str(r.value)) > 1)
        for rank, found in enumerate(readings):
            found_any = True
            if found.line is not None and found.line.index - line.index <= 1:
                yield Reading(found.value, 0.6, found.raw, found.line, found.label)
            elif rank == 0:
                return  # the nearest reading is too far from the title: the rules take none
        if not found_any:
            yield from _code_set_right_under(lines, line, line.cells[index])
        return
    for line in lines[:15]:
        for _, pattern in DOCUMENT_TYPES:
            match = pattern.search(line.text)
            if match is None or document_labels.OTHER_DOCUMENT.search(line.text):
                continue
            rest = line.text[match.end() :].lstrip(" :#.-")
            token = number_after(rest[:30]) if rest[:1].isalnum() else None
            if token and rest.startswith(token) and any(ch.isdigit() for ch in token):
                yield Reading(token, 0.6, token, line, match.group(0).strip())


def _lone_code(cell: Cell) -> str | None:
    """A cell holding nothing but a document-number-shaped code (not a date, amount, id or phone)."""
    return _code_alone(cell.text)


def _code_after_dates(cell: Cell) -> str | None:
    """'01/05/2025 - 31/05/2025 3854500': a period's column and the number's beside it, which OCR
    joined into one cell; the code left once its dates are taken out."""
    found = dates_in(cell.text)
    if not found:
        return None
    rest = cell.text
    for date in found:
        rest = rest.replace(date.raw, " ")
    return _code_alone(_PERIOD_DASHES.sub(" ", rest))


_PERIOD_DASHES = re.compile(r"(?:^|\s)[-–]+(?=\s|$)")


def _code_alone(text: str) -> str | None:
    text = text.strip(" :#.")
    tokens = numbers_in(text)
    shaped_like_id = not text[1:].isdigit() or len(text) == 9  # '$3445751-0', '$12261827': a 5 read '$'
    if len(tokens) == 1 and text[:1] in "$€©" and not shaped_like_id and tokens[0][1:] == text[1:]:
        # '$319739': the code's S read as a dollar sign (numbers_in reads it back); never what may be
        # a 9-digit id whose 5 OCR read so
        text = tokens[0]
    if tokens != [text] or not DOCUMENT_CODE.fullmatch(text) or len(re.sub(r"\D", "", text)) < 4:
        return None
    return text if plausible_below_label(text) and not PHONE.search(text) else None


def _code_set_right_under(lines: list[Line], line: Line, title: Cell) -> Iterator[Reading]:
    """A title set right with its number under it, right edges aligned ('Factura simplificada' over
    '2024-3672'): the cell under the title's words is the address line beside it, so the number is
    looked for by the edge it shares with the title, on the next line only."""
    if line.index + 1 >= len(lines) or lines[line.index + 1].page != line.page:
        return
    below = lines[line.index + 1]
    for cell in below.cells:
        code = _lone_code(cell)
        if code is not None and abs(cell.box.right - title.box.right) <= max(title.box.height, 1.0):
            yield Reading(code, 0.5, code, below, title.text)


def _one_column(cell: Cell, date: Cell) -> bool:
    """A cell stacked with the date in its column: their left edges aligned, or their right edges (a
    column set flush right, as a right-to-left page sets its header's values: '30 בינואר 2025' over
    '8123') when the cell is in the date's print size (a label OCR read as digits, '1507' for
    'מספר מסמך', is in a label's smaller print)."""
    slack = 2 * max(date.box.height, 1.0)
    if abs(cell.box.left - date.box.left) <= slack:
        return True
    return abs(cell.box.right - date.box.right) <= slack and cell.box.height >= _VALUE_SIZE * date.box.height


_VALUE_SIZE = 0.8  # a share of the date's height under which a cell is in smaller print than a value


def numbers_beside_the_date(lines: list[Line]) -> Iterator[Reading]:
    """Labels OCR lost: in the header's block of values the document's number sits next to its date
    (the cell above or below it in its column, or beside it in its row); said with low confidence."""
    for line in lines[:15]:
        if any(table_header_row(above) for above in lines[max(0, line.index - 3) : line.index]):
            continue  # a payment's row under its table's header ('Cheque | 10069 | 05-01-2025'): its date
        for cell in line.cells:
            if not dates_in(cell.text) or len(cell.text) > 24:
                continue
            near = [
                c
                for row in lines[max(0, line.index - 1) : line.index + 2]
                for c in row.cells
                if c is not cell
            ]
            same_column = [c for c in near if _one_column(c, cell)]
            # in the date's row, nearest first: the number printed beside the date, not a customer's
            # or an order's number further along ('994737 | INV-21643 | 02.04.2024')
            beside = sorted(line.cells, key=lambda other: other.box.x_gap(cell.box))
            for candidate in same_column + beside:
                code = _lone_code(candidate) or (
                    _code_after_dates(candidate) if candidate is not cell else None
                )
                if code is None:
                    continue
                holder = next(row for row in lines if candidate in row.cells)
                if not priced_row(holder.text):  # an item's code (a table row OCR joined to the date's)
                    yield Reading(code, 0.45, code, holder)


def lone_codes_at_top(lines: list[Line]) -> Iterator[Reading]:
    """Every label lost (a photo's header read without its words): a line near the top that holds
    nothing but a code of 5+ digits (not a year, date, amount, id or phone); said with low confidence."""
    for line in lines[:8]:
        code = _lone_code(line.cells[0]) if len(line.cells) == 1 else None
        if code is not None and len(re.sub(r"\D", "", code)) >= 5:
            yield Reading(code, 0.4, code, line)
