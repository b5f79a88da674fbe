"""Development families: a facts strip (labels in a header row, values under them, with order and terms
distractors) and a minimal page whose vendor appears only as a brand (or a badge of initials) on top
and in the footer."""

from __future__ import annotations

from ..blocks import (
    GREY,
    KV_MODES,
    customer_block,
    footer,
    line_height,
    logo,
    meta_block,
    meta_pairs,
    vendor_header,
)
from ..doc import Doc
from ..issuer_footer import issuer_footer, side_rng
from ..names import address, phone
from ..tables import LIGHT, items_table, totals_anyhow
from ..tax_id_places import block_prints

LEFT, RIGHT = 15.0, 195.0
ORDER = {"he": "הזמנה מס'", "en": "PO Number", "de": "Bestellnr.", "fr": "Bon de commande", "es": "Pedido nº"}
TERMS = {"he": "תנאי תשלום", "en": "Terms", "de": "Zahlungsziel", "fr": "Conditions", "es": "Condiciones"}
TERMS_VALUE = {
    "he": "שוטף + {n}",
    "en": "Net {n}",
    "de": "{n} Tage netto",
    "fr": "{n} jours",
    "es": "{n} días",
}


def strip(doc: Doc) -> None:
    """Vendor and customer side by side on top; the title (often with the number in it); a strip of
    boxed cells: labels in a shaded header row, values beneath, among order-number and terms cells."""
    sheet, rng, facts = doc.sheet, doc.rng, doc.facts
    top = rng.uniform(16, 24)
    vendor_first = doc.chance(0.6)
    vendor_x, customer_x = (LEFT, 115.0) if vendor_first else (115.0, LEFT)
    y_vendor = vendor_header(doc, vendor_x, top, name_size=rng.choice([13, 15, 17]))
    y_customer = customer_block(doc, customer_x, top, boxed=doc.chance(0.4), width=78)
    y = max(y_vendor, y_customer) + 8
    number_in_title = doc.chance(0.5)
    title = f"{doc.title} {doc.words['number'] if doc.chance(0.3) else ''} {facts.invoice_number}".replace(
        "  ", " "
    )
    centred = doc.chance(0.3)
    sheet.text(
        105 if centred else LEFT,
        y,
        title if number_in_title else doc.title,
        rng.choice([14, 16, 18]),
        bold=True,
        align="centre" if centred else "start",
    )
    y += 8
    cells = [pair for pair in meta_pairs(doc) if not number_in_title or pair[1] != facts.invoice_number]
    if doc.chance(0.6):
        cells.insert(rng.randint(0, len(cells)), (ORDER[facts.language], str(rng.randint(100000, 999999))))
    if doc.chance(0.5):
        cells.append((TERMS[facts.language], TERMS_VALUE[facts.language].format(n=rng.choice([30, 45, 60]))))
    width = (RIGHT - LEFT) / len(cells)
    sheet.box(LEFT, y - 4.5, RIGHT - LEFT, 7, fill=LIGHT, stroke=(0.4, 0.4, 0.4), line_width=0.4)
    sheet.box(LEFT, y + 2.5, RIGHT - LEFT, 8, stroke=(0.4, 0.4, 0.4), line_width=0.4)
    for index, (label, value) in enumerate(cells):
        x = LEFT + index * width
        sheet.text(x + 2, y, label, sheet.fit(label, 8.5, width - 3), bold=True)
        sheet.text(x + 2, y + 8, value, sheet.fit(value, 9.5, width - 3))
        if index:
            sheet.vrule(x, y - 4.5, y + 10.5)
    y = items_table(doc, LEFT, RIGHT, y + 22)
    width = rng.uniform(60, 80)
    y = totals_anyhow(doc, RIGHT - width if doc.chance(0.7) else LEFT, width, y)
    issuer_footer(doc, footer(doc, max(y + 10, 270)))


def minimal(doc: Doc) -> None:
    """A brand word on top (not the legal name), title and facts, customer, table, totals; the legal
    name, tax id and address only in the small footer at the page's end."""
    sheet, rng, facts = doc.sheet, doc.rng, doc.facts
    brand = facts.vendor_name.split()[0]
    top = rng.uniform(18, 26)
    brand_size = rng.choice([20, 24, 28])
    if side_rng(doc, "logo-only").random() < 0.3:
        logo(doc, LEFT, top, size=16)  # a badge of initials: the issuer is named only in the footer
    else:
        sheet.text(
            LEFT,
            top,
            brand.upper() if facts.language != "he" else brand,
            brand_size,
            bold=True,
            color=doc.accent,
        )
    sheet.text(RIGHT, top, doc.title, rng.choice([14, 18]), bold=True, align="end")
    y = meta_block(doc, RIGHT - 70, top + 10, rng.choice(KV_MODES), 70)
    y = customer_block(doc, LEFT, max(y, top + 14) + 4) + 6
    y = items_table(doc, LEFT, RIGHT, y)
    width = rng.uniform(60, 80)
    y = totals_anyhow(doc, RIGHT - width, width, y)
    footer(doc, y + 6)
    foot_y = rng.uniform(268, 278)
    sheet.rule(LEFT, foot_y - 5, RIGHT, 0.3, color=GREY)
    parts = [
        facts.vendor_name,
        address(rng, facts.language),
        f"{doc.words['phone']} {phone(rng, facts.language)}",
    ]
    if facts.vendor_tax_id:
        identity = f"{doc.words['tax_id']} {doc.fmt.tax_id(facts.vendor_tax_id, rng)}"
        if block_prints(doc):
            parts.insert(1, identity)
            doc.mark("vendor_tax_id")
    if doc.chance(0.5):
        sheet.text(105, foot_y, " | ".join(parts[:2]), 7.5, align="centre", color=GREY)
        sheet.text(105, foot_y + line_height(7.5), " | ".join(parts[2:]), 7.5, align="centre", color=GREY)
    else:
        for index, text in enumerate(parts):
            sheet.text(
                LEFT + (index % 2) * 90, foot_y + (index // 2) * line_height(7.5), text, 7.5, color=GREY
            )
