"""HELD-OUT families. Whoever tunes the extractor must not read this file or look at these pages or at
the extractor's output on them: the benchmark reports them apart to measure generalization."""

from __future__ import annotations

from ..blocks import GREY, customer_block, footer, kv, line_height, meta_pairs
from ..doc import Doc
from ..names import address, phone
from ..tables import items_table, totals_block, totals_lines

LEFT, RIGHT = 15.0, 195.0


def boxed_form(doc: Doc) -> None:
    """A form: a frame around the page, every fact in a labelled cell of a grid (supplier, customer,
    number, dates, ids), the table as a grid, totals in labelled cells."""
    sheet, rng, facts, words = doc.sheet, doc.rng, doc.facts, doc.words
    sheet.box(8, 8, doc.width - 16, 281, stroke=(0.2, 0.2, 0.2), line_width=1.0)
    sheet.text(105, 20, doc.title, rng.choice([16, 18, 20]), bold=True, align="centre")
    supplier = {"he": "ספק", "en": "Supplier", "de": "Lieferant", "fr": "Fournisseur", "es": "Proveedor"}
    cell_w = (RIGHT - LEFT) / 2 - 2
    details = [
        facts.vendor_name,
        address(rng, facts.language),
        f"{words['phone']} {phone(rng, facts.language)}",
    ]
    y = 30
    sheet.box(LEFT, y, cell_w, 30, stroke=(0.3, 0.3, 0.3))
    sheet.text(LEFT + 2, y + 4, supplier[facts.language], 7, color=GREY)
    for index, text in enumerate(details):
        size = 11 if index == 0 else 8.5
        sheet.text(LEFT + 2, y + 10 + index * 6, text, size, bold=index == 0)
    sheet.box(LEFT + cell_w + 4, y, cell_w, 30, stroke=(0.3, 0.3, 0.3))
    customer_block(doc, LEFT + cell_w + 6, y + 5)
    y += 38
    pairs = meta_pairs(doc, with_tax_id=True)
    columns = 3 if len(pairs) > 4 else 2
    width = (RIGHT - LEFT - (columns - 1) * 2) / columns
    for index, (label, value) in enumerate(pairs):
        row, column = divmod(index, columns)
        kv(doc, LEFT + column * (width + 2), y + row * 14, label, value, "cell", width, 10)
    y += ((len(pairs) + columns - 1) // columns) * 14 + 6
    y = items_table(doc, LEFT, RIGHT, y, style="grid")
    cell = 45.0
    x = RIGHT - cell if doc.chance(0.7) else LEFT
    for label, amount, emphasised in totals_lines(doc):
        kv(doc, x, y, label, amount, "cell", cell, 11 if emphasised else 9.5)
        y += 14
    if facts.allocation_number and "allocation_number" not in doc.printed:
        kv(doc, x, y, words["allocation"], facts.allocation_number, "cell", cell, 9.5)
        doc.mark("allocation_number")
    footer(doc, 280, x=LEFT + 2)


def letter(doc: Doc) -> None:
    """A business letter: the customer's address in the window at the top, the vendor's letterhead at
    the end side, a subject line that names the document, a sentence, the table, totals, and the
    vendor's legal details (tax id, bank) in a small three-column footer."""
    sheet, rng, facts, words, fmt = doc.sheet, doc.rng, doc.facts, doc.words, doc.fmt
    head_y = rng.uniform(16, 24)
    sheet.text(
        RIGHT, head_y, facts.vendor_name, rng.choice([12, 14, 16]), bold=True, align="end", color=doc.accent
    )
    sheet.text(RIGHT, head_y + 6, address(rng, facts.language), 8, align="end")
    sheet.text(RIGHT, head_y + 10.5, f"{words['phone']} {phone(rng, facts.language)}", 8, align="end")
    window_y = head_y + 26
    sheet.text(LEFT, window_y - 6, f"{facts.vendor_name} · {address(rng, facts.language)}", 6.5, color=GREY)
    y = customer_block(doc, LEFT, window_y)
    y_meta = window_y
    for label, value in meta_pairs(doc):
        y_meta = kv(doc, 130, y_meta, label, value, rng.choice(["above", "columns"]), 65, 9)
    y = max(y, y_meta) + 8
    subject = f"{doc.title} {facts.invoice_number}"
    sheet.text(LEFT, y, subject, 12, bold=True)
    y += 8
    body = {
        "he": "בהמשך לשיחתנו, להלן פירוט השירותים שסופקו.",
        "en": "As agreed, please find below the services provided.",
        "de": "Wie vereinbart berechnen wir Ihnen folgende Leistungen.",
        "fr": "Comme convenu, veuillez trouver ci-dessous le détail des prestations.",
        "es": "Según lo acordado, le detallamos los servicios prestados.",
    }[facts.language]
    sheet.text(LEFT, y, body, 9.5)
    y = items_table(doc, LEFT, RIGHT, y + 10, style=rng.choice(["rules", "zebra"]))
    y = totals_block(doc, RIGHT - 70, 70, y, boxed=False)
    due = facts.due_date and doc.chance(0.7)
    if due and facts.due_date:
        sheet.text(LEFT, y + 2, f"{words['due']}: {fmt.date(facts.due_date)}", 9.5)
        doc.mark("due_date")
    foot_y = 272.0
    sheet.rule(LEFT, foot_y - 5, RIGHT, 0.3)
    columns = [[facts.vendor_name, address(rng, facts.language)], [], []]
    if facts.vendor_tax_id:
        columns[1].append(f"{words['tax_id']} {fmt.tax_id(facts.vendor_tax_id, rng)}")
        doc.mark("vendor_tax_id")
    columns[1].append(f"{words['phone']} {phone(rng, facts.language)}")
    columns[2] += [f"IBAN XX{rng.randint(10, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"]
    for index, lines in enumerate(columns):
        for row, text in enumerate(lines):
            sheet.text(LEFT + index * 62, foot_y + row * line_height(7), text, 7, color=GREY)


def side_panel(doc: Doc) -> None:
    """A tall coloured panel down one side holds the vendor, its details and the document's facts
    (labels above values); the title, customer, table and totals fill the rest of the page."""
    sheet, rng, facts, words = doc.sheet, doc.rng, doc.facts, doc.words
    panel_w = rng.uniform(55, 68)
    panel_at_start = doc.chance(0.5)
    panel_x = 0.0 if panel_at_start else doc.width - panel_w
    light = tuple(0.85 + 0.15 * channel for channel in doc.accent)
    sheet.box(panel_x, 0, panel_w, 297, fill=light, stroke=None)
    x = panel_x + 6
    width = panel_w - 12
    y = 24.0
    size = sheet.fit(facts.vendor_name, rng.choice([12, 14]), width, bold=True)
    sheet.text(x, y, facts.vendor_name, size, bold=True, color=doc.accent)
    y += line_height(size) + 2
    for text in (address(rng, facts.language), f"{words['phone']} {phone(rng, facts.language)}"):
        sheet.text(x, y, text, sheet.fit(text, 8, width))
        y += line_height(8)
    y += 8
    for label, value in meta_pairs(doc, with_tax_id=True):
        y = kv(doc, x, y, label, value, "above", width, 9.5) + 1
    main_x = panel_w + 10 if panel_at_start else LEFT
    main_end = doc.width - 15 if panel_at_start else doc.width - panel_w - 10
    sheet.text(main_x, 26, doc.title, rng.choice([18, 22]), bold=True)
    y = customer_block(doc, main_x, 42)
    y = items_table(doc, main_x, main_end, y + 8, style=rng.choice(["rules", "band", "zebra"]), size=8.5)
    width = min(70.0, main_end - main_x)
    y = totals_block(doc, main_end - width, width, y)
    footer(doc, max(y + 10, 270), x=main_x)


BOOKLET_WORDS = {
    "he": ("פרטים", "חתימה", "מקור", "לכבוד"),
    "en": ("Particulars", "Signature", "ORIGINAL", "To"),
    "de": ("Bezeichnung", "Unterschrift", "ORIGINAL", "An"),
    "fr": ("Désignation", "Signature", "ORIGINAL", "À"),
    "es": ("Concepto", "Firma", "ORIGINAL", "A"),
}


def booklet(doc: Doc) -> None:
    """A pre-printed A5 invoice booklet filled in by hand: printed labels, dotted lines and a red serial
    number (the document's number); values in slanted "ink", a fixed grid of mostly empty rows."""
    from ..fonts import pick_ink

    sheet, rng, facts, words, fmt = doc.sheet, doc.rng, doc.facts, doc.words, doc.fmt
    ink, ink_color = pick_ink(rng), rng.choice([(0.1, 0.15, 0.55), (0.05, 0.05, 0.1)])
    printed = doc.accent
    facts.invoice_number = f"{rng.randint(1, 99999):0{rng.choice([5, 6])}d}"
    left, right, centre = 10.0, sheet.width - 10, sheet.width / 2
    size = sheet.fit(facts.vendor_name, 13, right - left, bold=True)
    sheet.text(centre, 14, facts.vendor_name, size, bold=True, align="centre", color=printed)
    details = [address(rng, facts.language), f"{words['phone']} {phone(rng, facts.language)}"]
    if facts.vendor_tax_id:
        details.append(f"{words['tax_id']} {fmt.tax_id(facts.vendor_tax_id, rng)}")
        doc.mark("vendor_tax_id")
    for row, text in enumerate(details):
        sheet.text(centre, 20 + row * 4.5, text, 7.5, align="centre", color=printed)
    y = 25 + len(details) * 4.5
    sheet.text(left, y, doc.title, 12, bold=True, color=printed)
    sheet.text(right, y, f"No {facts.invoice_number}", 12, bold=True, align="end", color=(0.8, 0.1, 0.1))
    sheet.text(centre, y + 5, BOOKLET_WORDS[facts.language][2], 7, align="centre", color=printed)
    y += 13

    def field(x: float, y: float, label: str, value: str, width: float) -> None:
        used = sheet.text(x, y, f"{label}:", 8.5, color=printed) + 1.5
        sheet.rule(x + used, y + 1, x + width, 0.3, dashed=True, color=printed)
        sheet.text(x + used + 2, y - 0.5, value, 10, color=ink_color, face=ink)

    field(left, y, BOOKLET_WORDS[facts.language][3], facts.customer_name, right - left)
    field(left, y + 8, words["date"], fmt.date(facts.invoice_date), 60)
    y += 16
    columns = (
        left + (right - left) * 0.55,
        left + (right - left) * 0.68,
        left + (right - left) * 0.83,
        right,
    )
    headers = (BOOKLET_WORDS[facts.language][0], words["quantity"], words["unit_price"], words["amount"])
    rows = max(6, len(facts.line_items) + 1)
    sheet.box(left, y, right - left, 7 + rows * 6.5, stroke=printed, line_width=0.5)
    for edge in columns[:-1]:
        sheet.vrule(edge, y, y + 7 + rows * 6.5, 0.4, printed)
    for header, start in zip(headers, (left, *columns[:-1]), strict=True):
        sheet.text(start + 1.2, y + 5, header, sheet.fit(header, 8, 20), bold=True, color=printed)
    for row, item in enumerate(facts.line_items):
        base = y + 12 + row * 6.5
        cells = (
            item["description"],
            fmt.quantity(item["quantity"]),
            fmt.number(item["unit_price"]),
            fmt.number(item["amount"]),
        )
        for cell, start, end in zip(cells, (left, *columns[:-1]), columns, strict=True):
            sheet.text(
                start + 1.2, base, cell, sheet.fit(cell, 9.5, end - start - 2), color=ink_color, face=ink
            )
    y += 7 + rows * 6.5 + 7
    for label, amount, emphasised in totals_lines(doc):
        sheet.text(columns[1], y, label, 8.5 if not emphasised else 9.5, bold=emphasised, color=printed)
        sheet.text(right - 1, y - 0.5, amount, 10, align="end", color=ink_color, face=ink)
        y += 7
    if facts.allocation_number and "allocation_number" not in doc.printed:
        field(left, y + 2, words["allocation"], facts.allocation_number, 70)
        doc.mark("allocation_number")
    sheet.rule(left, sheet.page.height - 14, left + 45, 0.3, color=printed)
    sheet.text(left, sheet.page.height - 10, BOOKLET_WORDS[facts.language][1], 7.5, color=printed)
