"""The first page's text units that may be the issuer's name: each cell (or line) with its print
size, without table rows, unsure logo debris and labels."""

from __future__ import annotations

import re
from dataclasses import replace

from ..text import HEBREW_LETTER
from . import labels, party_labels
from .amounts import amounts_in
from .blocks import TABLE_ROW_CELLS
from .layout import Cell
from .lines import Line
from .name_signs import compact, repeated_elsewhere
from .name_text import LEADING_MARKS, clean_name, suffix_joined
from .tables import header_lines_above, is_table_header
from .titles import type_of

UNREAD_CELL = 0.4  # mean word confidence below which a cell is not taken for a name


def id_label_cell(text: str) -> bool:
    """'Client Reg. No.', '(Cheest Reg. No.' (its first word misread): an id's label whose qualifier
    is one word, nothing after it; no name (cut at the label, the qualifier would read as one)."""
    label = party_labels.TAX_ID.search(text)
    return (
        label is not None
        and not text[label.end() :].strip(" .:#")
        and len(text[: label.start()].split()) <= 1
    )


def _strip_hebrew(text: str) -> str:
    return " ".join(HEBREW_LETTER.sub("", text).split()).strip(" :-|")


def name_units(first_page: list[Line], english: bool) -> list[tuple[int, Line, float]]:
    """(row position, text unit, font size relative to the page's) for each cell, or each line when
    the page has no word boxes. Speckles on English scans come out as stray Hebrew letters under
    heb+eng OCR: stripped on English documents."""
    fonts = sorted(cell.font for line in first_page for cell in line.cells)
    median_font = fonts[len(fonts) // 2] if fonts else 0.0
    units = []
    joined: set[int] = set()
    header_tops = header_lines_above(first_page)
    for position, line in enumerate(first_page):
        if (
            is_table_header(line.text)
            or line.index in header_tops
            or len(line.cells) >= TABLE_ROW_CELLS
            or position in joined
            or priced_row(line.text)
        ):
            continue  # a table's header row ('Details | Units | Price', misread or not), an item, a tail
        # A cell OCR read with little confidence is a logo or speckles: under heb+eng its letters came
        # out Hebrew and were stripped below; an eng read makes Latin-looking debris ("Fodosy") of it.
        cells = [
            c
            for c in line.cells
            if (c.confidence >= UNREAD_CELL or _copied(c.text, line.index, first_page)) and not _badge(c)
        ]
        if line.cells and not cells:
            continue
        pieces = [(c.text, _trusted_font(c, median_font)) for c in suffix_joined(cells)]
        pieces = pieces or [(line.text, 1.0)]
        tail = _name_tail(first_page, position, pieces[-1][0])
        if tail is not None:
            pieces[-1] = (f"{pieces[-1][0]} {tail}", pieces[-1][1])
            joined.add(position + 1)
        for text, font in pieces:
            if (
                text.rstrip().endswith(":")
                and not any(ch.isdigit() for ch in text)
                and not party_labels.COMPANY_SUFFIX.search(text)
            ):
                continue  # "Teléfono:", "Para:": a label (its colon is stripped below), not a name
                # ("Nordlicht Technik AG:": a legal name whose colon is a speck OCR read)
            if labels.TOTAL_STRONG.match(text) or labels.SUBTOTAL.match(text):
                continue  # 'Balance Due', 'Subtotal': an amount's label (cut at 'Due' it read 'Balance')
            if id_label_cell(text) or _scattered(text):
                continue
            units.append((position, replace(line, text=_strip_hebrew(text) if english else text), font))
    return units


_SCATTERED = 3  # tokens of two characters at most, this many or more: a logo's strokes


def _scattered(text: str) -> bool:
    """'N VV | FE': a logo's strokes read as scattered letters, however large their print; no name
    is all one- and two-letter tokens. A name printed letter-spaced ('S T U D I O') is all single
    letters: kept."""
    tokens = text.split()
    spaced = all(len(token) == 1 and token.isalpha() for token in tokens)
    return len(tokens) >= _SCATTERED and all(len(token) <= 2 for token in tokens) and not spaced


def _copied(text: str, index: int, first_page: list[Line]) -> bool:
    """A name in a logo's print, read unsurely, that the page prints again (its footer's copy)."""
    return repeated_elsewhere(compact(clean_name(LEADING_MARKS.sub("", text))), index, first_page)


SURE_CELL = 0.6  # mean word confidence under which a cell's height says little about its print


def _badge(cell: Cell) -> bool:
    """Three letters or fewer read unsurely ('CRN'): a logo's initials in a badge, not a name."""
    return cell.confidence < SURE_CELL and len(re.sub(r"\W", "", cell.text)) <= 3


def _trusted_font(cell: Cell, median_font: float) -> float:
    """A cell's print size relative to the page's; half the excess for a cell read unsurely: noise
    around faint or photographed print inflates its box ('Calidad garantizada' at 0.49, a tagline,
    came out taller than the bold name above it)."""
    relative = cell.font / median_font if median_font else 1.0
    return relative if cell.confidence >= SURE_CELL or relative <= 1.0 else 1.0 + (relative - 1.0) / 2


_CENTS = re.compile(r"\d[.,]\d{2}$")


def priced_row(text: str) -> bool:
    """A priced row of a table ('1 Consulting services 1 803.04 803.04', 'Sandwich 10 3,130.00'): a
    quantity or index and an amount with cents. When OCR drops the issuer's name, an item's words
    were the best-looking name left; a company's name is never one (unless it says it is one)."""
    found = amounts_in(text)
    return (
        len(found) >= 2
        and any(_CENTS.search(raw) for _, raw in found)
        and not party_labels.COMPANY_SUFFIX.search(text)
    )


_OPEN_END = re.compile(r"(?:&|\band|\bund|\bet)\s*$", re.I)


def _name_tail(first_page: list[Line], position: int, text: str) -> str | None:
    """'HOME MASTER HARDWARE &' / 'ELECTRICAL': a name that ends on '&' goes on in the next row; so
    does one whose legal form OCR or the layout put on the next row (`legal_form_goes_on`)."""
    if position + 1 >= len(first_page):
        return None
    line, following_line = first_page[position], first_page[position + 1]
    if _OPEN_END.search(text) and len(following_line.cells) <= 1:
        return following_line.text
    # its cells are the name's: 'co.' | '(M) SDN BHD', set apart by a wide gap
    return following_line.text if legal_form_goes_on(text, line, following_line) else None


_NAME_WORD = re.compile(r"[^\W\d_]{2,}")
_WRAPPED_WORDS = 1  # at most this many of the name's words wrapped onto the legal form's row
_SAME_PRINT = 1.6  # two rows of one name: print of about one size (a logo over its legal name is not)


def legal_form_goes_on(text: str, line: Line, following: Line) -> bool:
    """'WESTERN EASTERN' / 'STATIONERY SDN BHD', 'Nando's Chickenland Malaysia' / 'Sdn Bhd': a
    legal name too long for a narrow slip, wrapped before its legal form. The next row holds the
    legal form with at most one of the name's words before it (a row with more is a name of its
    own: 'Servizi Generali' / 'Rossi Forniture S.p.A.', a division over the company, or the owning
    company under a brand); neither row has digits or a label's colon (an address, a phone; a
    registration number after the legal form ends a name complete on its own row), and both are
    printed about the same size."""
    suffix = party_labels.COMPANY_SUFFIX.search(following.text)
    if suffix is None or party_labels.COMPANY_SUFFIX.search(text) or ":" in text + following.text:
        return False
    head = following.text[: suffix.start()]
    if any(ch.isdigit() for ch in text + following.text) or len(head.split()) > _WRAPPED_WORDS:
        return False
    if not _NAME_WORD.search(text) or labels.TOTAL_STRONG.search(text) or type_of(text):
        return False
    fonts = [cell.font for cell in (*line.cells, *following.cells) if cell.font > 0]
    return not fonts or max(fonts) <= _SAME_PRINT * min(fonts)
