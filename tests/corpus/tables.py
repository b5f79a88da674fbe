"""The line-item table (grid, rules only, filled header or zebra rows; optional row-number and SKU
columns as digit distractors) and the totals block (either side, boxed or not, subtotal/VAT/total with
an allocation number and a VAT-included variant)."""

from __future__ import annotations

from .blocks import WHITE, line_height
from .doc import Doc
from .page import Color, Sheet
from .table_variety import GREY, detail_text, wrapped
from .totals_shapes import draw_shape, pick_shape, tax_part_at_second_rate
from .vocab import LABELS

LIGHT = (0.92, 0.92, 0.94)


def _columns(doc: Doc, x0: float, x1: float) -> list[tuple[str, str, float]]:
    """(key, header, end x) from the start side: description first, numbers towards the end."""
    words, span, table = doc.words, x1 - x0, doc.table
    keys = ["description", "quantity", "unit_price", "amount"]
    if doc.chance(0.25):
        keys.remove("unit_price" if doc.chance(0.5) else "quantity")
    if doc.chance(0.3):
        keys.insert(0, "row")
    if doc.chance(0.2):
        keys.insert(1 if keys[0] == "row" else 0, "sku")
    extra = table.extra if table else []
    if "unit" in extra:  # the unit code right after the quantity (or the description)
        keys.insert(keys.index("quantity" if "quantity" in keys else "description") + 1, "unit")
    keys[-1:-1] = [key for key in ("discount", "vat") if key in extra]  # the line total stays last
    scale = span / sum(SHARES[key] for key in keys)
    columns, edge = [], x0
    for key in keys:
        edge += SHARES[key] * scale
        header = {"row": "#", "sku": "SKU" if doc.facts.language != "he" else 'מק"ט'}.get(key)
        columns.append((key, header or (table.headers.get(key) if table else None) or words[key], edge))
    return columns


SHARES = {
    "row": 0.06,
    "sku": 0.12,
    "description": 0.44,
    "quantity": 0.1,
    "unit": 0.08,
    "unit_price": 0.16,
    "discount": 0.09,
    "vat": 0.09,
    "amount": 0.18,
}
START_ALIGNED = ("description", "sku", "row", "unit")


def _rate(doc: Doc, rate: float) -> str:
    assert doc.table is not None
    text = f"{rate * 100:g}".replace(".", "," if doc.fmt.decimal_comma else ".")
    return doc.table.percent.replace("{r}", text)


def _cell(doc: Doc, key: str, index: int, item: dict) -> str:
    fmt = doc.fmt
    if key in ("unit", "vat", "discount"):
        assert doc.table is not None
        return {
            "unit": doc.table.units[index],
            "vat": _rate(doc, doc.facts.vat_rate),
            "discount": _rate(doc, 0),
        }[key]
    return {
        "row": str(index + 1),
        "sku": f"{(doc.facts.invoice_date.toordinal() * 7 + index * 131) % 90000 + 10000}",
        "description": item["description"],
        "quantity": fmt.quantity(item["quantity"]),
        "unit_price": fmt.money(item["unit_price"]),
        "amount": fmt.money(item["amount"]),
    }[key]


def _header(doc: Doc, columns: list, starts: list[float], y: float, size: float, color: Color) -> float:
    """Draws the header; returns the extra height of headers printed over two lines."""
    sheet, two_line = doc.sheet, doc.table.two_line if doc.table else {}
    two_line = {
        key: lines for key, lines in two_line.items() if doc.words[key] in LABELS[doc.facts.language][key]
    }
    if not any(key in two_line for key, _, _ in columns):
        two_line = {}
    drop = line_height(size) if two_line else 0.0
    for (key, header, edge), start in zip(columns, starts, strict=True):
        lines = list(two_line.get(key, (header,)))
        top = y if len(lines) == 2 else y + drop  # a one-line header sits on the lower line
        for offset, text in enumerate(lines):
            line_y = top + offset * drop
            if key in START_ALIGNED:
                sheet.text(start + 1.5, line_y, text, size, bold=True, color=color)
            else:
                sheet.text(edge - 1.5, line_y, text, size, bold=True, align="end", color=color)
    return drop


def _row(
    doc: Doc, columns: list, starts: list[float], index: int, item: dict, y: float, size: float
) -> float:
    """Draws one item's cells; returns the extra height of its wrapped name and detail line."""
    sheet, table = doc.sheet, doc.table
    extra = 0.0
    for (key, _, edge), start in zip(columns, starts, strict=True):
        text = _cell(doc, key, index, item)
        width = edge - start - 2
        if key != "description" or table is None:
            if key in START_ALIGNED:
                sheet.text(start + 1.5, y, text, sheet.fit(text, size, width))
            else:
                sheet.text(edge - 1.5, y, text, sheet.fit(text, size, edge - start - 2.5), align="end")
            continue
        lines = wrapped(text) if table.wrap else [text]
        line_size = min(sheet.fit(line, size, width) for line in lines)
        for offset, line in enumerate(lines):
            sheet.text(start + 1.5, y + offset * line_height(size), line, line_size)
        extra = (len(lines) - 1) * line_height(size)
        if index in table.details:
            detail = detail_text(table.details[index], doc.facts.invoice_date, doc.fmt.date)
            small = size - (1 if table.detail_grey else 1.5)
            color = GREY if table.detail_grey else (0, 0, 0)
            extra += line_height(small)
            sheet.text(start + 1.5, y + extra, detail, sheet.fit(detail, small, width), color=color)
    return extra


def _redraw_under(sheet: Sheet, at: int, box: tuple[float, float, float, float], fill: Color) -> None:
    """The fill drawn as item `at` of the page, drawn again with this box (taller, once the text over
    it is known) and kept under what was drawn after it."""
    sheet.page.items.pop(at)
    sheet.box(*box, fill=fill, stroke=None)
    sheet.page.items.insert(at, sheet.page.items.pop())


def items_table(doc: Doc, x0: float, x1: float, y: float, style: str | None = None, size: float = 9) -> float:
    """style: grid, rules, band (filled header) or zebra. Returns y below the table."""
    sheet = doc.sheet
    style = style or doc.rng.choice(["grid", "rules", "band", "zebra"])
    columns = _columns(doc, x0, x1)
    row_h = line_height(size) + 1.5
    header_color = WHITE if style == "band" else (0, 0, 0)
    starts = [x0, *[edge for _, _, edge in columns[:-1]]]
    if style == "band":  # drawn first, under the header; as tall as a two-line header needs
        band = len(sheet.page.items)
        sheet.box(x0, y - 4.5, x1 - x0, row_h, fill=doc.accent, stroke=None)
    drop = _header(doc, columns, starts, y, size, header_color)
    if style == "band" and drop:
        _redraw_under(sheet, band, (x0, y - 4.5, x1 - x0, row_h + drop), doc.accent)
    top = y - 4.5
    y += drop
    if style in ("rules", "grid", "zebra"):
        sheet.rule(x0, y + 1.8, x1, 0.8)
    for index, item in enumerate(doc.facts.line_items):
        y += row_h
        if style == "zebra" and index % 2 == 0:
            stripe = len(sheet.page.items)
            sheet.box(x0, y - 4.3, x1 - x0, row_h, fill=LIGHT, stroke=None)
        extra = _row(doc, columns, starts, index, item, y, size)
        if style == "zebra" and index % 2 == 0 and extra:  # the stripe under every line of the item
            _redraw_under(sheet, stripe, (x0, y - 4.3, x1 - x0, row_h + extra), LIGHT)
        y += extra
    bottom = y + 2.5
    if style == "grid":
        sheet.box(x0, top, x1 - x0, bottom - top, stroke=(0.2, 0.2, 0.2))
        for edge in starts[1:]:
            sheet.vrule(edge, top, bottom, 0.4)
    elif style == "rules":
        sheet.rule(x0, bottom, x1, 0.6)
    return bottom + 6


def totals_lines(doc: Doc) -> list[tuple[str, str, bool]]:
    """(label, amount text, emphasised) for the totals block; marks what it prints."""
    facts, words, fmt = doc.facts, doc.words, doc.fmt
    lines: list[tuple[str, str, bool]] = []
    # An Israeli receipt (קבלה) acknowledges a payment: no VAT breakdown.
    vat_charged = facts.vat_rate > 0 and not (facts.country == "IL" and facts.document_type == "receipt")
    if facts.discount:
        lines.append((words["items_total"], fmt.money(facts.items_sum), False))
        lines.append((words["discount"], fmt.money(-facts.discount), False))
    if vat_charged and (not facts.prices_include_vat or doc.chance(0.5)):
        lines.append((words["subtotal"], fmt.money(facts.subtotal), False))
        lines.append((words["vat"], fmt.money(facts.vat_amount), False))
        doc.mark("subtotal", "vat_amount", "vat_rate")
    elif facts.vat_rate == 0 and doc.chance(0.5):
        lines.append((words["subtotal"], fmt.money(facts.subtotal), False))
        doc.mark("subtotal")
    if facts.rounding:
        lines.append((words["rounding"], fmt.number(facts.rounding), False))
    lines.append((words["total"], fmt.money(facts.total, signed=True), True))
    if vat_charged and facts.prices_include_vat and "vat_amount" not in doc.printed:
        lines.append((words["vat_included"], fmt.money(facts.vat_amount), False))
        doc.mark("vat_amount", "vat_rate")
    return lines


def totals_block(
    doc: Doc, x: float, width: float, y: float, boxed: bool | None = None, size: float = 10
) -> float:
    """Label at x, amount end-aligned at x + width; the total line bold, maybe on a filled band."""
    sheet = doc.sheet
    boxed = doc.chance(0.3) if boxed is None else boxed
    top = y - 5
    lines = totals_lines(doc)
    needed = max(
        sheet.measure(label, size + 1.5, True) + sheet.measure(amount, size + 1.5, True) + 6
        for label, amount, _ in lines
    )
    if needed > width:  # grow towards the start side rather than print label over amount
        x, width = max(10.0, x - (needed - width)), needed
    for label, amount, emphasised in lines:
        line_size = size + (1.5 if emphasised else 0)
        if emphasised and doc.chance(0.35):
            sheet.box(
                x - 1.5,
                y - line_size * 0.42,
                width + 3,
                line_height(line_size) + 1,
                fill=doc.accent,
                stroke=None,
            )
            color = WHITE
        else:
            color = (0, 0, 0)
        sheet.text(x, y, label, line_size, bold=emphasised, color=color)
        sheet.text(x + width, y, amount, line_size, bold=emphasised, align="end", color=color)
        y += line_height(line_size) + 1.5
    if boxed:
        sheet.box(x - 3, top, width + 6, y - top - 2, stroke=(0.3, 0.3, 0.3))
    if doc.facts.allocation_number and "allocation_number" not in doc.printed:
        sheet.text(x, y + 3, f"{doc.words['allocation']}: {doc.facts.allocation_number}", 8.5)
        doc.mark("allocation_number")
        y += 6
    return y + 4


def totals_anyhow(doc: Doc, x: float, width: float, y: float) -> float:
    """DEV families' totals: mostly the stacked block, sometimes a strip of boxed cells (labels over
    amounts), amounts before their labels, or one of `totals_shapes.SHAPES` (a dark band, a boxed
    grid, labels above amounts, two VAT rates)."""
    shape = pick_shape(doc)
    layout = doc.rng.choice(["stacked", "stacked", "stacked", "strip", "after"])
    if layout == "stacked" and shape is None:
        return totals_block(doc, x, width, y)
    if shape == "two_rates":
        tax_part_at_second_rate(doc)
    sheet, lines = doc.sheet, totals_lines(doc)
    if shape is not None:
        y = draw_shape(doc, shape, lines, x, width, y)
    elif layout == "strip":
        x0, x1 = 15.0, doc.width - 15.0
        cell = (x1 - x0) / len(lines)
        sheet.box(x0, y - 4.5, x1 - x0, 7, fill=LIGHT, stroke=(0.4, 0.4, 0.4), line_width=0.4)
        sheet.box(x0, y + 2.5, x1 - x0, 8, stroke=(0.4, 0.4, 0.4), line_width=0.4)
        for index, (label, amount, emphasised) in enumerate(lines):
            left = x0 + index * cell
            sheet.text(left + 2, y, label, sheet.fit(label, 8.5, cell - 3), bold=True)
            sheet.text(left + 2, y + 8, amount, sheet.fit(amount, 9.5, cell - 3), bold=emphasised)
            if index:
                sheet.vrule(left, y - 4.5, y + 10.5)
        y += 16
    else:
        for label, amount, emphasised in lines:
            size = 10 + (1.5 if emphasised else 0)
            sheet.text(x, y, amount, size, bold=emphasised)
            sheet.text(x + width, y, label, size, bold=emphasised, align="end")
            y += line_height(size) + 1.5
    if doc.facts.allocation_number and "allocation_number" not in doc.printed:
        sheet.text(x, y + 3, f"{doc.words['allocation']}: {doc.facts.allocation_number}", 8.5)
        doc.mark("allocation_number")
        y += 6
    return y + 4
