"""Party blocks on pages with word boxes: the cells under "Bill to" / "לכבוד" / "Kunde" belong to
the customer, the cells under "Seller" / "ספק" / "Lieferant" to the issuer.

Why by column: two-column headers put the vendor's and the customer's blocks side by side, so whole
lines mix both parties; only the cells under a label's column belong to its block.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import replace

from . import document_labels, party_labels
from .geometry import is_crumb, labels_follow_values, looks_like_label
from .layout import Cell
from .lines import Line, document_language
from .memo import remembered
from .tables import is_table_header

CellRef = tuple[int, int]  # (line index, cell index)
BLOCK_GAP = 2.5  # x label height: a wider vertical gap ends a block
BLOCK_LINES = 10  # key/value party blocks (name, street, town, phone, e-mail, ids) run long
TABLE_ROW_CELLS = 5  # cells of a row that is a table's, not a party block's


def in_column(cell: Cell, label: Cell, rtl: bool) -> bool:
    slack = 2 * max(label.box.height, 1.0)
    if cell.box.x_overlap(label.box) > 0:
        return True
    edge_gap = abs(cell.box.right - label.box.right) if rtl else abs(cell.box.left - label.box.left)
    return edge_gap <= slack


def is_block_label(text: str) -> bool:
    return bool(party_labels.BUYER_BLOCK.search(text) or party_labels.SELLER_BLOCK.match(text.strip()))


def block_cells(lines: list[Line], line: Line, cell_index: int) -> list[CellRef]:
    """Cells under a block label's cell, in its column, until a gap or the next block label."""
    label = line.cells[cell_index]
    rtl = bool(re.search(r"[\u05d0-\u05ea]", label.text))
    found: list[CellRef] = []
    bottom, height = label.box.bottom, label.box.height
    for lower in lines[line.index + 1 :]:
        if lower.page != line.page or lower.box is None or len(found) >= BLOCK_LINES:
            break
        if is_table_header(lower.text) or len(lower.cells) >= TABLE_ROW_CELLS:
            break  # the line-item table starts (its header row maybe misread): no party block runs into it
        members = [i for i, cell in enumerate(lower.cells) if in_column(cell, label, rtl)]
        if not members:
            continue
        if _label_row(lower, members):
            break  # 'Invoice No. | Invoice Date | Company No.': the document's facts over their values
        # the gap in the block's print: a label is often smaller than the name under it
        if lower.box.top - bottom > BLOCK_GAP * max(height, 1.0):
            break
        if any(is_block_label(lower.cells[i].text) for i in members):
            break
        found.extend((lower.index, i) for i in members)
        bottom = max(lower.cells[i].box.bottom for i in members)
        height = max(height, *(lower.cells[i].box.height for i in members))
    return found


LABEL_ROW_CELLS = 3  # field labels side by side across the page: a row of the document's facts


def _label_row(line: Line, members: list[int]) -> bool:
    """A row of bare field labels across the page ('Invoice No. | Invoice Date | Company No. | PO
    Number'), its values on the row under it, the block's column among them: the block has ended
    (a row whose cell in the column is a name or an address goes on with the block)."""
    bare = [not any(ch.isdigit() for ch in cell.text) and looks_like_label(cell.text) for cell in line.cells]
    return sum(bare) >= LABEL_ROW_CELLS and all(bare[i] for i in members)


def _heads_block(cell: Cell, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """A block label: a short cell without digits ("Bill to", "Adresse du client", "לכבוד:"), not
    a key/value pair that merely mentions the party ("Kunden-Nr.: 0094")."""
    key = (cell.text, pattern.pattern, pattern.flags)
    return remembered(_HEADS_BLOCK, key, lambda: _heads_block_text(cell.text, pattern))


# Pure; every cell is asked once per party_cells call (three a page)
_HEADS_BLOCK: dict[Hashable, re.Match[str] | None] = {}


# a lone digit or mark after a label's words: a speck OCR read beside it ('Auftraggeber 7')
_TRAILING_SPECK = re.compile(r"(?<=[^\W\d_]{3})\s+[\d\W]$")


def _heads_block_text(text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    text = _TRAILING_SPECK.sub("", text)
    match = pattern.search(text)
    if match is None or party_labels.TAX_ID.match(text) or any(ch.isdigit() for ch in text):
        return None
    return match if len(text.split()) <= 4 else None


# Words that go on naming the block rather than giving its value: "Customer details:", "פרטי לקוח"
_HEADING_REST = re.compile(
    r"(?:details?|information|info|data|name|address|daten|coordonn[ée]es|datos|פרטים)\W*", re.I
)


_KEY_VALUE = re.compile(r"^[^\d:]{1,30}:\s*\S")  # "For invoice: 8962", "Tel: 03-555"


_NUMBERED_PAIR = re.compile(
    r"^[^\d:]{1,30}:\s*\S*\d"
)  # 'Por la factura: 63948' ('Acme GmbiseCo: BG' is no pair)


def _numbered_pair_first(lines: list[Line], below: list[CellRef]) -> bool:
    """The first cell under the label is a numbered pair: with its colon, or a number of another
    document without one ('בגין חשבונית 76125', 'For invoice 8962': the invoice a receipt pays)."""
    if not below:
        return False
    text = lines[below[0][0]].cells[below[0][1]].text
    if _NUMBERED_PAIR.match(text):
        return True
    return bool(document_labels.OTHER_DOCUMENT.search(text)) and any(ch.isdigit() for ch in text)


def _block_content(text: str) -> bool:
    return not _KEY_VALUE.match(text) and not looks_like_label(text)


def _bare_label(text: str, match: re.Match[str]) -> bool:
    """A label whose value is in another cell: nothing after it, a heading word, or a closing colon."""
    rest = text[match.end() :].strip(" :-–.")  # 'Customer: -': a speck after the colon
    return not rest or bool(_HEADING_REST.fullmatch(rest)) or text.rstrip().endswith(":")


_LATIN_CRUMB = re.compile(r"[A-Za-z]{1,2}[.,]?")  # a speck beside a Hebrew label, read as a letter or two
SPECK_CELL = 0.1  # mean word confidence of a cell OCR made of specks or a rule between two cells


def _value_cell(line: Line, label_index: int) -> int | None:
    """The cell after a bare label that holds its value: the next one past specks ('Reçu de: | oe |
    Horizon SARL', 'התקבל מאת | -\\ | נגה בע"מ'), unless it is another block's label."""
    hebrew_label = bool(re.search(r"[\u05d0-\u05ea]", line.cells[label_index].text))
    for index in range(label_index + 1, len(line.cells)):
        text = line.cells[index].text
        if line.cells[index].confidence < SPECK_CELL or not any(ch.isalnum() for ch in text):
            continue
        if hebrew_label and _LATIN_CRUMB.fullmatch(text.strip()):
            continue  # 'פרטי המזמין: | a | אלון בעמ': a speck read as a Latin letter
        if line.cells[index].font > _DISPLAY_PRINT * line.cells[label_index].font:
            return None  # a name in display print beside a logo's word ('אל'), no label's value
        return None if is_block_label(line.cells[index].text) else index
    return None


_DISPLAY_PRINT = 1.4  # a header's name this much larger than the word before it is not its value


def _value_before(line: Line, label_index: int) -> int | None:
    """The cell before a label that follows its value, past OCR specks ('Acme SL | _ | Para:')."""
    return next((i for i in range(label_index - 1, -1, -1) if not is_crumb(line.cells[i])), None)


# Words naming an id or a number (OCR may read the final מ of ע.מ. as ם): a party label holding one
# ('Customer VAT No.', 'NIF cliente', 'ע.ם. הלקוח') is the key of one value, not a block's heading
_ID_WORDS = re.compile(
    r"(?<![a-z])(?:vat|tax|nif|cif|tva|ust|iva|ein|id|no|nr|n[°º]|reg)(?![a-z])|"
    r"(?<![\u05d0-\u05ea])(?:ע\.?\s*[מם]|ח\.?\s*פ|ת\.?\s*ז)(?![\u05d0-\u05ea])|מס['׳]|מספר|עוסק",
    re.I,
)


def names_an_id(text: str) -> bool:
    """A party label that names one of the party's ids or numbers, not the party's block."""
    return bool(_ID_WORDS.search(text) or party_labels.TAX_ID.search(text))


# A bare Latin word of two or three letters ('An', 'To'): on a Hebrew page the debris OCR made of a
# Hebrew label or mark ('an' for 'ע.מ'), not a German or English customer's heading
_LATIN_WORD_LABEL = re.compile(r"\s*[A-Za-z]{1,3}\s*:?\s*")


def party_cells(lines: list[Line], pattern: re.Pattern[str]) -> set[CellRef]:
    """Every cell of the blocks whose label matches `pattern`: the label cell, the value cell beside
    a bare label ("Customer: | Acme"), and the cells under it in its column."""
    refs: set[CellRef] = set()
    hebrew = document_language(lines) == "he"
    for line in lines:
        for index, cell in enumerate(line.cells):
            match = _heads_block(cell, pattern)
            if match is None or (hebrew and _LATIN_WORD_LABEL.fullmatch(cell.text)):
                continue
            below = block_cells(lines, line, index)
            if names_an_id(cell.text):  # 'Customer VAT No.', 'ע.מ. הלקוח': a key over one value
                below = [ref for ref in below if ref[0] == below[0][0]] if below else []
            # lines of its own under the label (other labels and pairs, "For invoice: 8962", are not);
            # a numbered pair right under it makes the label a row's key ('Recibido de: | Ibérica SL'
            # over 'Por la factura: 63948'), whatever lines follow
            heads = not _numbered_pair_first(lines, below) and any(
                _block_content(lines[row].cells[i].text) for row, i in below
            )
            bare = _bare_label(cell.text, match)
            if bare and index > 0 and labels_follow_values(line):
                # "Acme Ltd | Client:": the label after its value (when the label heads a block under
                # it, the cell before it is the other party's: the issuer's header beside it)
                value_before = _value_before(line, index)
                if not heads and value_before is not None:
                    refs.add((line.index, value_before))
            elif bare and (value := _value_cell(line, index)) is not None:
                # "Customer: | Acme" — unless the next cell is across the page and the label heads a
                # block under it (then that cell belongs to the other column: the vendor's)
                if not heads or line.cells[value].box.x_gap(cell.box) <= 4 * max(cell.box.height, 1.0):
                    refs.add((line.index, value))
            refs.add((line.index, index))
            refs.update(below)
    return refs


def without_cells(lines: list[Line], refs: set[CellRef]) -> list[Line]:
    """The lines with the given cells removed (indexes kept, so lines still line up)."""
    if not refs:
        return lines
    result = []
    for line in lines:
        kept = tuple(cell for i, cell in enumerate(line.cells) if (line.index, i) not in refs)
        if len(kept) == len(line.cells):
            result.append(line)
        else:
            result.append(replace(line, text=" ".join(cell.text for cell in kept), cells=kept))
    return result
