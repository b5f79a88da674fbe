"""The issue and due dates: each date by its label (issue, due, another date's, or none), in the cell
beside or under a label on pages with word boxes; a due date without a known label by its place."""

from __future__ import annotations

import re
from datetime import date

from . import document_labels
from .contact_words import PHONE
from .date_label_kinds import (
    before_own_label,
    continued_kind,
    date_kind,
    joins_an_issue_label,
    label_words,
    labelled_parts,
)
from .date_order import by_printed_term, in_order, issue_year_by_copy, years_apart_undone
from .date_places import outside_ranges, under_label
from .dates import FoundDate, dates_in
from .geometry import spots_after_label
from .lines import Found, Line, following
from .lost_separators import dates_with_a_separator_lost, dates_with_lost_slashes

DateReading = tuple[str | None, list[FoundDate], Line]  # label kind, dates, the line they are on


def _readings_by_part(text: str, line: Line, month_first: bool) -> list[DateReading]:
    """A text of two date labels or more, each before its dates ('Invoice Date: 05.01.2021 Due Date:
    19.01.2021'), read part by part; [] when it is not one."""
    parts = labelled_parts(text)
    if len(parts) < 2 or dates_in(text[: text.index(parts[0])], month_first):
        return []
    readings = [
        (date_kind(part), part_dates, line) for part in parts if (part_dates := dates_in(part, month_first))
    ]
    return readings if len(readings) > 1 else []


def _line_readings(lines: list[Line], line: Line, month_first: bool) -> list[DateReading]:
    """Pages without word boxes: the line's dates, or the next line's under a label closing its line;
    a line of two labels and their dates read part by part."""
    if by_part := _readings_by_part(line.text, line, month_first):
        return by_part
    kind = date_kind(line.text)
    found: list[FoundDate] = dates_in(line.text, month_first)
    if kind is None:
        found = outside_ranges(line.text, found)
    source = line
    if not found and kind in ("invoice", "due"):
        nxt = following(lines, line, 1)
        if nxt and not date_kind(nxt[0].text):
            found, source = dates_in(nxt[0].text, month_first), nxt[0]
            label = (document_labels.DATE_DUE if kind == "due" else document_labels.DATE_INVOICE).search(
                line.text
            )
            if found and label and label.start() > 0:
                found = found[-1:]  # the label heads a right-hand column
    return [(kind, found, source)] if found else []


def _cell_readings(lines: list[Line], line: Line, month_first: bool) -> list[DateReading]:
    """Pages with word boxes: each cell's own dates, or the date beside or under a date label."""
    readings: list[DateReading] = []
    taken: set[int] = set()  # cells read as a label's value are not unlabelled dates too
    start = 0
    header_row = table_header_row(line)
    for index, cell in enumerate(line.cells):
        if by_part := _readings_by_part(cell.text, line, month_first):
            readings += by_part  # two labels and their dates OCR read as one cell
            start += len(cell.text) + 1
            continue
        kind = date_kind(cell.text)
        if kind in ("invoice", "weak"):
            kind = continued_kind(line, index, lines) or kind  # a label OCR split: 'Fecha' | 'pedid'
        if kind == "weak" and index and _dates_another_labels_thing(line, index, month_first):
            kind = "other"  # 'ZUGFeRD-Version : | 2.1.1 vom 01.07.2020': 'vom' dates the version
        if kind == "invoice" and header_row:
            kind = "column"  # a table's Date column (payments, deliveries): not the document's date
        elif kind == "other" and joins_an_issue_label(cell.text):
            kind = "mixed"  # two header labels OCR read as one cell: whose value is under it is unsure
        found = dates_in(cell.text, month_first)
        if kind is None:
            found = outside_ranges(cell.text, found)
        if found and index not in taken:
            readings.append((kind, found, line))
        elif kind is not None and not found and (across := _date_across_cells(line, index, month_first)):
            readings.append((kind, across, line))
            taken.add(index + 1)
        elif kind is not None and not found:
            # the label's own words, where OCR joined it with other labels in one cell: the value
            # under those words is its own ('Belegdatum  Fälligkeitsdatum' over two dates)
            named = label_words(kind, cell.text)
            span = (start + named.start(), start + named.end()) if named else (start, start + len(cell.text))
            for spot in spots_after_label(lines, line, *span):
                if spot.relation == "next_cell" and _values_before_labels(line, index, month_first):
                    readings += _date_before_label(line, index, kind, taken, month_first)
                    break
                text = spot.text
                if spot.relation != "inline" and date_kind(text):
                    # a cell with a label of its own: only a date printed before that label is this
                    # one's ('Date d'émission:' | '03.06.2025 Période de facturation:')
                    text = before_own_label(text)
                value = dates_in(text, month_first)
                if kind != "other":  # a period beside an issue or due label is another field's value
                    value = outside_ranges(text, value)
                if value:
                    if spot.relation == "below" and len(value) > 1:
                        value = [under_label(cell, spot, value, named)]
                    readings.append((kind, value[:1], spot.line))
                    if spot.relation == "next_cell":
                        taken.add(index + 1)
                    break
            else:
                readings += _date_before_label(line, index, kind, taken, month_first)
        start += len(cell.text) + 1
    return readings


def _values_before_labels(line: Line, index: int, month_first: bool) -> bool:
    """A row printing each date before its label ('6 פברואר 2025 | תאריך חשבונית: | 16 פברואר 2025 |
    תאריך ערך', a key/value grid laid out value first): the date after this label is the next
    label's, and the one before it, which no label takes, is this one's."""
    cells = line.cells
    if index < 1 or index + 2 >= len(cells):
        return False
    before, after, next_label = cells[index - 1].text, cells[index + 1].text, cells[index + 2].text
    return bool(
        dates_in(before, month_first)
        and not date_kind(before)
        and dates_in(after, month_first)
        and not date_kind(after)
        and date_kind(next_label)
        and not dates_in(next_label, month_first)
    )


def _dates_another_labels_thing(line: Line, index: int, month_first: bool) -> bool:
    """The cell holds a date its weak qualifier ('vom', 'from') gives to the cell before it: another
    date's label ('Version :') with no date of its own. Not a weak label whose date is elsewhere
    ('PO Date' | 'Issued', their dates under them)."""
    before, cell = line.cells[index - 1].text, line.cells[index].text
    return bool(
        dates_in(cell, month_first) and date_kind(before) == "other" and not dates_in(before, month_first)
    )


def _date_across_cells(line: Line, index: int, month_first: bool) -> list[FoundDate]:
    """A date OCR split between the label's cell and the next at a gap in its print ('Date: 30' |
    'September 2025'): read across the two, a date that starts in the label's cell and ends in the next."""
    if index + 1 >= len(line.cells):
        return []
    head, tail = line.cells[index].text, line.cells[index + 1].text
    return [
        found
        for found in dates_in(f"{head} {tail}", month_first)
        if found.start < len(head) < found.start + len(found.raw)
    ][:1]


def _date_before_label(
    line: Line, index: int, kind: str, taken: set[int], month_first: bool
) -> list[DateReading]:
    """A date label with no date after or under it, a date in the cell before it that no label
    took: the value printed on the near side of its label ('3/2/2024 | Date d'émission | Lumière
    SAS', whose row's closing label OCR read without its colon)."""
    if index == 0 or index - 1 in taken or date_kind(line.cells[index - 1].text):
        return []
    value = dates_in(line.cells[index - 1].text, month_first)
    return [(kind, value[-1:], line)] if value else []


def _claimed(readings: list[DateReading]) -> set[tuple[int, int, date]]:
    """(page, line, date) of every date read as a label's value: not an unlabelled date too."""
    return {
        (source.page, source.index, item.value)
        for kind, found, source in readings
        if kind not in (None, "column", "mixed")  # a row under a header may also hold the page's date
        for item in found
    }


# a column of money: what makes a row of names a table's header, not a row of the header's labels
_AMOUNT_COLUMN = re.compile(
    r"\b(?:amount|sum|betrag|montant|importe|price|preis|prix|precio)\b|סכום|מחיר", re.I
)


def table_header_row(line: Line) -> bool:
    """A row of four or more column names, no values, one of them a money column ('Method | Bank |
    Branch | Cheque No. | Date | Amount'): a date under its Date column is the row's (a payment's, a
    delivery's). A row of the header's labels ('Invoice No. | Due Date | Date | Phone') has none, nor
    has one whose only money word is in a due date's label ('Tax Point | PO Number | Amount due by')."""
    return (
        len(line.cells) >= 4
        and not any(_holds_a_value(cell.text) for cell in line.cells)
        and any(_AMOUNT_COLUMN.search(cell.text) and date_kind(cell.text) is None for cell in line.cells)
    )


def _holds_a_value(text: str) -> bool:
    """Two digits or more: a value, not a column name with a speck OCR read as a digit ("7 מס'צק")."""
    return sum(ch.isdigit() for ch in text) >= 2


def find_dates(lines: list[Line], month_first: bool) -> tuple[Found | None, Found | None]:
    invoice: Found | None = None
    due: Found | None = None
    weak: Found | None = None
    others: list[Found] = []  # unlabelled dates, for a due date whose label we do not know
    bare: list[tuple[FoundDate, Line]] = []  # the first date of each reading no label names
    readings = [
        reading
        for line in lines
        for reading in (_cell_readings if line.cells else _line_readings)(lines, line, month_first)
    ]
    claimed = _claimed(readings)
    for kind, found, source in readings:
        first = found[0]
        if kind is None and (source.page, source.index, first.value) in claimed:
            continue  # a label's value (a delivery date under its label): not an unlabelled date
        if kind is None:
            others.append(Found(first.value.isoformat(), first.raw, source, 0.5))
        if kind == "invoice" and invoice is None:
            sure = 0.7 if first.repaired else 0.75 if first.ambiguous else 0.9
            invoice = Found(first.value.isoformat(), first.raw, source, sure)
        elif kind == "due" and due is None:
            due = Found(
                found[-1].value.isoformat(), found[-1].raw, source, 0.7 if found[-1].repaired else 0.85
            )
        elif kind == "weak" and weak is None:
            weak = Found(first.value.isoformat(), first.raw, source, 0.6)
        elif kind is None:
            bare.append((first, source))
    if invoice is None and weak is None and due is None and (pair := by_printed_term(others, lines)):
        return pair
    invoice = _named_over_bare(invoice, readings)
    issued = invoice or weak or likeliest_bare_date(bare) or _date_with_lost_separators(lines, month_first)
    if issued:
        issued = issue_year_by_copy(issued, [item.value for _, found, _ in readings for item in found])
    if issued and due:
        issued, due = years_apart_undone(issued, due)
    if issued and due:
        issued, due = in_order(issued, due, month_first)
    return issued, due or (_due_by_position(issued, others) if issued else None)


# The issue date's labels that say only "date" (no document, no issue): another date's too, its
# qualifier lost ('Order Date' read as 'Date' when OCR dropped the word at a column's edge)
_BARE_DATE_WORDS = frozenset({"date", "dated", "datum", "fecha", "data", "תאריך"})


def _names_the_issue(line: Line) -> bool:
    return any(
        " ".join(match.group(0).lower().split()) not in _BARE_DATE_WORDS
        for match in document_labels.DATE_INVOICE.finditer(line.text)
    )


def _named_over_bare(invoice: Found | None, readings: list[DateReading]) -> Found | None:
    """An issue date under a bare 'Date' yields to another date on a line whose label names the
    document or its issue ('Invoice Date', 'Rechnungsdatum', 'Date of issue')."""
    if invoice is None or _names_the_issue(invoice.line):
        return invoice
    for kind, found, source in readings:
        if kind == "invoice" and _names_the_issue(source) and found[0].value.isoformat() != invoice.value:
            sure = 0.7 if found[0].repaired else 0.75 if found[0].ambiguous else 0.9
            return Found(found[0].value.isoformat(), found[0].raw, source, sure)
    return invoice


# A till slip prints the sale's date before its time ('24-01-16 11:44', 'le 30/03/2018 à 12:36')
_TIME_AFTER = re.compile(r"^\s*(?:[aà@]\s*)?\d{1,2}\s?[:.]\s?\d{2}(?!\d)")


def likeliest_bare_date(bare: list[tuple[FoundDate, Line]]) -> Found | None:
    """Of the dates no label names, in reading order: the first read whole, on no phone line, with
    a time after it; else the first read whole off a phone line; else the first. A phone number or
    an item code OCR made date-shaped ('Tel. : 05.22,.95.66.66', 'XE11-22 - 30') often comes first."""

    def doubt(item: tuple[FoundDate, Line]) -> tuple[bool, bool, bool]:
        found, line = item
        at = line.text.find(found.raw)
        timed = at >= 0 and _TIME_AFTER.match(line.text[at + len(found.raw) :]) is not None
        return PHONE.search(line.text) is not None, found.repaired, not timed

    if not bare:
        return None
    found, line = min(bare, key=doubt)  # min keeps the first of equals
    return Found(found.value.isoformat(), found.raw, line, 0.55)


def _date_with_lost_separators(lines: list[Line], month_first: bool) -> Found | None:
    """No date read anywhere: the first one whose slashes OCR read as digits, or else the first one
    of whose separators OCR lost one, as a weak guess."""
    for read in (dates_with_lost_slashes, lambda text: dates_with_a_separator_lost(text, month_first)):
        for line in lines:
            found = read(line.text)
            if found:
                return Found(found[0].value.isoformat(), found[0].raw, line, 0.45)
    return None


def _due_by_position(issued: Found, others: list[Found]) -> Found | None:
    """A due date under a label no lexicon knows: the one other date in the invoice date's block
    (a few rows away) that falls 1-120 days after it. Delivery dates and periods come before."""
    after = [
        other
        for other in others
        if other.line.page == issued.line.page
        and abs(other.line.index - issued.line.index) <= 4
        and 1 <= (date.fromisoformat(other.value) - date.fromisoformat(issued.value)).days <= 120
    ]
    return after[0] if len(after) == 1 else None
