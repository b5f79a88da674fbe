"""Realistic demo invoices (Hebrew and English) as born-digital PDFs, over 12 months and several vendors.

Hebrew is drawn in visual order (python-bidi's `get_display`), as real Israeli invoicing software
writes it, so the OCR service's text-layer reader has the same work to do as with real files.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class DemoVendor:
    name: str
    tax_id: str | None
    language: str  # he | en
    currency: str
    amount: tuple[float, float]  # range of the amount before VAT
    every_days: int  # how often it bills
    item: str
    monthly_limit: float | None = None


def _with_check_digit(first_eight: str) -> str:
    """Israeli company/dealer numbers end with a Luhn-style check digit."""
    total = 0
    for index, char in enumerate(first_eight):
        product = int(char) * (1 if index % 2 == 0 else 2)
        total += product - 9 if product > 9 else product
    return first_eight + str((10 - total % 10) % 10)


VENDORS = (
    DemoVendor(
        'בזק בינלאומי בע"מ',
        _with_check_digit("51309342"),
        "he",
        "ILS",
        (211.78, 211.78),
        30,
        "שירותי אינטרנט",
        400,
    ),
    DemoVendor(
        "חברת החשמל לישראל", _with_check_digit("52000047"), "he", "ILS", (380, 820), 60, "צריכת חשמל", 900
    ),
    DemoVendor('שופרסל בע"מ', _with_check_digit("52002273"), "he", "ILS", (120, 900), 12, "מוצרי מזון", 2500),
    DemoVendor('פז חברת נפט בע"מ', _with_check_digit("51096680"), "he", "ILS", (200, 380), 20, "דלק", 800),
    DemoVendor(
        "משרד רו\"ח לוי ושות'",
        _with_check_digit("51477521"),
        "he",
        "ILS",
        (1800, 1800),
        30,
        "הנהלת חשבונות",
        None,
    ),
    DemoVendor("Amazon Web Services", None, "en", "USD", (80, 160), 30, "Cloud services"),
    DemoVendor("Google Workspace", None, "en", "USD", (36, 36), 30, "Business Starter licences"),
    DemoVendor("Figma Ireland Ltd", None, "en", "EUR", (45, 45), 30, "Professional plan"),
)
# One large job (above the allocation-number threshold) per year, to show VAT reclaim rules.
CONTRACTOR = DemoVendor(
    'א.ב. שיפוצים בע"מ', _with_check_digit("51555666"), "he", "ILS", (12000, 26000), 365, "עבודות שיפוץ"
)


@dataclass(frozen=True)
class DemoInvoice:
    vendor: DemoVendor
    number: str
    day: date
    subtotal: Decimal
    vat: Decimal
    allocation_number: str | None
    copy: bool = False  # a re-sent copy of an invoice already sent (a possible duplicate)

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.vat

    @property
    def filename(self) -> str:
        return f"{self.day.isoformat()}-{self.number}{'-copy' if self.copy else ''}.pdf"


def vat_rate(day: date) -> Decimal:
    return Decimal("0.18") if day >= date(2025, 1, 1) else Decimal("0.17")


def plan_invoices(today: date, months: int, rng: random.Random) -> list[DemoInvoice]:
    """Every vendor's bills over the last `months` months, on its own rhythm, oldest first."""
    start = today - timedelta(days=30 * months)
    invoices: list[DemoInvoice] = []
    for vendor in (*VENDORS, CONTRACTOR):
        day = start + timedelta(days=rng.randrange(vendor.every_days))
        sequence = rng.randrange(1000, 9000)
        while day <= today:
            subtotal = Decimal(str(rng.uniform(*vendor.amount))).quantize(CENT, ROUND_HALF_UP)
            israeli = vendor.language == "he"
            vat = (subtotal * vat_rate(day)).quantize(CENT, ROUND_HALF_UP) if israeli else Decimal("0.00")
            allocation = str(rng.randrange(100_000_000, 999_999_999)) if israeli and subtotal > 5000 else None
            invoices.append(DemoInvoice(vendor, str(sequence), day, subtotal, vat, allocation))
            sequence += rng.randrange(1, 40)
            jitter = rng.randint(-2, 2) if vendor.every_days > 7 else rng.randint(-3, 3)
            day += timedelta(days=max(1, vendor.every_days + jitter))
    invoices.extend(anomalies(invoices, today, rng))
    return sorted(invoices, key=lambda invoice: (invoice.day, invoice.number, invoice.copy))


def anomalies(regular: list[DemoInvoice], today: date, rng: random.Random) -> list[DemoInvoice]:
    """What the insights should find: a spike, a re-sent copy, a large job without an allocation number."""
    electric, bezeq = VENDORS[1], VENDORS[0]
    spike_day = today - timedelta(days=5)
    spike_subtotal = Decimal("2480.00")
    extras = [
        DemoInvoice(
            electric,
            str(rng.randrange(90000, 99999)),
            spike_day,
            spike_subtotal,
            (spike_subtotal * vat_rate(spike_day)).quantize(CENT),
            None,
        )
    ]
    last_bezeq = max(
        (invoice for invoice in regular if invoice.vendor is bezeq), key=lambda invoice: invoice.day
    )
    extras.append(
        DemoInvoice(
            bezeq, last_bezeq.number, last_bezeq.day, last_bezeq.subtotal, last_bezeq.vat, None, copy=True
        )
    )
    job_day, job_subtotal = today - timedelta(days=12), Decimal("8600.00")
    extras.append(
        DemoInvoice(
            CONTRACTOR,
            str(rng.randrange(2000, 2999)),
            job_day,
            job_subtotal,
            (job_subtotal * vat_rate(job_day)).quantize(CENT),
            None,
        )
    )
    return extras


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def invoice_lines(invoice: DemoInvoice) -> list[str]:
    """The printed lines, in logical order (Hebrew still to be made visual)."""
    vendor, day = invoice.vendor, invoice.day.strftime("%d/%m/%Y")
    if vendor.language == "en":
        day = invoice.day.strftime("%b %d, %Y")  # as foreign SaaS invoices print it: never ambiguous
    if vendor.language == "he":
        lines = [
            vendor.name,
            f"ע.מ. {vendor.tax_id}",
            f"חשבונית מס מספר {invoice.number}",
            f"תאריך {day}",
            f"{vendor.item} {_money(invoice.subtotal)}",
            f'סה"כ לפני מע"מ {_money(invoice.subtotal)}',
            f'מע"מ {vat_rate(invoice.day) * 100:.0f}% {_money(invoice.vat)}',
            f'סה"כ לתשלום {_money(invoice.total)} ש"ח',
        ]
        if invoice.allocation_number:
            lines.append(f"מספר הקצאה {invoice.allocation_number}")
        if invoice.copy:
            lines.append("העתק נאמן למקור")
        return lines
    return [
        vendor.name,
        f"Invoice No. {invoice.number}",
        f"Date {day}",
        f"Currency {vendor.currency}",
        f"{vendor.item} {_money(invoice.subtotal)}",
        f"Total due {vendor.currency} {_money(invoice.total)}",
    ]


def render_pdf(invoice: DemoInvoice) -> bytes:
    """One A5-ish page: Hebrew right-aligned in visual order, English left-aligned."""
    from bidi import get_display
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONT_PATH))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setTitle(f"{invoice.vendor.name} {invoice.number}")
    width, height = A4
    top, margin = height - 72, 60
    for row, text in enumerate(invoice_lines(invoice)):
        page.setFont("DejaVuSans", 18 if row == 0 else 13)
        y = top - row * 26
        if any("\u0590" <= char <= "\u05ff" for char in text):
            page.drawRightString(width - margin, y, get_display(text))
        else:
            page.drawString(margin, y, text)
    page.showPage()
    page.save()
    return buffer.getvalue()
