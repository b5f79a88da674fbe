"""Development families of A4 invoices: classic header + table, key/value grid, coloured header band."""

from __future__ import annotations

from ..blocks import (
    KV_MODES,
    WHITE,
    customer_block,
    footer,
    kv,
    line_height,
    meta_block,
    meta_pairs,
    vendor_header,
)
from ..doc import Doc
from ..issuer_footer import issuer_footer
from ..tables import items_table, totals_anyhow
from ..tax_id_places import block_prints, print_identity

LEFT, RIGHT = 15.0, 195.0


def _totals(doc: Doc, y: float) -> float:
    """Totals on the end side (usual) or the start side."""
    width = doc.rng.uniform(60, 80)
    x = RIGHT - width if doc.chance(0.75) else LEFT
    return totals_anyhow(doc, x, width, y)


def classic(doc: Doc) -> None:
    """Vendor block on one side, the title and document facts on the other, customer, table, totals."""
    sheet = doc.sheet
    vendor_at_start = doc.chance(0.7)
    top = doc.rng.uniform(16, 26)
    if vendor_at_start:
        y_vendor = vendor_header(doc, LEFT, top, name_size=doc.rng.choice([13, 15, 17, 20]))
        sheet.text(
            RIGHT, top, doc.title, doc.rng.choice([16, 18, 22]), bold=True, align="end", color=doc.accent
        )
        meta_x, meta_w = RIGHT - 75, 75.0
    else:
        y_vendor = vendor_header(
            doc, RIGHT, top, align="end", name_size=doc.rng.choice([13, 15, 17]), with_logo=False
        )
        sheet.text(LEFT, top, doc.title, doc.rng.choice([16, 18, 22]), bold=True)
        meta_x, meta_w = LEFT, 75.0
    mode = doc.rng.choice(KV_MODES)
    y_meta = meta_block(doc, meta_x, top + 12, mode, meta_w)
    y = max(y_vendor, y_meta) + 8
    customer_x = LEFT if vendor_at_start or doc.chance(0.5) else RIGHT - 80
    y = customer_block(doc, customer_x + (2 if customer_x == LEFT else 0), y, boxed=doc.chance(0.3)) + 6
    y = items_table(doc, LEFT, RIGHT, y)
    y = _totals(doc, y)
    issuer_footer(doc, footer(doc, max(y + 10, 270)))


def kv_grid(doc: Doc) -> None:
    """Title first, then every fact — vendor tax id, number, dates, customer — in a two-column grid of
    label/value pairs; the vendor's name sits small above or below it."""
    sheet, rng = doc.sheet, doc.rng
    top = rng.uniform(16, 24)
    title_align = rng.choice(["start", "centre"])
    sheet.text(
        LEFT if title_align == "start" else 105,
        top,
        doc.title,
        rng.choice([18, 22, 26]),
        bold=True,
        align=title_align,
        color=doc.accent if doc.chance(0.5) else (0, 0, 0),
    )
    y = top + 12
    name_first = doc.chance(0.6)
    if name_first:
        y = vendor_header(doc, LEFT, y, name_size=rng.choice([11, 12, 14]), tax_id=False, with_logo=False) + 4
    pairs = meta_pairs(doc, with_tax_id=True)
    pairs.append((doc.words["customer"], doc.facts.customer_name))
    mode = rng.choice(["columns", "above", "inline", "after"])
    half = (len(pairs) + 1) // 2
    y_left, y_right = y, y
    for index, (label, value) in enumerate(pairs):
        if index < half:
            y_left = kv(doc, LEFT, y_left, label, value, mode, 82)
        else:
            y_right = kv(doc, 110, y_right, label, value, mode, 85)
    y = max(y_left, y_right) + 6
    if doc.chance(0.5):
        sheet.rule(LEFT, y - 4, RIGHT, 0.4)
    if not name_first:
        y = (
            vendor_header(doc, LEFT, y + 2, name_size=rng.choice([11, 12, 14]), tax_id=False, with_logo=False)
            + 4
        )
    y = items_table(doc, LEFT, RIGHT, y + 4)
    y = _totals(doc, y)
    issuer_footer(doc, footer(doc, max(y + 10, 270)))


def banded(doc: Doc) -> None:
    """A full-width coloured band holds the vendor's name (white) and maybe the title; facts below it."""
    sheet, rng = doc.sheet, doc.rng
    band_h = rng.uniform(26, 38)
    sheet.box(0, 0, doc.width, band_h, fill=doc.accent, stroke=None)
    name_size = rng.choice([16, 18, 22])
    name_y = band_h / 2 + 1
    vendor_at_start = doc.chance(0.6)
    x, align = (LEFT, "start") if vendor_at_start else (RIGHT, "end")
    sheet.text(x, name_y, doc.facts.vendor_name, name_size, bold=True, align=align, color=WHITE)
    if doc.chance(0.5):
        from ..names import TAGLINES

        sheet.text(
            x,
            name_y + line_height(name_size) - 1,
            rng.choice(TAGLINES[doc.facts.language]),
            8.5,
            align=align,
            color=WHITE,
        )
    title_in_band = doc.chance(0.5)
    other_x, other_align = (RIGHT, "end") if vendor_at_start else (LEFT, "start")
    if title_in_band:
        sheet.text(
            other_x, name_y, doc.title, rng.choice([14, 18]), bold=True, align=other_align, color=WHITE
        )
    y = band_h + 10
    if not title_in_band:
        sheet.text(
            other_x, y, doc.title, rng.choice([14, 16, 18]), bold=True, align=other_align, color=doc.accent
        )
        y += 9
    from ..names import address, phone

    details = [address(rng, doc.facts.language), f"{doc.words['phone']} {phone(rng, doc.facts.language)}"]
    identity = None
    if doc.facts.vendor_tax_id:
        identity = f"{doc.words['tax_id']} {doc.fmt.tax_id(doc.facts.vendor_tax_id, rng)}"
        if block_prints(doc):
            details.append(identity)
            doc.mark("vendor_tax_id")
    for text in details:
        if text is identity:
            y = print_identity(doc, x, y, text, align)
            continue
        sheet.text(x, y, text, 8.5, align=align)
        y += line_height(8.5)
    meta_x = 120 if vendor_at_start else LEFT
    y_meta = meta_block(doc, meta_x, band_h + (19 if not title_in_band else 10), rng.choice(KV_MODES), 75)
    y = customer_block(doc, LEFT + 2 if vendor_at_start else 120, max(y, y_meta) + 6)
    y = items_table(doc, LEFT, RIGHT, y + 6, style=rng.choice(["band", "band", "zebra", "rules"]))
    y = _totals(doc, y)
    issuer_footer(doc, footer(doc, max(y + 10, 270)))
