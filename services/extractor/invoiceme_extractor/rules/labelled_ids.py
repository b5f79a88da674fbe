"""Ids beside, under or around a tax-id label (one read whole, or one OCR damaged by a letter),
with the label's strength: the strongest evidence of the vendor's tax id."""

from __future__ import annotations

import re
from dataclasses import replace

from . import party_labels
from .contact_words import PHONE
from .garbled_labels import GARBLED_TAX_ID
from .geometry import cell_at, label_matches, spots_after_label
from .id_shapes import id_tokens, shape_score
from .lines import Line
from .vat_numbers import normalize_tax_id

# Labels that name a VAT registration (the id the field means) rather than another company number.
_VAT_LABEL = re.compile(
    r'vat|tva|ust|mwst|gst|iva|btw|umsatzsteuer|\buid\b|ע\.?\s*מ|ע"מ|עוסק|מורשה|ח\.?\s*פ|ח"פ|'
    r"tax\s*(?:id|no|number)|licensed\s*dealer|osek",
    re.I,
)


def _label_cell_text(line: Line, offset: int) -> str:
    index = cell_at(line, offset)
    return line.cells[index].text if index is not None else line.text


def _spot_ids(text: str, relation: str, generic: bool = True) -> list[str]:
    """Ids in a label's neighbouring text; away from the label only an id that fills its cell and
    is not a phone number ('טלפון 09-7284585' under 'ח.פ.' is not the company's id)."""
    if relation == "inline":
        return id_tokens(text, generic)
    if PHONE.search(text):
        return []
    return [raw for raw in id_tokens(text, generic) if len(raw) >= 0.5 * len("".join(text.split()))]


def labelled(lines: list[Line]) -> list[tuple[str, Line, float]]:
    """(raw id, line, label strength) for ids beside or under a tax-id label."""
    found: list[tuple[str, Line, float]] = []
    for line in lines:
        for label in label_matches(party_labels.TAX_ID, line):
            cell_text = _label_cell_text(line, label.start())
            if party_labels.ALLOCATION.search(cell_text if line.cells else line.text[: label.start()]):
                continue
            if _customers_label(cell_text, label):
                continue  # "N° TVA client", "ח.פ. לקוח", "Ihre USt-IdNr.": the customer's id
            strength = 3.0 if _VAT_LABEL.search(label.group(0)) else 2.0
            # "514321678 :ע.מ" and "(12345678-X)": the id before or around its label, in its cell
            around = [raw for raw in id_tokens(cell_text, generic=False) if not PHONE.search(cell_text)]
            found.extend((raw, line, strength * 0.9) for raw in around)
            found.extend(_ids_beside_label(lines, line, label, strength))
    return found


def customer_labelled(lines: list[Line]) -> set[str]:
    """Ids (normalized) beside or under a customer's tax-id label ('ע.מ. לקוח', 'NIF cliente', 'Your
    VAT No.'): the customer's, wherever else the page prints them (a customer block whose heading
    OCR garbled, so it was not set apart)."""
    found: set[str] = set()
    for line in lines:
        for label in label_matches(party_labels.TAX_ID, line):
            cell_text = _label_cell_text(line, label.start())
            if not _customers_label(cell_text, label):
                continue
            for spot in spots_after_label(lines, line, label.start(), label.end()):
                if party_labels.TAX_ID.search(spot.text):
                    break  # another id's label with its value: maybe the vendor's, beside it
                ids = _spot_ids(spot.text, spot.relation, False)
                if ids:  # the nearest spot holding an id
                    found.update(normalize_tax_id(raw) for raw in ids)
                    break
    return found


def customer_block_ids(all_lines: list[Line], issuer_view: list[Line]) -> set[str]:
    """Ids (normalized) under a tax-id label inside the customer's block (the cells `issuer_view`
    lacks: 'Bill To: ... VAT Reg. No. 530516764'): the customer's, wherever else the page prints
    them (a header row 'Your VAT | VAT Reg. No' over both parties' ids, the customer's first)."""
    block: list[Line] = []  # every line kept, emptied outside the block: lines still line up
    for whole, kept in zip(all_lines, issuer_view, strict=True):
        cells = tuple(cell for cell in whole.cells if cell not in kept.cells)
        block.append(replace(whole, text=" ".join(cell.text for cell in cells), cells=cells))
    if all(not line.cells for line in block):
        return set()
    return {normalize_tax_id(raw) for raw, _, _ in labelled(block)}


# A tax-id label OCR damaged by a letter ('Tan Registration', 'Tax 1D'): weaker than one read whole
_GARBLED_LABEL = 1.6


def garbled_labelled(lines: list[Line]) -> list[tuple[str, Line, float]]:
    """Ids beside or under a tax-id label one letter away from the lexicon's, where no known label
    is read there; only id shapes (a VAT prefix, 9 digits, an EIN), never any run of digits."""
    found: list[tuple[str, Line, float]] = []
    for line in lines:
        known = [(match.start(), match.end()) for match in label_matches(party_labels.TAX_ID, line)]
        for label in label_matches(GARBLED_TAX_ID, line):
            if any(start < label.end() and label.start() < end for start, end in known):
                continue
            cell_text = _label_cell_text(line, label.start())
            if party_labels.BUYER_BLOCK.search(cell_text) or party_labels.ALLOCATION.search(cell_text):
                continue
            found.extend(_ids_beside_label(lines, line, label, _GARBLED_LABEL, generic=False))
    return found


# A later spot's id (the cell under the label after the one beside it) counts this much of the first's
_LATER_SPOT = 0.75


def _ids_beside_label(
    lines: list[Line], line: Line, label: re.Match[str], strength: float, generic: bool = True
) -> list[tuple[str, Line, float]]:
    """The first id in the label's spots, nearest first; when its shape proves nothing (no VAT
    prefix, no check digit), also the next spot's, weaker: a label in a side column shares its row
    with another column's value ('39/2640 | GSTIN') while its own value sits under it."""
    found: list[tuple[str, Line, float]] = []
    for spot in spots_after_label(lines, line, label.start(), label.end()):
        ids = _spot_ids(spot.text, spot.relation, generic)
        if not ids:
            continue
        weight = (1.0 if spot.relation == "inline" else 0.8) * (_LATER_SPOT if found else 1.0)
        found.append((ids[0], spot.line, strength * weight))
        if len(found) == 2 or shape_score(normalize_tax_id(ids[0]), ids[0]) >= 1.5:
            break
    return found


# "Your VAT no.", "Uw BTW-nummer": the invoice addresses its customer as "you" ('Ihre' with its
# serifed I read as T, l or 1 on a photo: 'Thre USt-IdNr.', a word no language prints)
_YOUR = re.compile(r"\b(?:ihre?|[tl1|]hre|your|votre|vos|su|sus|vuestro|uw)\b", re.I)


def _customers_label(cell_text: str, label: re.Match[str]) -> bool:
    """The tax-id label in the cell is the customer's: a customer's word in its cell, or 'your' before it."""
    return bool(party_labels.BUYER_BLOCK.search(cell_text) or _YOUR.search(cell_text[: label.end() + 1]))
