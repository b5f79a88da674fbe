"""Page layouts as positioned text rows. Written left-to-right; Hebrew pages are mirrored.

`HELD_OUT` layouts are never looked at while writing the rules: they measure generalization.
"""

from __future__ import annotations

import random
from datetime import date

from .truth import Truth

Row = tuple[float, float, str, float, str, bool]  # y mm, x mm, text, size pt, align l/r/c, bold

LABELS = {
    "en": {
        "title": {
            "tax_invoice": "TAX INVOICE",
            "invoice": "INVOICE",
            "receipt": "RECEIPT",
            "tax_invoice_receipt": "TAX INVOICE / RECEIPT",
            "credit_note": "CREDIT NOTE",
        },
        "number": ["Invoice No.", "Invoice #", "Invoice Number", "Document No."],
        "date": ["Date", "Invoice Date", "Issue Date"],
        "due": ["Due Date", "Payment Due"],
        "tax_id": ["VAT No.", "Tax ID", "VAT Reg. No."],
        "subtotal": ["Subtotal", "Net Amount", "Total before tax"],
        "vat": ["VAT {r}%", "Tax ({r}%)", "VAT @ {r}%"],
        "total": ["Total", "Amount Due", "Total Due", "Grand Total"],
        "bill_to": ["Bill To", "Customer", "Billed To"],
        "columns": ["Description", "Qty", "Unit Price", "Amount"],
        "allocation": ["Allocation No."],
        "phone": "Tel",
        "address": ["12 Harbor Road, Springfield", "Unit 4, 88 King Street, Leeds"],
    },
    "he": {
        "title": {
            "tax_invoice": "חשבונית מס",
            "invoice": "חשבונית עסקה",
            "receipt": "קבלה",
            "tax_invoice_receipt": "חשבונית מס/קבלה",
            "credit_note": "חשבונית זיכוי",
        },
        "number": ["מספר חשבונית", "מס' מסמך", "מספר מסמך"],
        "date": ["תאריך", "תאריך הפקה", "תאריך חשבונית"],
        "due": ["תאריך פירעון", "לתשלום עד"],
        "tax_id": ["ח.פ.", "ע.מ.", "עוסק מורשה", 'ח"פ'],
        "subtotal": ['סה"כ לפני מע"מ', "סכום ביניים", 'סה"כ ללא מע"מ'],
        "vat": ['מע"מ {r}%'],
        "total": ['סה"כ לתשלום', 'סה"כ כולל מע"מ', "לתשלום"],
        "bill_to": ["לכבוד", "לקוח"],
        "columns": ["תיאור", "כמות", "מחיר יחידה", 'סה"כ'],
        "allocation": ["מספר הקצאה"],
        "phone": "טל'",
        "address": ["רחוב הרצל 12, תל אביב", "שדרות רוטשילד 45, ראשון לציון"],
    },
}
HE_MONTHS = [
    "ינואר",
    "פברואר",
    "מרץ",
    "אפריל",
    "מאי",
    "יוני",
    "יולי",
    "אוגוסט",
    "ספטמבר",
    "אוקטובר",
    "נובמבר",
    "דצמבר",
]
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class Style:
    """One document's printing habits: how it writes money and dates, and which label words it uses."""

    def __init__(self, truth: Truth, rng: random.Random) -> None:
        self.truth, self.rng, self.words = truth, rng, LABELS[truth.language]
        self.pick = {key: rng.choice(value) for key, value in self.words.items() if isinstance(value, list)}
        self.money_style = rng.randint(0, 2)
        self.date_style = rng.randint(0, 2)

    def money(self, value: float) -> str:
        text = f"{abs(value):,.2f}"
        text = f"-{text}" if value < 0 else text
        if self.truth.currency == "EUR" and self.money_style == 2:
            text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
        mark = {
            "ILS": ["₪", '"ש"ח', "₪"],
            "USD": ["$", "USD", "$"],
            "EUR": ["€", "EUR", "€"],
            "GBP": ["£", "GBP", "£"],
        }[self.truth.currency][self.money_style]
        if self.truth.currency == "ILS":
            return f"{text} {mark.strip(chr(34)) if mark.startswith(chr(34)) else mark}"
        return f"{mark}{text}" if len(mark) == 1 else f"{mark} {text}"

    def date(self, iso: str) -> str:
        day = date.fromisoformat(iso)
        if self.truth.language == "he":
            return [
                f"{day:%d/%m/%Y}",
                f"{day:%d.%m.%y}",
                f"{day.day} ב{HE_MONTHS[day.month - 1]} {day.year}",
            ][self.date_style]
        if self.truth.currency == "USD":
            return [
                f"{day:%m/%d/%Y}",
                f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}",
                f"{day:%m/%d/%Y}",
            ][self.date_style]
        return [f"{day:%d/%m/%Y}", f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}", f"{day:%Y-%m-%d}"][
            self.date_style
        ]

    def label(self, key: str) -> str:
        text = self.pick[key]
        return text.replace("{r}", f"{self.truth.vat_rate * 100:g}")

    def tax_id_text(self) -> str:
        tax_id = self.truth.vendor_tax_id
        return f"{tax_id[:2]}-{tax_id[2:]}" if tax_id.isdigit() and self.truth.language == "en" else tax_id


def _items(style: Style, y: float, x_cols: tuple[float, ...]) -> tuple[list[Row], float]:
    rows: list[Row] = [
        (y, x, name, 9, "l" if i == 0 else "r", True)
        for i, (x, name) in enumerate(zip(x_cols, style.words["columns"], strict=True))
    ]
    for item in style.truth.line_items:
        y += 7
        cells = [
            item["description"],
            f"{item['quantity']:g}",
            style.money(item["unit_price"]),
            style.money(item["amount"]),
        ]
        rows += [
            (y, x, cell, 9, "l" if i == 0 else "r", False)
            for i, (x, cell) in enumerate(zip(x_cols, cells, strict=True))
        ]
    return rows, y + 12


def _totals(style: Style, y: float, label_x: float, value_x: float, leader: bool = False) -> list[Row]:
    truth, rows = style.truth, []
    parts = [("subtotal", truth.subtotal), ("vat", truth.vat_amount), ("total", truth.total)]
    if truth.document_type == "receipt":
        parts = [("total", truth.total)]
    for key, value in parts:
        label = style.label(key) + (" " + "." * 12 if leader else "")
        rows += [
            (y, label_x, label, 10, "l", key == "total"),
            (y, value_x, style.money(value), 10, "r", key == "total"),
        ]
        y += 7
    if truth.allocation_number:
        rows.append(
            (y + 4, label_x, f"{style.label('allocation')}: {truth.allocation_number}", 9, "l", False)
        )
    return rows


def _meta_pairs(style: Style) -> list[tuple[str, str]]:
    truth = style.truth
    pairs = [
        (style.label("number"), truth.invoice_number),
        (style.label("date"), style.date(truth.invoice_date)),
    ]
    if truth.due_date:
        pairs.append((style.label("due"), style.date(truth.due_date)))
    return pairs


def classic(style: Style) -> list[Row]:
    truth, words = style.truth, style.words
    rows: list[Row] = [
        (20, 15, truth.vendor_name, 16, "l", True),
        (28, 15, words["address"][0], 9, "l", False),
        (34, 15, f"{words['phone']} 03-5551234", 9, "l", False),
        (40, 15, f"{style.label('tax_id')} {style.tax_id_text()}", 9, "l", False),
        (22, 195, words["title"][truth.document_type], 18, "r", True),
    ]
    y = 34
    for label, value in _meta_pairs(style):
        rows.append((y, 195, f"{label}: {value}", 10, "r", False))
        y += 6
    rows += [
        (62, 15, style.label("bill_to") + ":", 10, "l", True),
        (68, 15, truth.customer_name, 10, "l", False),
        (74, 15, f"{style.label('tax_id')} {truth.customer_tax_id}", 9, "l", False),
    ]
    items, y = _items(style, 92, (15, 120, 155, 195))
    return rows + items + _totals(style, y, 120, 195)


def stacked(style: Style) -> list[Row]:
    truth, words = style.truth, style.words
    rows: list[Row] = [
        (18, 105, words["title"][truth.document_type], 20, "c", True),
        (34, 15, truth.vendor_name, 13, "l", True),
        (40, 15, f"{style.label('tax_id')}: {style.tax_id_text()}", 9, "l", False),
        (46, 15, words["address"][1], 9, "l", False),
    ]
    y = 34
    for label, value in _meta_pairs(style):
        rows += [(y, 150, label, 9, "l", True), (y + 5, 150, value, 10, "l", False)]
        y += 12
    rows += [(72, 15, style.label("bill_to"), 9, "l", True), (77, 15, truth.customer_name, 10, "l", False)]
    items, y = _items(style, 95, (15, 110, 150, 195))
    return rows + items + _totals(style, y, 110, 195)


def receipt(style: Style) -> list[Row]:
    truth, words = style.truth, style.words
    rows: list[Row] = [
        (15, 105, truth.vendor_name, 14, "c", True),
        (22, 105, words["address"][0], 9, "c", False),
        (28, 105, f"{style.label('tax_id')} {style.tax_id_text()}", 9, "c", False),
        (38, 105, words["title"][truth.document_type], 14, "c", True),
    ]
    y = 48
    for label, value in _meta_pairs(style):
        rows.append((y, 60, f"{label}: {value}", 9, "l", False))
        y += 6
    y += 4
    for item in truth.line_items:
        rows += [
            (y, 60, item["description"], 9, "l", False),
            (y + 5, 70, f"{item['quantity']:g} x {style.money(item['unit_price'])}", 9, "l", False),
            (y + 5, 150, style.money(item["amount"]), 9, "r", False),
        ]
        y += 12
    return rows + _totals(style, y + 4, 60, 150, leader=True)


def banner(style: Style) -> list[Row]:
    truth, words = style.truth, style.words
    meta = "    ".join(f"{label} {value}" for label, value in _meta_pairs(style)[:2])
    rows: list[Row] = [
        (20, 105, truth.vendor_name, 18, "c", True),
        (28, 105, f"{words['address'][1]} | {style.label('tax_id')} {style.tax_id_text()}", 9, "c", False),
        (44, 15, words["title"][truth.document_type], 14, "l", True),
        (52, 15, meta, 10, "l", False),
    ]
    if truth.due_date:
        rows.append((58, 15, f"{style.label('due')} {style.date(truth.due_date)}", 10, "l", False))
    rows += [(44, 130, style.label("bill_to"), 9, "l", True), (50, 130, truth.customer_name, 10, "l", False)]
    items, y = _items(style, 78, (15, 115, 155, 195))
    return rows + items + _totals(style, y, 115, 195)


def modern(style: Style) -> list[Row]:  # held out
    truth, words = style.truth, style.words
    rows: list[Row] = [
        (15, 195, words["title"][truth.document_type], 22, "r", True),
        (15, 15, truth.vendor_name, 11, "l", True),
        (20, 15, words["address"][0], 8, "l", False),
        (25, 15, f"{style.label('tax_id')} {style.tax_id_text()}", 8, "l", False),
    ]
    y = 40
    for label, value in _meta_pairs(style):
        rows += [(y, 130, label, 9, "l", False), (y, 195, value, 9, "r", True)]
        y += 6
    rows += [
        (40, 15, style.label("bill_to"), 8, "l", False),
        (45, 15, truth.customer_name, 10, "l", True),
        (50, 15, f"{style.label('tax_id')} {truth.customer_tax_id}", 8, "l", False),
    ]
    items, y = _items(style, 72, (15, 125, 160, 195))
    return rows + items + _totals(style, y, 125, 195)


def compact(style: Style) -> list[Row]:  # held out
    truth, words = style.truth, style.words
    rows: list[Row] = [
        (15, 15, f"{words['title'][truth.document_type]} {truth.invoice_number}", 14, "l", True),
        (24, 15, truth.vendor_name, 11, "l", True),
        (
            30,
            15,
            f"{style.label('tax_id')} {style.tax_id_text()} · {words['phone']} 03-5551234",
            8,
            "l",
            False,
        ),
        (38, 15, f"{style.label('date')}: {style.date(truth.invoice_date)}", 9, "l", False),
    ]
    if truth.due_date:
        rows.append((44, 15, f"{style.label('due')}: {style.date(truth.due_date)}", 9, "l", False))
    rows += [(24, 195, f"{style.label('bill_to')}: {truth.customer_name}", 9, "r", False)]
    items, y = _items(style, 60, (15, 120, 155, 195))
    return rows + items + _totals(style, y, 15, 80)


LAYOUTS = {
    "classic": classic,
    "stacked": stacked,
    "receipt": receipt,
    "banner": banner,
    "modern": modern,
    "compact": compact,
}
HELD_OUT = frozenset({"modern", "compact"})
