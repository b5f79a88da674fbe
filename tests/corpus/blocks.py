"""Page pieces every family composes: label/value pairs in five placements, the vendor's header (logo,
tagline, address, tax id), a customer block that looks like a vendor block, the document-facts block.

Coordinates are start-side millimetres (see page.Sheet); each function returns the y below what it drew."""

from __future__ import annotations

from datetime import date

from .doc import Doc
from .names import TAGLINES, address, phone
from .tax_id_places import block_prints, print_identity
from .tax_id_variety import customer_id

GREY = (0.4, 0.4, 0.4)
WHITE = (1.0, 1.0, 1.0)
KV_MODES = ("inline", "columns", "above", "after", "cell")


def line_height(size: float) -> float:
    return size * 0.5 + 1.2


def kv(
    doc: Doc, x: float, y: float, label: str, value: str, mode: str, width: float = 70, size: float = 9
) -> float:
    """One label and its value: `inline` ("Label: value"), `columns` (value in a column after the label),
    `above` (small label over the value), `after` (value first, label at the end side), `cell` (a box with
    the label in its top corner)."""
    sheet, colon = doc.sheet, doc.words.language != "he" or doc.chance(0.7)
    if doc.dates is not None and mode in ("columns", "after") and sheet.measure(value, size) > width * 0.5:
        mode = "above"  # a long value (a service period's range) would run over its label
    shown = f"{label}:" if colon and mode != "above" else label
    if mode == "inline":
        sheet.text(x, y, f"{shown} {value}", size)
        return y + line_height(size)
    if mode == "columns":
        sheet.text(x, y, shown, size, bold=doc.chance(0.4))
        column = x + max(width * 0.45, sheet.measure(shown, size) + 3)
        if doc.chance(0.5):
            sheet.text(x + width, y, value, size, align="end")
        else:
            sheet.text(column, y, value, size)
        return y + line_height(size)
    if mode == "after":
        sheet.text(x, y, value, size, bold=doc.chance(0.3))
        sheet.text(x + width, y, shown, size, align="end", color=GREY if doc.chance(0.3) else (0, 0, 0))
        return y + line_height(size)
    if mode == "above":
        sheet.text(x, y, label, size - 1.5, color=GREY if doc.chance(0.6) else doc.accent)
        sheet.text(x, y + line_height(size - 1.5), value, size, bold=doc.chance(0.5))
        return y + line_height(size - 1.5) + line_height(size) + 1
    height = line_height(size - 2) + line_height(size) + 2.5
    sheet.box(x, y - 3.2, width, height, stroke=(0.3, 0.3, 0.3), line_width=0.5)
    sheet.text(x + 1.5, y, label, size - 2, color=GREY)
    sheet.text(x + 1.5, y + line_height(size - 2) + 0.8, value, size)
    return y + height + 1


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split()[:2] if word[0].isalnum()).upper()


def logo(doc: Doc, x: float, y: float, size: float = 14) -> float:
    """A round badge with initials; returns its width."""
    doc.sheet.circle(x + size / 2, y + size / 2 - 4, size / 2, doc.accent)
    doc.sheet.text(
        x + size / 2,
        y + 1,
        _initials(doc.facts.vendor_name),
        size * 0.8,
        bold=True,
        align="centre",
        color=WHITE,
    )
    return size + 3


def tax_id_line(doc: Doc, customer: bool = False) -> str | None:
    facts = doc.facts
    value = facts.customer_tax_id if customer else facts.vendor_tax_id
    if value is None:
        return None
    label = doc.words["customer_tax_id" if customer and doc.chance(0.4) else "tax_id"]
    return (
        f"{label} {doc.fmt.tax_id(value, doc.rng)}"
        if doc.chance(0.6)
        else f"{label}: {doc.fmt.tax_id(value, doc.rng)}"
    )


def vendor_header(
    doc: Doc,
    x: float,
    y: float,
    align: str = "start",
    name_size: float = 16,
    with_logo: bool | None = None,
    color: tuple = (0, 0, 0),
    tax_id: bool = True,
) -> float:
    """Vendor name, maybe a logo and a tagline beside it, then address, phone and the tax id."""
    sheet, facts, language = doc.sheet, doc.facts, doc.facts.language
    if with_logo is None:
        with_logo = doc.chance(0.35)
    if with_logo and align == "start":
        x += logo(doc, x, y)
    tagline_first = doc.chance(0.25)
    tagline = doc.rng.choice(TAGLINES[language]) if doc.chance(0.45) else None
    if tagline and tagline_first:
        sheet.text(
            x, y - name_size * 0.45, tagline, 8, align=align, color=color if color != (0, 0, 0) else GREY
        )
        y += 1
    sheet.text(x, y, facts.vendor_name, name_size, bold=True, align=align, color=color)
    y += line_height(name_size) - 1
    if tagline and not tagline_first:
        sheet.text(x, y, tagline, 8.5, align=align, color=color if color != (0, 0, 0) else doc.accent)
        y += line_height(8.5)
    lines = [address(doc.rng, language), f"{doc.words['phone']} {phone(doc.rng, language)}"]
    if doc.chance(0.3):
        lines = [" | ".join(lines)]
    identity = tax_id_line(doc) if tax_id else None
    if identity:
        at = doc.rng.randint(0, len(lines))
        if block_prints(doc):
            lines.insert(at, identity)
            doc.mark("vendor_tax_id")
    for text in lines:
        if text is identity:
            y = print_identity(doc, x, y, text, align, color)
            continue
        sheet.text(x, y, text, 8.5, align=align, color=color)
        y += line_height(8.5)
    return y


def customer_block(
    doc: Doc, x: float, y: float, align: str = "start", boxed: bool = False, width: float = 80
) -> float:
    """לכבוד / Bill To, then a name sometimes as prominent as the vendor's, an address, maybe a tax id."""
    sheet, facts = doc.sheet, doc.facts
    top = y
    label = doc.words["customer"]
    sheet.text(x, y, label + (":" if doc.chance(0.5) else ""), 9, bold=doc.chance(0.6), align=align)
    y += line_height(9)
    name_size = doc.rng.choice([9.5, 10, 11, 13])
    sheet.text(x, y, facts.customer_name, name_size, bold=doc.chance(0.6), align=align)
    y += line_height(name_size)
    sheet.text(x, y, address(doc.rng, facts.language), 8.5, align=align)
    y += line_height(8.5)
    identity = tax_id_line(doc, customer=True) if doc.chance(0.6) else None
    if identity:
        sheet.text(x, y, identity, 8.5, align=align)
        y += line_height(8.5)
    if boxed and align == "start":
        sheet.box(x - 2, top - 4.5, width, y - top + 3, stroke=(0.5, 0.5, 0.5))
    return y + 2


def meta_pairs(doc: Doc, with_tax_id: bool = False) -> list[tuple[str, str]]:
    """(label, value) for the document's own facts, in a drawn order; marks what it prints."""
    facts, words, fmt = doc.facts, doc.words, doc.fmt
    pairs = [(words["number"], facts.invoice_number), (words["date"], fmt.date(facts.invoice_date))]
    if facts.due_date and doc.chance(0.85):
        pairs.append((words["due"], fmt.date(facts.due_date)))
        doc.mark("due_date")
    variety = doc.tax_ids
    in_facts = with_tax_id if variety is None else variety.facts_print(with_tax_id)
    if in_facts and facts.vendor_tax_id:
        # a pair the family did not ask for draws from the variety's stream, not the page's
        drawn_from = doc.rng if with_tax_id or variety is None else variety.rng
        pairs.append((words["tax_id"], fmt.tax_id(facts.vendor_tax_id, drawn_from)))
        doc.mark("vendor_tax_id")
        if variety is not None and variety.customer_pair:  # the customer's id beside it: a distractor
            theirs = customer_id(variety, facts.vendor_tax_id, facts.customer_tax_id)
            pairs.append((words["customer_tax_id"], fmt.tax_id(theirs, variety.rng)))
    elif with_tax_id and facts.vendor_tax_id and variety is not None:
        fmt.tax_id(facts.vendor_tax_id, doc.rng)  # the draw the pair took: the page's others unchanged
        variety.pending = True
    if facts.allocation_number and doc.chance(0.5):
        pairs.append((words["allocation"], facts.allocation_number))
        doc.mark("allocation_number")
    if doc.chance(0.3):
        pairs.append((doc.words["phone"], phone(doc.rng, facts.language)))  # a digit-heavy distractor
    if doc.chance(0.2):
        doc.rng.shuffle(pairs)
    if doc.dates is not None:  # other dates (delivery, order, period) among the document's own
        others = doc.dates.other_pairs(facts.invoice_date, fmt.date)
        for (label, value), slot in zip(others, doc.dates.slots, strict=True):
            pairs.insert(round(slot * len(pairs)), (label, value))
    return pairs


def _is_date_pair(doc: Doc, label: str) -> bool:
    variety = doc.dates
    others = {other_label for _, other_label, _ in variety.others} if variety else set()
    return label in (doc.words["date"], doc.words["due"]) or label in others


def meta_block(
    doc: Doc, x: float, y: float, mode: str, width: float = 70, size: float = 9.5, with_tax_id: bool = False
) -> float:
    split = doc.dates.split_mode if doc.dates else None
    for label, value in meta_pairs(doc, with_tax_id):
        shown = split if split and _is_date_pair(doc, label) else mode
        y = kv(doc, x, y, label, value, shown, width, size)
    return y


def footer(doc: Doc, y: float, x: float = 15, align: str = "start") -> float:
    """Currency note (always when amounts carry no sign outside Israel), thanks, page number; returns
    the y below them."""
    words, sheet = doc.words, doc.sheet
    lines = []
    implied = doc.facts.language == "he" and doc.facts.currency == "ILS"  # shekels go without saying there
    if (doc.fmt.sign == "" and not implied) or doc.chance(0.2):
        lines.append(words["amounts_in"])
    if doc.chance(0.5):
        lines.append(words["thanks"])
    if doc.chance(0.4):
        lines.append(words["page"])
    for text in lines:
        sheet.text(x, y, text, 8, align=align, color=GREY)
        y += line_height(8)
    return y


STAMP_WORDS = {"he": "שולם", "en": "PAID", "de": "BEZAHLT", "fr": "PAYÉ", "es": "PAGADO"}


def stamp(doc: Doc) -> None:
    """A round PAID stamp with its own date, dropped anywhere on the lower half, over whatever is there."""
    rng, sheet = doc.rng, doc.sheet
    color = rng.choice([(0.15, 0.25, 0.75), (0.75, 0.15, 0.15), (0.2, 0.5, 0.3)])
    x, y, radius = rng.uniform(40, sheet.width - 40), rng.uniform(150, 250), rng.uniform(12, 17)
    sheet.circle(x, y, radius, None, stroke=color, line_width=1.6)
    sheet.circle(x, y, radius - 2, None, stroke=color, line_width=0.6)
    paid_on = doc.facts.invoice_date.toordinal() + rng.randint(0, 40)
    sheet.text(
        x, y - 1, STAMP_WORDS[doc.facts.language], radius * 0.9, bold=True, align="centre", color=color
    )
    sheet.text(x, y + 5, doc.fmt.date(date.fromordinal(paid_on)), 7, align="centre", color=color)
