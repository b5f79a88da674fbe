"""Till slips: 80 mm wide, centred vendor on top, items, totals among distractors (ROUNDING, CASH or
TENDERED, CHANGE, item counts, card lines, cashier and till numbers)."""

from __future__ import annotations

import math

from ..blocks import line_height, tax_id_line
from ..doc import Doc
from ..names import TAGLINES, address, phone
from ..tables import totals_lines
from ..tax_id_places import identity_lines
from . import slip_parts

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
    name = slip_parts.name_line(doc)
    size = sheet.fit(name, rng.choice([12, 13, 15]), WIDTH - 2 * MARGIN, bold=True)
    sheet.text(centre, y, name, size, bold=True, align="centre")
    y += line_height(size) + 0.5
    lines = [
        *slip_parts.address_lines(doc, address(rng, facts.language)),
        f"{doc.words['phone']} {phone(rng, facts.language)}",
    ]
    registration = slip_parts.registration(doc) if doc.chance(0.35) else None
    if registration:
        lines.insert(0, registration)
    identity = tax_id_line(doc)
    if identity:
        at = rng.randint(0, 2)
        lines[at:at] = identity_lines(doc, identity)
        doc.mark("vendor_tax_id")
    for text in lines:
        sheet.text(centre, y, text, sheet.fit(text, 8, WIDTH - 2 * MARGIN), align="centre")
        y += line_height(8)
    y = _rule(doc, y + 1)
    sheet.text(centre, y, doc.title, 10.5, bold=True, align="centre")
    return y + line_height(10.5)


def _meta(doc: Doc, y: float) -> tuple[float, str | None]:
    """The slip's number, date and cashier; the date may instead be left for the footer (returned)."""
    words, facts, rng = doc.words, doc.facts, doc.rng
    time_text = f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    date_text = slip_parts.slip_date(doc, time_text)
    lines = [(words["number"], facts.invoice_number), (words["cashier"], str(rng.randint(1, 40)))]
    in_footer = doc.chance(0.15)
    if not in_footer:
        lines.insert(1, (words["date"], date_text))
    if doc.chance(0.5):
        rng.shuffle(lines)
    for label, value in lines:
        if doc.chance(0.5):
            y = _pair(doc, y, label + ":", value)
        else:
            doc.sheet.text(MARGIN, y, f"{label}: {value}", 8.5)
            y += line_height(8.5)
    return _rule(doc, y + 1), date_text if in_footer else None


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


def _tax_summary(doc: Doc, y: float) -> float:
    """A tax summary table under the payment: code and rate, net, tax in three columns."""
    for first, second, third in slip_parts.tax_summary(doc):
        doc.sheet.text(MARGIN, y, first, 8)
        doc.sheet.text(WIDTH * 0.62, y, second, 8, align="end")
        doc.sheet.text(WIDTH - MARGIN, y, third, 8, align="end")
        y += line_height(8)
    return y


def till_slip(doc: Doc) -> None:
    y = _header(doc, 8.0)
    y, footer_date = _meta(doc, y + 2)
    y = _items(doc, y)
    for label, amount, emphasised in slip_parts.receipt_totals(doc, totals_lines(doc)):
        y = _pair(doc, y, label, amount, size=10.5 if emphasised else 8.5, bold=emphasised)
    if doc.facts.allocation_number and "allocation_number" not in doc.printed:
        y = _pair(doc, y, doc.words["allocation"], doc.facts.allocation_number)
        doc.mark("allocation_number")
    y = _payment(doc, _rule(doc, y + 1))
    if doc.chance(0.45):
        y = _tax_summary(doc, _rule(doc, y + 1))
    note = slip_parts.currency_note(doc)
    if note:
        doc.sheet.text(WIDTH / 2, y + 2, note, 7.5, align="centre")
        y += line_height(7.5)
    if footer_date:
        doc.sheet.text(MARGIN, y + 3, slip_parts.footer_ids(doc, footer_date), 7.5)
        y += line_height(7.5) + 1
    doc.sheet.text(WIDTH / 2, y + 4, doc.words["thanks"], 8, align="centre")
    doc.sheet.page.height = y + 14
