"""Till slips: 80 mm wide, centred vendor on top, items, totals among distractors (ROUNDING, CASH or
TENDERED, CHANGE, item counts, card lines, cashier and till numbers)."""

from __future__ import annotations

import math

from ..blocks import line_height, tax_id_line
from ..doc import Doc
from ..names import TAGLINES, address, phone
from ..tables import totals_lines

WIDTH, MARGIN = 80.0, 4.0


def _pair(doc: Doc, y: float, label: str, value: str, size: float = 8.5, bold: bool = False) -> float:
    doc.sheet.text(MARGIN, y, label, size, bold=bold)
    doc.sheet.text(WIDTH - MARGIN, y, value, size, bold=bold, align="end")
    return y + line_height(size)


def _rule(doc: Doc, y: float) -> float:
    if doc.chance(0.5):
        doc.sheet.rule(MARGIN, y - 1.5, WIDTH - MARGIN, 0.4, dashed=True)
    else:
        doc.sheet.text(WIDTH / 2, y, "-" * 40, 7, align="centre")
    return y + 4


def _header(doc: Doc, y: float) -> float:
    sheet, rng, facts = doc.sheet, doc.rng, doc.facts
    centre = WIDTH / 2
    if doc.chance(0.3):
        sheet.text(centre, y, rng.choice(TAGLINES[facts.language]), 7.5, align="centre")
        y += line_height(7.5)
    size = sheet.fit(facts.vendor_name, rng.choice([12, 13, 15]), WIDTH - 2 * MARGIN, bold=True)
    sheet.text(centre, y, facts.vendor_name, size, bold=True, align="centre")
    y += line_height(size) + 0.5
    lines = [address(rng, facts.language), f"{doc.words['phone']} {phone(rng, facts.language)}"]
    identity = tax_id_line(doc)
    if identity:
        lines.insert(rng.randint(0, 2), identity)
        doc.mark("vendor_tax_id")
    for text in lines:
        sheet.text(centre, y, text, sheet.fit(text, 8, WIDTH - 2 * MARGIN), align="centre")
        y += line_height(8)
    y = _rule(doc, y + 1)
    sheet.text(centre, y, doc.title, 10.5, bold=True, align="centre")
    return y + line_height(10.5)


def _meta(doc: Doc, y: float) -> float:
    words, facts, fmt, rng = doc.words, doc.facts, doc.fmt, doc.rng
    time_text = f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    lines = [
        (words["number"], facts.invoice_number),
        (
            words["date"],
            f"{fmt.date(facts.invoice_date)} {time_text}"
            if doc.chance(0.6)
            else fmt.date(facts.invoice_date),
        ),
        (words["cashier"], str(rng.randint(1, 40))),
    ]
    if doc.chance(0.5):
        rng.shuffle(lines)
    for label, value in lines:
        if doc.chance(0.5):
            y = _pair(doc, y, label + ":", value)
        else:
            doc.sheet.text(MARGIN, y, f"{label}: {value}", 8.5)
            y += line_height(8.5)
    return _rule(doc, y + 1)


def _items(doc: Doc, y: float) -> float:
    fmt, two_lines = doc.fmt, doc.chance(0.5)
    for item in doc.facts.line_items:
        if two_lines or item["quantity"] != 1:
            doc.sheet.text(MARGIN, y, item["description"], 8.5)
            y += line_height(8.5)
            label = f"  {fmt.quantity(item['quantity'])} x {fmt.number(item['unit_price'])}"
            y = _pair(doc, y, label, fmt.money(item["amount"]))
        else:
            y = _pair(doc, y, item["description"], fmt.money(item["amount"]))
    count = sum(math.ceil(item["quantity"]) for item in doc.facts.line_items)
    if doc.chance(0.6):
        y = _pair(doc, y + 1, doc.words["items_count"], str(count))
    return _rule(doc, y + 1)


def _payment(doc: Doc, y: float) -> float:
    words, fmt, total, rng = doc.words, doc.fmt, abs(doc.facts.total), doc.rng
    if doc.chance(0.55):
        tendered = max(math.ceil(total / 50) * 50, 20.0)
        y = _pair(doc, y, words["cash"], fmt.money(tendered))
        y = _pair(doc, y, words["change"], fmt.money(round(tendered - total, 2)))
    else:
        y = _pair(doc, y, f"{words['card']} ****{rng.randint(1000, 9999)}", fmt.money(total))
        doc.sheet.text(MARGIN, y, f"AUTH {rng.randint(100000, 999999)}", 7.5)
        y += line_height(7.5)
    return y


def till_slip(doc: Doc) -> None:
    y = _header(doc, 8.0)
    y = _meta(doc, y + 2)
    y = _items(doc, y)
    for label, amount, emphasised in totals_lines(doc):
        y = _pair(doc, y, label, amount, size=10.5 if emphasised else 8.5, bold=emphasised)
    if doc.facts.allocation_number and "allocation_number" not in doc.printed:
        y = _pair(doc, y, doc.words["allocation"], doc.facts.allocation_number)
        doc.mark("allocation_number")
    y = _payment(doc, _rule(doc, y + 1))
    doc.sheet.text(WIDTH / 2, y + 4, doc.words["thanks"], 8, align="centre")
    doc.sheet.page.height = y + 14
