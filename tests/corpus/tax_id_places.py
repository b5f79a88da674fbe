"""Where `tax_id_variety` puts a development document's vendor tax id: its row in the vendor's block as
one line, as a small label over the value or as a boxed cell; or, once the family has drawn its page,
in a corner of the other side, a coloured band across the top or small grey print at the page's foot.
Every draw here is from the variety's own stream."""

from __future__ import annotations

from .doc import Doc
from .page import Box, Color, Text
from .tax_id_variety import customer_id

GREY: Color = (0.4, 0.4, 0.4)
WHITE: Color = (1.0, 1.0, 1.0)
MARGIN = 15.0


def split_identity(doc: Doc, identity: str) -> tuple[str, str]:
    """('VAT No.', 'GB123456789') of an identity line 'VAT No.: GB123456789'."""
    label = doc.words["tax_id"]
    if identity.startswith(label):
        return label, identity[len(label) :].lstrip(": ")
    label, _, value = identity.rpartition(" ")
    return label.rstrip(":"), value


def block_prints(doc: Doc) -> bool:
    """Whether the vendor's block prints the id; if not, the id is left for `finish` to print."""
    variety = doc.tax_ids
    if variety is None or variety.block_prints():
        return True
    variety.pending = True
    return False


def identity_lines(doc: Doc, identity: str) -> list[str]:
    """The identity as lines of a narrow block (a till slip's): one, or the label over the value."""
    if doc.tax_ids is None or doc.tax_ids.place != "above":
        return [identity]
    return list(split_identity(doc, identity))


def print_identity(
    doc: Doc,
    x: float,
    y: float,
    identity: str,
    align: str = "start",
    color: Color = (0, 0, 0),
    size: float = 8.5,
) -> float:
    """The identity line in the vendor's block, as the variety places it; returns the y below it."""
    sheet, variety = doc.sheet, doc.tax_ids
    place = variety.place if variety is not None else "usual"
    if place == "usual":
        sheet.text(x, y, identity, size, align=align, color=color)
        return y + size * 0.5 + 1.2
    label, value = split_identity(doc, identity)
    label_color = color if color != (0, 0, 0) else GREY
    if place == "above":
        sheet.text(x, y, label, size - 1.5, align=align, color=label_color)
        y += (size - 1.5) * 0.5 + 1.2
        sheet.text(
            x,
            y,
            value,
            size,
            align=align,
            color=color,
            bold=variety is not None and variety.rng.random() < 0.4,
        )
        return y + size * 0.5 + 1.2
    return id_cell(doc, x, y + 2, label, value, align, color) + 1


def id_cell(
    doc: Doc, x: float, y: float, label: str, value: str, align: str = "start", color: Color = (0, 0, 0)
) -> float:
    """A box with the label small in its top corner and the value under it; returns the y below it."""
    sheet = doc.sheet
    width = max(sheet.measure(label, 7) + 4, sheet.measure(value, 9.5) + 5, 32.0)
    height = 7 * 0.5 + 1.2 + 9.5 * 0.5 + 1.2 + 2.5
    left = x - width if align == "end" else x
    sheet.box(left, y - 3.2, width, height, stroke=(0.3, 0.3, 0.3), line_width=0.5)
    sheet.text(left + 1.5, y, label, 7, color=color if color != (0, 0, 0) else GREY)
    sheet.text(left + 1.5, y + 7 * 0.5 + 2.0, value, 9.5, color=color)
    return y - 3.2 + height


def _ink_over(doc: Doc, x: float, y: float) -> Color:
    """White over a dark fill at start-side (x, y) (a band, a panel), else black."""
    page_x = doc.width - x if doc.sheet.rtl else x
    for item in reversed(doc.sheet.page.items):
        if isinstance(item, Box) and item.fill is not None:
            if item.x <= page_x <= item.x + item.w and item.y <= y <= item.y + item.h:
                return WHITE if sum(item.fill) / 3 < 0.6 else (0, 0, 0)
    return (0, 0, 0)


def finish(doc: Doc) -> None:
    """Prints the vendor's id where the variety moved it, when its block left it (`block_prints`)."""
    variety, facts = doc.tax_ids, doc.facts
    if variety is None or not variety.pending or "vendor_tax_id" in doc.printed or not facts.vendor_tax_id:
        return
    label = doc.words["tax_id"]
    value = doc.fmt.tax_id(facts.vendor_tax_id, variety.rng)
    place = variety.place if variety.moved else "footer"
    if place == "corner":
        _corner(doc, label, value)
    elif place == "band":
        _band(doc, label, value)
    else:
        _foot(doc, label, value)
    doc.mark("vendor_tax_id")


def _corner(doc: Doc, label: str, value: str) -> None:
    """Top of the page's other side: label over value, one line, or a boxed cell; maybe the customer's
    id beside it under its own label. Where the family printed there already (a band's name, a tall
    title), the foot of the page instead."""
    variety, sheet = doc.tax_ids, doc.sheet
    assert variety is not None
    rng = variety.rng
    style = rng.choice(["above", "inline", "cell"])
    pairs = [(label, value)]
    if variety.customer_pair:
        theirs = customer_id(variety, doc.facts.vendor_tax_id or "", doc.facts.customer_tax_id)
        pairs.append((doc.words["customer_tax_id"], doc.fmt.tax_id(theirs, rng)))
    separator = rng.choice([": ", " "])
    widths = [_corner_width(doc, style, pair, separator) for pair in pairs]
    x = doc.width - MARGIN
    if not corner_free(doc, x - sum(widths) - 10 * (len(widths) - 1), x, 16.5 if style == "cell" else 12.0):
        _foot(doc, label, value)
        return
    for (label_text, value_text), width in zip(pairs, widths, strict=True):
        color = _ink_over(doc, x - 2, 8)
        if style == "cell":
            id_cell(doc, x, 7.5, label_text, value_text, "end", color)
        elif style == "above":
            sheet.text(x, 6.5, label_text, 7, align="end", color=GREY if color != WHITE else WHITE)
            sheet.text(x, 10.5, value_text, 8.5, align="end", color=color)
        else:
            sheet.text(x, 9, f"{label_text}{separator}{value_text}", 8, align="end", color=color)
        x -= width + 10


def _corner_width(doc: Doc, style: str, pair: tuple[str, str], separator: str) -> float:
    label, value = pair
    measure = doc.sheet.measure
    if style == "cell":
        return max(measure(label, 7) + 4, measure(value, 9.5) + 5, 32.0)
    if style == "above":
        return max(measure(label, 7), measure(value, 8.5))
    return measure(f"{label}{separator}{value}", 8)


def corner_free(doc: Doc, start: float, end: float, bottom: float) -> bool:
    """No text the family drew reaches into start-side [start, end] x [2, bottom] (mm)."""
    return area_free(doc, start, end, 2, bottom)


def area_free(doc: Doc, start: float, end: float, top: float, bottom: float) -> bool:
    """No text on the page reaches into start-side [start, end] x [top, bottom] (mm)."""
    sheet = doc.sheet
    left, right = (doc.width - end, doc.width - start) if sheet.rtl else (start, end)
    for item in sheet.page.items:
        if not isinstance(item, Text) or item.y - 0.3 * item.size > bottom or item.y < top:
            continue
        width = sheet.measure(item.text, item.size, item.bold, item.face)
        first = {"l": item.x, "r": item.x - width, "c": item.x - width / 2}[item.align]
        if first < right and first + width > left:
            return False
    return True


def _band(doc: Doc, label: str, value: str) -> None:
    """A coloured band across the top (or the family's own band) with the id in white."""
    rng, sheet = doc.tax_ids.rng, doc.sheet  # type: ignore[union-attr]
    if _ink_over(doc, doc.width / 2, 4) != WHITE:
        sheet.page.items.insert(0, Box(0, 0, doc.width, 9, doc.accent, None))
    text = f"{label}{rng.choice([': ', ' '])}{value}"
    if rng.random() < 0.4:
        text = f"{doc.facts.vendor_name} · {text}"
    at_end = rng.random() < 0.6
    sheet.text(
        doc.width - MARGIN if at_end else MARGIN,
        6,
        text,
        7.5,
        align="end" if at_end else "start",
        color=WHITE,
    )


def _foot(doc: Doc, label: str, value: str) -> None:
    """Small grey print at the page's foot: the id alone, after the vendor's name, or under its label;
    above any row the family printed there (an issuer's footer), never over it."""
    rng, sheet = doc.tax_ids.rng, doc.sheet  # type: ignore[union-attr]
    size = rng.choice([6.0, 6.5, 7.0])
    align = rng.choice(["start", "centre", "end"])
    x = {"start": MARGIN, "centre": doc.width / 2, "end": doc.width - MARGIN}[align]
    style = rng.choice(["alone", "named", "above"])
    rows = [(label, size - 0.5), (value, size)] if style == "above" else []
    if not rows:
        text = f"{label}{rng.choice([': ', ' '])}{value}"
        rows = [(f"{doc.facts.vendor_name} · {text}" if style == "named" else text, size)]
    gap = size * 0.5 + 0.8
    bottom = _free_bottom(doc, x, align, rows, gap)
    for index, (text, text_size) in enumerate(rows):
        sheet.text(x, bottom - gap * (len(rows) - 1 - index), text, text_size, align=align, color=GREY)


def _free_bottom(doc: Doc, x: float, align: str, rows: list[tuple[str, float]], gap: float) -> float:
    """The lowest baseline (the page's foot, or higher by steps) where the rows touch no text."""
    width = max(doc.sheet.measure(text, size) for text, size in rows)
    start = {"start": x, "centre": x - width / 2, "end": x - width}[align]
    bottom = doc.sheet.page.height - 5
    height = gap * (len(rows) - 1) + 0.3 * rows[0][1]
    while bottom > doc.sheet.page.height - 30 and not area_free(
        doc, start, start + width, bottom - height - 0.5, bottom + 1.0
    ):
        bottom -= 2.0
    return bottom
