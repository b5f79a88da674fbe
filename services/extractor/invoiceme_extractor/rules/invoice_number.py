"""The invoice's own number: beside or under a number label (any direction), under a bare 'Nº' or
'Ref', or beside or under the title; never the number of another document it mentions. How a value
is read beside a label: `invoice_number_values`; the readings that need no label:
`unlabelled_invoice_number`."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from invoiceme_common.tax_id_formats import vat_number_valid

from .. import israel
from . import document_labels, party_labels
from .damaged_titles import cropped_type
from .geometry import cell_at, label_matches
from .invoice_number_values import number_after, numbers_in_spots, numbers_in_text
from .lines import Found, Line, Reading, first_found
from .tables import columns_span, is_header_row
from .unknown_number_label import numbers_by_unknown_label
from .unlabelled_invoice_number import lone_codes_at_top, numbers_after_title, numbers_beside_the_date


def _rest_of_label_cell(line: Line, label: re.Match[str]) -> str:
    index = cell_at(line, label.start()) if line.cells else None
    if index is None:
        return line.text[label.end() : label.end() + 12]
    cell_start = sum(len(c.text) + 1 for c in line.cells[:index])
    return line.cells[index].text[label.end() - cell_start :]


def _refers_elsewhere(line: Line, label: re.Match[str]) -> bool:
    """'For invoice: 325', 'N° de facture associée', 'Order No.': a number of another document
    (judged within the label's cell, so a street named 'דרך בגין' beside it does not count)."""
    index = cell_at(line, label.start()) if line.cells else None
    if index is not None:
        around = line.cells[index].text
    else:
        around = line.text[max(0, label.start() - 25) : label.end() + 12]
    return bool(document_labels.OTHER_DOCUMENT.search(around))


# A cell that is nothing but a word naming the document ("מסמך", "Document"): its number's label;
# also with a hyphenated abbreviation OCR garbled after it ('Dokument -wr' for Dokument-Nr., its
# point set apart: 'Dokument - זא .:')
_BARE_DOCUMENT_CELL = re.compile(
    r"\s*(?:מסמך|document|dokument|beleg|documento)(?:\s*-\s*[^\W\d_]{1,3}\s?\.?)?\s*(?::|::|;)?\s*", re.I
)  # its colon doubled, or read as a semicolon, by OCR ('מסמך::')


def _number_labels(line: Line) -> list[re.Match[str]]:
    """Invoice-number labels of a line: the label words anywhere, and cells holding only a bare
    document word (the value in the cell beside or under it)."""
    found = label_matches(document_labels.INVOICE_NUMBER, line)
    start = 0
    for cell in line.cells:
        bare = _BARE_DOCUMENT_CELL.fullmatch(line.text, start, start + len(cell.text))
        if bare and not any(start <= match.start() < start + len(cell.text) for match in found):
            found.append(bare)
        start += len(cell.text) + 1
    return found


def _numbers_by_labels(lines: list[Line]) -> Iterator[Reading]:
    for line in lines:
        for label in _number_labels(line):
            if party_labels.TAX_ID.search(_rest_of_label_cell(line, label)) or _refers_elsewhere(line, label):
                continue  # "Document / VAT No. 123" names an id, not the invoice number
            if line.cells:
                yield from numbers_in_spots(lines, line, label.start(), label.end())
            else:
                yield from numbers_in_text(lines, line, label)


def invoice_number_candidates(lines: list[Line]) -> Iterator[Reading]:
    """Every number the rules consider for the document's own number, in their order: beside or under
    a number label first, then a weak label, the title, a label of unknown noun, the date's block.
    The first is the invoice number; the rest are its ranked alternatives (read lazily, so finding
    the first costs what it did). As in the rules, numbers by no label at all (after the title, in
    the date's block) are considered only when no label names one."""
    labelled = False
    for reading in itertools.chain(_numbers_by_labels(lines), _numbers_by_weak_label(lines)):
        labelled = True
        yield reading
    if not labelled:
        yield from numbers_after_title(lines)
    yield from _numbers_by_unknown_noun(lines)
    if not labelled:
        yield from numbers_beside_the_date(lines)
        yield from numbers_by_unknown_label(lines)
        yield from lone_codes_at_top(lines)


# '03-5235735', '077-1234567': an Israeli phone number's shape, never a document's number
_PHONE_SHAPE = re.compile(r"0\d{1,2}-\d{7}")


# An Israeli company or person id as ids are printed, its check digit set apart (52-935577-8) or in
# threes (518-649-215): a registration number, which no issuer groups its invoice numbers like
_GROUPED_ISRAELI_ID = re.compile(r"\d{2}-\d{6}-\d|\d{3}-\d{3}-\d{3}")


def registration_number(value: str) -> bool:
    """A party's VAT or company registration number, by shape and check digit: an EU VAT number
    ('DE321304474') or a grouped Israeli id. When OCR lost the label beside it, a garbled label's
    reading takes it for the document's number; no issuer numbers invoices with a valid one. An EU
    number printed in groups ('ESA-73471401', 'GB 894 2862 76') is read joined."""
    joined = re.sub(r"[\s.-]", "", value)
    if re.fullmatch(r"[A-Z]{2}[0-9A-Z]{8,12}", joined) and any(ch.isdigit() for ch in joined[2:4]):
        return vat_number_valid(joined)
    if _GROUPED_ISRAELI_ID.fullmatch(value):
        return israel.israeli_id_is_valid(value.replace("-", ""))
    return False


# '00/0', '0-00': zeros and marks only, a logo's or a rule's crumbs read beside the title: no number
_ZEROS_ONLY = re.compile(r"[0\W_]+")


_CODE_ENDING = re.compile(r"(?<![A-Za-z])([A-Z]{2})[\s.-]?$")


def _with_country_code(reading: Reading) -> str:
    """The reading with the two capitals printed before it ('IE 1873758S' read as '1873758S' beside
    a number label across the row): an EU VAT number's country code, or ''."""
    at = reading.line.text.find(reading.raw) if reading.line is not None and reading.raw else -1
    printed = _CODE_ENDING.search(reading.line.text[max(0, at - 4) : at]) if at > 0 and reading.line else None
    return printed.group(1) + str(reading.value) if printed else ""


def find_invoice_number(lines: list[Line]) -> Found | None:
    return first_found(
        reading
        for reading in invoice_number_candidates(lines)
        if not _PHONE_SHAPE.fullmatch(value := str(reading.value))
        and not registration_number(value)
        and not registration_number(_with_country_code(reading))
        and not _ZEROS_ONLY.fullmatch(value)
    )


def _bare_or_numbered(rest: str) -> bool:
    """After a weak label: nothing but OCR crumbs (the value is in another cell: 'Ref: -' |
    '-B882325') or the value itself ('Ref: 4607')."""
    # the value may open with word groups joined by underscores ('# BLR_WFLD2015100'), as shop
    # systems write their codes
    return not any(ch.isalnum() for ch in rest) or bool(
        re.match(r"\s*(?:[A-Za-z]{1,10}_){0,3}[A-Z]{0,4}[-/#]?\d", rest)
    )


# "<something> No.:" / "מספר <something>": a number label whose noun we do not know (a voucher, a
# slip, a bill...), for the document's own number only when nothing better names it and the noun is
# none of the numbers an invoice also prints (phone, VAT, customer, order, account, page...)
_SOME_NUMBER = re.compile(
    r"^\s*(?:[^\d:]{2,30}?\s*(?:no|nr|number|num|nummer|número|numéro|n[º°o]|#|מס')\.?|(?:מספר|מס')\s+\S{2,12})\s*:?",
    re.I,
)


def _numbers_by_unknown_noun(lines: list[Line]) -> Iterator[Reading]:
    for line in lines[:30]:
        for index, cell in enumerate(line.cells):
            match = _SOME_NUMBER.match(cell.text)
            if (
                not match
                or document_labels.OTHER_NUMBER_WORDS.search(match.group(0))
                or party_labels.BUYER_BLOCK.search(match.group(0))
            ):
                continue
            if document_labels.OTHER_DOCUMENT.search(cell.text) or not _bare_or_numbered(
                cell.text[match.end() :]
            ):
                continue
            start = sum(len(c.text) + 1 for c in line.cells[:index])
            for found in numbers_in_spots(lines, line, start, start + match.end(), weak=True):
                yield Reading(found.value, 0.6, found.raw, found.line, found.label)


# 'Atlas & Granite Limited INVOICE / RECEIPT Reference No.': OCR ran the header's cells into one, the
# number's label last in it and its value under it; the label's own words must be a reference's
_REFERENCE_ENDING_CELL = re.compile(r"(?<!\w)r[ée]f(?:[ée]rence)?\.?\s*(?:no|nr|n[º°o]|#)\.?\s*:?\s*$", re.I)


# ... or the bare word after the document's title ('Ticket de caisse Référence', a text layer's cell)
_REFERENCE_AFTER_TITLE = re.compile(r"(?<!\w)(?:r[ée]f[ée]rence|referencia)\s*:?\s*$", re.I)


def _weak_label_in(text: str) -> re.Match[str] | None:
    """A weak label opening the cell, or a reference label ending a cell OCR joined to others."""
    opening = document_labels.INVOICE_NUMBER_WEAK.match(text)
    if opening:
        return opening
    ending = _REFERENCE_ENDING_CELL.search(text)
    if ending is None and (bare := _REFERENCE_AFTER_TITLE.search(text)) is not None:
        ending = bare if cropped_type(text[: bare.start()]) is not None else None
    if ending is None:
        return None
    # 'Customer Reference No.', 'Your ref. #': the customer's reference, not the document's number
    word_before = (text[: ending.start()].split() or [""])[-1]
    if document_labels.OTHER_NUMBER_WORDS.search(word_before) or _THEIR_REFERENCE.fullmatch(word_before):
        return None
    return ending


def _label_cell_apart(line: Line, index: int, at: int) -> tuple[Line, int]:
    """The line with its cell `index` cut where a label ending it starts (character `at`), the label's
    box estimated from its characters' share of the cell's width; and where the label starts."""
    cell = line.cells[index]
    cut = cell.box.left + at / max(len(cell.text), 1) * (cell.box.right - cell.box.left)
    head = replace(cell, text=cell.text[:at].rstrip(), box=replace(cell.box, right=cut))
    label = replace(cell, text=cell.text[at:], box=replace(cell.box, left=cut))
    cells = (*line.cells[:index], head, label, *line.cells[index + 1 :])
    start = sum(len(c.text) + 1 for c in cells[: index + 1])
    return replace(line, text=" ".join(c.text for c in cells), cells=cells), start


_THEIR_REFERENCE = re.compile(r"your|ihre?|votre|su|vuestra", re.I)


def _in_item_table(line: Line, header: Line) -> bool:
    """The line is the item table's header or under it, within its width (a side panel beside the
    table is not); text without word boxes goes by its order."""
    span = columns_span(header)
    if line.box is None or header.box is None or span is None:
        return line.index >= header.index
    beside = line.box.left >= span[1] or line.box.right <= span[0]
    return line.page == header.page and line.box.top >= header.box.top and not beside


def _numbers_by_weak_label(lines: list[Line]) -> Iterator[Reading]:
    """'Nº', 'Ref', 'No.' alone: an invoice number only when no invoice-number label is printed, and
    above the item table: under its header a 'Ref. 952047' is an item's (its article's reference)."""
    header = next((line for line in lines[:40] if is_header_row(line)), None)
    for line in lines[:40]:
        if header is not None and _in_item_table(line, header):
            continue
        for index, cell in enumerate(line.cells):
            match = _weak_label_in(cell.text)
            if match and _bare_or_numbered(cell.text[match.end() :]):
                labelled, start = line, sum(len(c.text) + 1 for c in line.cells[:index])
                if match.start() > 0:  # a label ending a joined cell: its value is under its own part
                    labelled, start = _label_cell_apart(line, index, match.start())
                end = start + len(match.group(0))
                yield from numbers_in_spots(lines, labelled, start, end, weak=True)
        match = None if line.cells else document_labels.INVOICE_NUMBER_WEAK.match(line.text)
        if match and _bare_or_numbered(line.text[match.end() :]):
            token = number_after(line.text[match.end() :].lstrip(" :#.-"))
            if token:
                yield Reading(token, 0.7, token, line, match.group(0).strip())
