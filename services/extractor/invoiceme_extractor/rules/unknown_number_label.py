"""The document's number under a label no lexicon knows ('Gastou: A147104', 'סצתאפמ' over '7377243'):
a header cell of one to three words that no label of ours claims (no date, id, party, total, phone or
other document's number), with a document-number-shaped code after it in its cell, in the next cell
of its row, or under it. Said with low confidence, and considered only when no label of ours names a
number (invoice_number.invoice_number_candidates)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import israel
from . import document_labels, labels, party_labels
from .contact_words import PHONE
from .dates import dates_in
from .layout import Cell
from .lines import Line, Reading, following
from .name_units import priced_row

HEADER_LINES = 20
CONFIDENCE = 0.4
_COLUMN_REACH = 4  # lines down to the label's value: another column's lines may come between
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
# one to three words of letters (and the marks labels carry: מס', ח"פ, Nr.), then ':' or '#' or nothing
_WORDS = r"[^\W\d_][^\W\d_'\".]*(?:[ \-][^\W\d_][^\W\d_'\".]*){0,2}"
_LABEL_ALONE = re.compile(rf"^\s*({_WORDS})\s*[:#]?\s*$")
_LABEL_AND_VALUE = re.compile(rf"^\s*({_WORDS})\s*[:#]\s*(\S+)\s*$")
# a right-to-left row whose cells read value first: '1142 | סצתאפמ:'
_VALUE_AND_LABEL = re.compile(rf"^\s*(\S+)\s+({_WORDS})\s*:\s*$")
# a document number's shape: a short letter prefix, digits with - or / between them, a letter after
DOCUMENT_CODE = re.compile(r"[A-Z]{0,4}[-/]?\d[\d/-]{2,14}[A-Z]?", re.I)
_CLAIMED = (
    party_labels.TAX_ID,
    document_labels.DATE_INVOICE,
    document_labels.DATE_DUE,
    document_labels.DATE_OTHER,
    party_labels.ALLOCATION,
    party_labels.BUYER_BLOCK,
    party_labels.SELLER_BLOCK,
    labels.TOTAL_STRONG,
    labels.TOTAL_PLAIN,
    labels.SUBTOTAL,
    labels.VAT,
    document_labels.OTHER_DOCUMENT,
    party_labels.COMPANY_SUFFIX,  # a company's name over its founding year is no label
    PHONE,
    document_labels.OTHER_NUMBER_WORDS,
)


def unclaimed_label(text: str) -> bool:
    """Words that read as a label and that no label of ours (nor another number's word) claims."""
    return not any(pattern.search(text) for pattern in _CLAIMED)


def document_code(text: str) -> str | None:
    """The text when it is one document-number-shaped code of 4+ digits (not a date, phone, amount or
    year)."""
    code = text.strip(" :#.")
    if not DOCUMENT_CODE.fullmatch(code) or len(re.sub(r"\D", "", code)) < 4:
        return None
    if dates_in(code) or PHONE.search(code) or re.fullmatch(r"\d{1,3}(?:,\d{3})+|(?:19|20)\d\d", code):
        return None  # a date, a phone, an amount, a year
    if israel.is_israeli_id_shape(code) and israel.israeli_id_is_valid(code):
        return None  # a party's id whose label OCR lost (numbers_in leaves them out alike)
    return code


def _value_under(lines: list[Line], line: Line, cell: Cell | None) -> str | None:
    """The code under the label: on a page without boxes the next line; with boxes the first of the
    next lines with a cell under the label's (sharing some width: two columns' lines interleave)."""
    if cell is None:
        nxt = following(lines, line, 1)
        return document_code(nxt[0].text) if nxt else None
    for below in following(lines, line, _COLUMN_REACH):
        under = [index for index, other in enumerate(below.cells) if other.box.x_overlap(cell.box) > 0]
        if len(under) == 1:
            index = under[0]
            if index and _labels_its_row(below.cells[index - 1].text):
                return None  # 'DE' over 'Steuernummer: | 201/113/40209': the number is its own label's
            return document_code(below.cells[index].text)
    return None


def _labels_its_row(text: str) -> bool:
    """A cell that labels the value beside it: a label of ours, or words ending in a colon."""
    return not unclaimed_label(text) or bool(_LABEL_ALONE.match(text) and text.rstrip().endswith(":"))


def numbers_by_unknown_label(lines: list[Line]) -> Iterator[Reading]:
    for line in lines[:HEADER_LINES]:
        # an item's row ('52405 | ארוחת צהריים | 3 | 10285.00'): a code beside its description is the
        # item's catalogue number; a label's value under it (a side panel OCR joined to the row) stays
        item_row = priced_row(line.text)
        cells: list[Cell | None] = list(line.cells) or [None]
        for index, cell in enumerate(cells):
            text = cell.text if cell is not None else line.text
            if (pair := _LABEL_AND_VALUE.match(text)) and unclaimed_label(pair.group(1)):
                if code := document_code(pair.group(2)):
                    yield Reading(code, CONFIDENCE, code, line, pair.group(1))
                continue
            pair = _VALUE_AND_LABEL.match(text)
            if pair and unclaimed_label(pair.group(2)) and (code := document_code(pair.group(1))):
                yield Reading(code, CONFIDENCE, code, line, pair.group(2))
                continue
            alone = _LABEL_ALONE.match(text)
            if alone is None or not unclaimed_label(alone.group(1)):
                continue
            # the next cell; for a Hebrew label also the one before it (a right-to-left row whose cells
            # come value first: '1142 | סצתאפמ:')
            before = cells[max(0, index - 1) : index] if _HEBREW.search(text) else []
            beside = [c for c in (cells[index + 1 : index + 2] + before) if c]
            code = (
                None if item_row else next((found for c in beside if (found := document_code(c.text))), None)
            )
            code = code or _value_under(lines, line, cell)
            if code:
                yield Reading(code, CONFIDENCE, code, line, alone.group(1))
