"""Reading a document number's value: the number-shaped tokens of a text (OCR's misread prefixes
repaired; dates, amounts and tax ids left out), and those beside or under a number label."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import israel
from . import document_labels, party_labels
from .contact_words import PHONE
from .dates import dates_in
from .geometry import spots_after_label
from .id_shapes import ids_in
from .lines import Line, Reading, following
from .vat_numbers import normalize_tax_id

# letter groups joined by underscores may open it: shop systems' codes ('BLR_WFLD20151000982590')
_NUMBER_TOKEN = re.compile(
    r"(?<![\w/-])((?:[A-Z]{1,10}_){0,3}[A-Z]{0,6}[-/#]?\d(?:[\w\-/.]{0,24}\w)?)(?![\w])", re.I
)


# OCR reads a 1 after a capital prefix as a lowercase l: "Al648" is A1648 (ids mix no lowercase l in)
_LOWERCASE_L_AS_ONE = re.compile(r"(?<=[A-Z])l(?=\d{2})")


# OCR reads a letter S opening an id as a dollar sign: "$529672" for S529672 (money has decimals),
# or as both ("S$529672"); and a C as a euro or copyright sign: "€72291", "©499974" for C72291, C499974
_DOLLAR_AS_S = re.compile(r"(?<![A-Za-z])S?\$(?=\d{4,}(?![\d.,]))")


# ... or the C read twice, once as itself ('C€352042' for C352042): the sign after a C is no second letter
_EURO_AS_C = re.compile(r"C?[€©](?=\d{4,}(?![\d.,]))")


# OCR splits a number after its prefix's hyphen or slash: "FAC- 11007" is FAC-11007, "83/ 1808" 83/1808;
# or before the hyphen ('FAC -48077'): a capital prefix, then a hyphen and digits that are no amount
_SPACE_AFTER_PREFIX = re.compile(r"(?<![\w/-])([A-Z]{1,6}-|\d{1,4}/)\s(?=\d{3})")
_SPACE_BEFORE_HYPHEN = re.compile(r"(?<![\w/-])([A-Z]{2,6})\s(?=-\d{3,}(?![\d.,]))")
# ... and around the hyphen after a year that opens the number ('2025 - 3330', '2025- 3330' for 2025-3330)
_SPACED_AFTER_YEAR = re.compile(
    r"(?<![\w/.,-])((?:19|20)\d{2})(?:\s([-–/])\s?|([-–/])\s)(?=\d{2,}(?![\d.,]))"
)


# OCR reads a speck beside a prefix's hyphen as a tilde: "INV~-91313" is INV-91313
_TILDE_BY_HYPHEN = re.compile(r"(?<=[A-Z])~(?=-)|(?<=-)~(?=\d)", re.I)


# a word with one letter OCR read as a digit ('emisi6n' for emisión): lower case on both sides of
# it, which no printed document number has
_MISREAD_WORD = re.compile(r"[A-Za-z]?[a-z]{2,}\d[a-z]+")


# 'TICKET N2', 'Factura N9': the ordinal of 'Nº' read as a digit; '13th' (July 2025): a written
# date's day; no document is numbered so
_ORDINAL_AS_DIGIT = re.compile(r"N\d|\d{1,2}(?:st|nd|rd|th)", re.I)


# A cell that is one code in a wide-tracked font OCR split at spaces ('B 1425 2' for B14252): a
# capital prefix and digits, nothing else in the cell, read joined
_TRACKED_CODE = re.compile(r"[A-Z]{1,3}(?: ?\d){4,}(?<=\d)")


# ... or a number of digits only with its first or last digit split off ('1 90881 8' for 1908818): a
# lone digit at an edge is no number of its own beside a label; so its last two after a slash
# ('45/31 56' for 45/3156, on a photo '45/ 31 56': a series and a number, no date's shape)
# ... or grouped in thousands as French print numbers ('91 636' for 91636): a cell of such groups alone
_DIGIT_SPLIT_OFF = re.compile(r"\d \d{3,10}(?: \d)?|\d{3,10} \d|\d{1,4}/ ?\d{2,6} \d{1,2}|\d{1,3}(?: \d{3})+")


# A speck OCR read as an underscore at a token's edge ('_INV-15304'): a rule or dirt, not the number's
_EDGE_UNDERSCORE = re.compile(r"(?<!\w)_+|_+(?!\w)")


# An amount printed with a decimal comma or thousands commas: '3.393,40', '3,393.40'; the token
# pattern stops at a comma, so it reads '3.393' and '40' (or '3') out of one
_AMOUNT_RUN = re.compile(r"(?<![\d.,])\d[\d.,]*[.,]\d{2}(?!\d)")


def _inside_amount(text: str, start: int, end: int) -> bool:
    """The token at text[start:end] is a piece of an amount ('Total a pagar 3.393,40' beside a
    number label), not a number."""
    return any(run.start() <= start and end <= run.end() for run in _AMOUNT_RUN.finditer(text))


def numbers_in(text: str) -> list[str]:
    text = _EDGE_UNDERSCORE.sub(" ", _TILDE_BY_HYPHEN.sub("", text))
    text = _SPACE_BEFORE_HYPHEN.sub(r"\1", _SPACE_AFTER_PREFIX.sub(r"\1", text))
    text = _SPACED_AFTER_YEAR.sub(lambda match: match[1] + (match[2] or match[3]), text)
    text = _EURO_AS_C.sub("C", _DOLLAR_AS_S.sub("S", text))
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
        if _inside_amount(text, match.start(1), match.end(1)):
            continue
        if (
            normalize_tax_id(token) in ids
            or _MISREAD_WORD.fullmatch(token)
            or _ORDINAL_AS_DIGIT.fullmatch(token)
        ):
            continue
        tokens.append(_LOWERCASE_L_AS_ONE.sub("1", token))
    return tokens


def number_after(text: str) -> str | None:
    tokens = numbers_in(text)
    return tokens[0] if tokens else None


def plausible_below_label(token: str) -> bool:
    """A line under a label holds other columns too: skip OCR crumbs (under three characters, or
    under three digits with no letter: '0/9' between 'מספר:' and its number) and valid Israeli tax ids."""
    digits, letters = sum(ch.isdigit() for ch in token), any(ch.isalpha() for ch in token)
    if len(token) < 3 or (digits < 3 and not letters):
        return False
    return not (israel.is_israeli_id_shape(token) and israel.israeli_id_is_valid(token))


def numbers_in_text(lines: list[Line], line: Line, label: re.Match[str]) -> Iterator[Reading]:
    """Pages without word boxes: after the label on its line, or on the next line."""
    named = label.group(0).strip()
    token = number_after(line.text[label.end() :].lstrip(" :#.-"))
    if token:  # only the first after the label: later ones follow other labels ('Order: 77')
        yield Reading(token, 0.9, token, line, named)
    if line.text[label.end() :].strip(" :#.-") == "":
        for nxt in following(lines, line, 1):
            tokens = [
                t for t in numbers_in(party_labels.TAX_ID.sub(" ", nxt.text)) if plausible_below_label(t)
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


# A date (or a period's dash) in a row of values: the next column's value, which OCR may join into
# one cell with the number when the gap between the columns is narrow
_DATE_IN_ROW = re.compile(r"(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)|(?<=\s)[-–](?=\s)")


def _dominates(token: str, text: str) -> bool:
    """A neighbouring cell is a value when the token is most of it (not '151' in a street address),
    dates beside it left out ('30/11/2024 - 1/11/2024 55059': a row of values joined into one cell)."""
    return len(token) >= 0.5 * len("".join(_DATE_IN_ROW.sub(" ", text).split()))


def before_next_label(text: str) -> str:
    """The text up to the next number or tax id label in it: the rest of a row is the next label's
    and its value."""
    found = [
        match.start()
        for pattern in (document_labels.INVOICE_NUMBER, party_labels.TAX_ID)
        if (match := pattern.search(text)) is not None
    ]
    return text[: min(found)] if found else text


def numbers_in_spots(
    lines: list[Line], line: Line, start: int, end: int, weak: bool = False
) -> Iterator[Reading]:
    """Number-shaped tokens beside or under an invoice-number label (pages with boxes), nearest
    spot first; the score is the spot's (a weak label's lower)."""
    named = line.text[start:end].strip()
    for spot in spots_after_label(lines, line, start, end):
        text = spot.text.lstrip(" :#.-")
        if spot.relation == "row_rest":
            text = before_next_label(text)  # past crumbs: 'No: | - | +. 16667 | Tax Number 519 855 472'
        if spot.relation != "inline" and (_TRACKED_CODE.fullmatch(text) or _DIGIT_SPLIT_OFF.fullmatch(text)):
            text = text.replace(" ", "")
        if spot.relation != "inline" and (
            document_labels.INVOICE_NUMBER.search(text) or party_labels.TAX_ID.search(text)
        ):
            continue  # the neighbouring cell is another label, not this one's value
        if spot.relation != "inline" and PHONE.search(text):
            continue  # 'Tel 08-7556970' beside the label
        tokens = [
            t
            for t in numbers_in(text)
            if spot.relation == "inline" or (plausible_below_label(t) and _dominates(t, text))
        ]
        confidence = _SPOT_CONFIDENCE[spot.relation] - (0.15 if weak else 0.0)
        # beside the label only the first: later ones in its cell follow other labels ('Order: 77')
        for token in tokens[:1] if spot.relation == "inline" else tokens:
            yield Reading(token, confidence, token, spot.line, named)
