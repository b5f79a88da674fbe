"""Development family `panel`: a tinted column down one side of the page holds the vendor's details
(each a small label over its value), often the document's facts and the totals; the main column holds
the title, the customer and the items. The panel's rows share their height with the main column's, so
a text layer joins a panel label and an item row into one line."""

from __future__ import annotations

from ..blocks import GREY, WHITE, customer_block, footer, line_height, meta_block, meta_pairs
from ..doc import Doc
from ..names import address, phone
from ..tables import LIGHT, items_table, totals_block, totals_lines
from ..tax_id_places import block_prints

PANEL_W = 58.0


def _pair(doc: Doc, x: float, y: float, label: str, value: str, colour: tuple, bold: bool = False) -> float:
    """A small label over its value, both fitted to the panel's width."""
    sheet, width = doc.sheet, PANEL_W - 14
    sheet.text(x, y, label, sheet.fit(label, 7.5, width), color=GREY if colour != WHITE else WHITE)
    y += line_height(7.5)
    size = 11.5 if bold else 9
    sheet.text(x, y, value, sheet.fit(value, size, width, bold), bold=bold, color=colour)
    return y + line_height(size) + 1.5


def _vendor_details(doc: Doc, x: float, y: float, colour: tuple) -> float:
    sheet, facts, rng, words = doc.sheet, doc.facts, doc.rng, doc.words
    street, _, city = address(rng, facts.language).partition(", ")
    for text in (street, city):
        sheet.text(x, y, text, sheet.fit(text, 8.5, PANEL_W - 14), color=colour)
        y += line_height(8.5)
    y += 3
    pairs = [(words["phone"], phone(rng, facts.language))]
    if facts.vendor_tax_id:
        at, pair = rng.randint(0, 1), (words["tax_id"], doc.fmt.tax_id(facts.vendor_tax_id, rng))
        if block_prints(doc):
            pairs.insert(at, pair)
            doc.mark("vendor_tax_id")
    for label, value in pairs:
        y = _pair(doc, x, y, label, value, colour)
    return y


def _panel_totals(doc: Doc, x: float, y: float, colour: tuple) -> float:
    for label, amount, strong in totals_lines(doc):
        y = _pair(doc, x, y, label, amount, colour, bold=strong)
    if doc.facts.allocation_number and "allocation_number" not in doc.printed:
        y = _pair(doc, x, y, doc.words["allocation"], doc.facts.allocation_number, colour)
        doc.mark("allocation_number")
    return y


def panel(doc: Doc) -> None:
    sheet, rng, facts = doc.sheet, doc.rng, doc.facts
    at_start = doc.chance(0.6)
    dark = doc.chance(0.4)
    colour = WHITE if dark else (0, 0, 0)
    panel_x = 0.0 if at_start else doc.width - PANEL_W
    sheet.box(panel_x, 0, PANEL_W, 297, fill=doc.accent if dark else LIGHT, stroke=None)
    x = panel_x + 7
    main_left, main_right = (PANEL_W + 10, 197.0) if at_start else (13.0, doc.width - PANEL_W - 10)
    top = rng.uniform(18, 26)
    name_in_panel = doc.chance(0.5)
    if name_in_panel:
        size = sheet.fit(facts.vendor_name, rng.choice([12, 14, 16]), PANEL_W - 14, bold=True)
        sheet.text(x, top, facts.vendor_name, size, bold=True, color=colour)
        y_panel = top + 10
    else:
        sheet.text(main_left, top, facts.vendor_name, rng.choice([15, 18]), bold=True, color=doc.accent)
        y_panel = top + rng.uniform(20, 60)
    y_panel = _vendor_details(doc, x, y_panel, colour) + 6
    y_main = top + (4 if name_in_panel else 14)
    sheet.text(main_left, y_main + 6, doc.title, rng.choice([16, 20]), bold=True)
    y_main += 16
    if doc.chance(0.5):
        for label, value in meta_pairs(doc):
            y_panel = _pair(doc, x, y_panel, label, value, colour)
    else:
        y_main = meta_block(doc, main_left, y_main, rng.choice(["inline", "columns", "above"]), 80)
    y_main = customer_block(doc, main_left, y_main + 6, boxed=doc.chance(0.3)) + 6
    y_main = items_table(doc, main_left, main_right, y_main)
    if doc.chance(0.6):  # totals at the panel's foot, level with the items or below them
        _panel_totals(doc, x, max(y_panel + 8, rng.uniform(y_main - 30, y_main + 10)), colour)
    else:
        y_main = totals_block(doc, main_right - 72, 72, y_main)
    footer(doc, max(y_main + 10, 270), main_left)
