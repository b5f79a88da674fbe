"""The invoice's own number: beside or under a number label (any direction), under a bare 'Nº' or
'Ref', or beside or under the title; never the number of another document it mentions."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from .. import israel
from . import document_labels, party_labels
from .contact_words import PHONE
from .dates import dates_in
from .geometry import cell_at, label_matches, spots_after_label
from .id_shapes import ids_in
from .layout import Cell
from .lines import Found, Line, Reading, first_found, following
from .titles import DOCUMENT_TYPES, title_cell, type_of
from .unknown_number_label import DOCUMENT_CODE, numbers_by_unknown_label
from .vat_numbers import normalize_tax_id

_NUMBER_TOKEN = re.compile(r"(?<![\w/-])([A-Z]{0,6}[-/#]?\d(?:[\w\-/.]{0,24}\w)?)(?![\w])", re.I)


# OCR reads a 1 after a capital prefix as a lowercase l: "Al648" is A1648 (ids mix no lowercase l in)
_LOWERCASE_L_AS_ONE = re.compile(r"(?<=[A-Z])l(?=\d{2})")


# OCR reads a letter S opening an id as a dollar sign: "$529672" for S529672 (money has decimals),
# or as both ("S$529672"); and a C as a euro or copyright sign: "€72291", "©499974" for C72291, C499974
_DOLLAR_AS_S = re.compile(r"(?<![A-Za-z])S?\$(?=\d{4,}(?![\d.,]))")
_EURO_AS_C = re.compile(r"[€©](?=\d{4,}(?![\d.,]))")


# OCR splits a number after its prefix's hyphen or slash: "FAC- 11007" is FAC-11007, "83/ 1808" 83/1808
_SPACE_AFTER_PREFIX = re.compile(r"(?<![\w/-])([A-Z]{1,6}-|\d{1,4}/)\s(?=\d{3})")


# a word with one letter OCR read as a digit ('emisi6n' for emisión): lower case on both sides of
# it, which no printed document number has
_MISREAD_WORD = re.compile(r"[A-Za-z]?[a-z]{2,}\d[a-z]+")


def _numbers_in(text: str) -> list[str]:
    text = _EURO_AS_C.sub("C", _DOLLAR_AS_S.sub("S", _SPACE_AFTER_PREFIX.sub(r"\1", text)))
    # tax ids are not the invoice's number; a 9-digit number is one only if its check digit says so
    ids = {
        value
        for found in ids_in(text, generic=False)
        if not israel.is_israeli_id_shape(value := normalize_tax_id(found))
        or israel.israeli_id_is_valid(value)
    }
    tokens = []
    for match in _NUMBER_TOKEN.finditer(text):
        token = match.group(1).rstrip(".")
        if dates_in(token) or re.fullmatch(r"\d{1,2}[.,]\d{2}", token) or len(token) > 24:
            continue
        if re.fullmatch(r"[\d.,]+", token) and re.search(r"[.,]\d{2}$", token):
            continue  # an amount, not a number
        if normalize_tax_id(token) in ids or _MISREAD_WORD.fullmatch(token):
            continue
        tokens.append(_LOWERCASE_L_AS_ONE.sub("1", token))
    return tokens


def _number_after(text: str) -> str | None:
    tokens = _numbers_in(text)
    return tokens[0] if tokens else None


def _plausible_below_label(token: str) -> bool:
    """A line under a label holds other columns too: skip OCR crumbs (under three characters, or
    under three digits with no letter: '0/9' between 'מספר:' and its number) and valid Israeli tax ids."""
    digits, letters = sum(ch.isdigit() for ch in token), any(ch.isalpha() for ch in token)
    if len(token) < 3 or (digits < 3 and not letters):
        return False
    return not (israel.is_israeli_id_shape(token) and israel.israeli_id_is_valid(token))


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


# A cell that is nothing but a word naming the document ("מסמך", "Document"): its number's label
_BARE_DOCUMENT_CELL = re.compile(r"\s*(?:מסמך|document|beleg|documento)\s*:?\s*", re.I)


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
                yield from _numbers_in_spots(lines, line, label.start(), label.end())
            else:
                yield from _numbers_in_text(lines, line, label)


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
        yield from _numbers_after_title(lines)
    yield from _numbers_by_unknown_noun(lines)
    if not labelled:
        yield from _numbers_beside_the_date(lines)
        yield from numbers_by_unknown_label(lines)
        yield from _lone_codes_at_top(lines)


# '03-5235735', '077-1234567': an Israeli phone number's shape, never a document's number
_PHONE_SHAPE = re.compile(r"0\d{1,2}-\d{7}")


def find_invoice_number(lines: list[Line]) -> Found | None:
    return first_found(
        reading
        for reading in invoice_number_candidates(lines)
        if not _PHONE_SHAPE.fullmatch(str(reading.value))
    )


def _numbers_in_text(lines: list[Line], line: Line, label: re.Match[str]) -> Iterator[Reading]:
    """Pages without word boxes: after the label on its line, or on the next line."""
    named = label.group(0).strip()
    token = _number_after(line.text[label.end() :].lstrip(" :#.-"))
    if token:  # only the first after the label: later ones follow other labels ('Order: 77')
        yield Reading(token, 0.9, token, line, named)
    if line.text[label.end() :].strip(" :#.-") == "":
        for nxt in following(lines, line, 1):
            tokens = [
                t for t in _numbers_in(party_labels.TAX_ID.sub(" ", nxt.text)) if _plausible_below_label(t)
            ]
            # A label closing its line heads a right-hand column: its value closes the next line.
            for token in reversed(tokens) if label.start() > 0 else tokens:
                yield Reading(token, 0.75, token, nxt, named)


_SPOT_CONFIDENCE = {
    "inline": 0.9,
    "next_cell": 0.85,
    "row_rest": 0.75,
    "prev_cell": 0.8,
    "below": 0.8,
    "next_line": 0.75,
}


def _dominates(token: str, text: str) -> bool:
    """A neighbouring cell is a value when the token is most of it (not '151' in a street address)."""
    return len(token) >= 0.5 * len("".join(text.split()))


def _numbers_in_spots(
    lines: list[Line], line: Line, start: int, end: int, weak: bool = False
) -> Iterator[Reading]:
    """Number-shaped tokens beside or under an invoice-number label (pages with boxes), nearest
    spot first; the score is the spot's (a weak label's lower)."""
    named = line.text[start:end].strip()
    for spot in spots_after_label(lines, line, start, end):
        text = spot.text.lstrip(" :#.-")
        if spot.relation != "inline" and (
            document_labels.INVOICE_NUMBER.search(text) or party_labels.TAX_ID.search(text)
        ):
            continue  # the neighbouring cell is another label, not this one's value
        if spot.relation != "inline" and PHONE.search(text):
            continue  # 'Tel 08-7556970' beside the label
        tokens = [
            t
            for t in _numbers_in(text)
            if spot.relation == "inline" or (_plausible_below_label(t) and _dominates(t, text))
        ]
        confidence = _SPOT_CONFIDENCE[spot.relation] - (0.15 if weak else 0.0)
        # beside the label only the first: later ones in its cell follow other labels ('Order: 77')
        for token in tokens[:1] if spot.relation == "inline" else tokens:
            yield Reading(token, confidence, token, spot.line, named)


def _bare_or_numbered(rest: str) -> bool:
    """After a weak label: nothing but OCR crumbs (the value is in another cell: 'Ref: -' |
    '-B882325') or the value itself ('Ref: 4607')."""
    return not any(ch.isalnum() for ch in rest) or bool(re.match(r"\s*[A-Z]{0,4}[-/#]?\d", rest))


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
            for found in _numbers_in_spots(lines, line, start, start + match.end(), weak=True):
                yield Reading(found.value, 0.6, found.raw, found.line, found.label)


def _numbers_by_weak_label(lines: list[Line]) -> Iterator[Reading]:
    """'Nº', 'Ref', 'No.' alone: an invoice number only when no invoice-number label is printed."""
    for line in lines[:40]:
        for index, cell in enumerate(line.cells):
            match = document_labels.INVOICE_NUMBER_WEAK.match(cell.text)
            if match and _bare_or_numbered(cell.text[match.end() :]):
                start = sum(len(c.text) + 1 for c in line.cells[:index])
                yield from _numbers_in_spots(lines, line, start, start + match.end(), weak=True)
        match = None if line.cells else document_labels.INVOICE_NUMBER_WEAK.match(line.text)
        if match and _bare_or_numbered(line.text[match.end() :]):
            token = _number_after(line.text[match.end() :].lstrip(" :#.-"))
            if token:
                yield Reading(token, 0.7, token, line, match.group(0).strip())


def _numbers_after_title(lines: list[Line]) -> Iterator[Reading]:
    """'INVOICE 2024-117' / 'Rechnung 4711': a number right after the title (or beside or under the
    title's cell: the largest print naming a document type), when no label names one."""
    title = title_cell(lines)
    if title is not None:
        line, index, _ = title
        start = sum(len(c.text) + 1 for c in line.cells[:index])
        named = type_of(line.cells[index].text)
        end = start + (named[1].end() if named else len(line.cells[index].text))
        for rank, found in enumerate(_numbers_in_spots(lines, line, start, end, weak=True)):
            if found.line is not None and found.line.index - line.index <= 1:
                yield Reading(found.value, 0.6, found.raw, found.line, found.label)
            elif rank == 0:
                return  # the nearest reading is too far from the title: the rules take none
        return
    for line in lines[:15]:
        for _, pattern in DOCUMENT_TYPES:
            match = pattern.search(line.text)
            if match is None or document_labels.OTHER_DOCUMENT.search(line.text):
                continue
            rest = line.text[match.end() :].lstrip(" :#.-")
            token = _number_after(rest[:30]) if rest[:1].isalnum() else None
            if token and rest.startswith(token) and any(ch.isdigit() for ch in token):
                yield Reading(token, 0.6, token, line, match.group(0).strip())


def _lone_code(cell: Cell) -> str | None:
    """A cell holding nothing but a document-number-shaped code (not a date, amount, id or phone)."""
    text = cell.text.strip(" :#.")
    tokens = _numbers_in(text)
    if tokens != [text] or not DOCUMENT_CODE.fullmatch(text) or len(re.sub(r"\D", "", text)) < 4:
        return None
    return text if _plausible_below_label(text) and not PHONE.search(text) else None


def _numbers_beside_the_date(lines: list[Line]) -> Iterator[Reading]:
    """Labels OCR lost: in the header's block of values the document's number sits next to its date
    (the cell above or below it in its column, or beside it in its row); said with low confidence."""
    for line in lines[:15]:
        for cell in line.cells:
            if not dates_in(cell.text) or len(cell.text) > 24:
                continue
            near = [
                c
                for row in lines[max(0, line.index - 1) : line.index + 2]
                for c in row.cells
                if c is not cell
            ]
            same_column = [
                c for c in near if abs(c.box.left - cell.box.left) <= 2 * max(cell.box.height, 1.0)
            ]
            for candidate in same_column + list(line.cells):
                code = _lone_code(candidate)
                if code is not None:
                    holder = next(row for row in lines if candidate in row.cells)
                    yield Reading(code, 0.45, code, holder)


def _lone_codes_at_top(lines: list[Line]) -> Iterator[Reading]:
    """Every label lost (a photo's header read without its words): a line near the top that holds
    nothing but a code of 5+ digits (not a year, date, amount, id or phone); said with low confidence."""
    for line in lines[:8]:
        code = _lone_code(line.cells[0]) if len(line.cells) == 1 else None
        if code is not None and len(re.sub(r"\D", "", code)) >= 5:
            yield Reading(code, 0.4, code, line)
