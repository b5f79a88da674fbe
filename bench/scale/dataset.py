"""A large, realistic tenant as plain rows (pure, seeded): businesses with Hebrew and English names,
and invoices whose `fields`, OCR text and search text look like the extractor's output.

Mix: ~2,000 businesses (two thirds Hebrew), invoices over 3 years, popular vendors far more frequent
than rare ones (Zipf-like), 85 % ILS, statuses as a working tenant has them, line items, evidence.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from stdnum import luhn

from invoiceme_common.search_index import search_document
from invoiceme_common.vendor_matching import normalize_name

HEBREW_KINDS = [
    "מאפיית", "מוסך", "משרד עורכי דין", "קפה", "מסעדת", "חשמל", "אינסטלציה", "דפוס", "מחשבים",
    "הובלות", "ניקיון", "פרחי", "סופר", "מכולת", "בית מרקחת", "צילום", "גרפיקה", "ייעוץ", "הנדסה", "ספרי",
]  # fmt: skip
HEBREW_NAMES = [
    "כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שלום", "אזולאי", "דהן", "השרון", "הגליל",
    "ירושלים", "הכרמל", "הנגב", "גולן", "אלון", "ברק", "רימון", "תמר", "זית", "ארז", "שקד", "נחל",
]  # fmt: skip
HEBREW_SUFFIXES = [' בע"מ', " בע״מ", "", "", " ושות'", " בעמ"]
ENGLISH_WORDS = [
    "Acme", "Global", "Blue", "Summit", "Delta", "Orion", "Cedar", "Nova", "Pioneer", "Harbor", "Atlas",
    "Vertex", "Bright", "Prime", "Silver", "Oak", "Falcon", "Matrix", "Quantum", "Zenith",
]  # fmt: skip
ENGLISH_KINDS = [
    "Software", "Logistics", "Consulting", "Cloud", "Print", "Office Supplies", "Networks", "Design",
    "Travel", "Catering", "Security", "Labs", "Media", "Hosting", "Analytics",
]  # fmt: skip
ENGLISH_SUFFIXES = [" Ltd", " Ltd.", " Inc.", " LLC", "", " GmbH"]
ITEMS = [
    "שירותי ייעוץ", "תיקון", "חלקי חילוף", "מנוי חודשי", "הובלה", "ניקיון משרדים", "Software license",
    "Cloud hosting", "Consulting hours", "Office chairs", "Printer toner", "Domain renewal", "קפה ומאפה",
    "ארוחת צהריים", "כרטיסי ביקור", "שעות עבודה", "Support plan", "Shipping",
]  # fmt: skip
CITIES = ["תל אביב", "חיפה", "ירושלים", "באר שבע"]
CURRENCIES = [("ILS", 85), ("USD", 10), ("EUR", 4), ("GBP", 1)]
STATUSES = [("extracted", 85), ("needs_review", 10), ("failed", 3), ("received", 1), ("ocr_done", 1)]
RATES_TO_ILS = {"ILS": Decimal(1), "USD": Decimal("3.65"), "EUR": Decimal("3.95"), "GBP": Decimal("4.6")}
DOCUMENT_TYPES = [("tax_invoice", 60), ("tax_invoice_receipt", 25), ("receipt", 10), ("credit_note", 5)]
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Business:
    id: uuid.UUID
    name: str
    name_key: str
    tax_id: str
    aliases: list[str]
    monthly_limit: Decimal | None
    display_order: int


@dataclass(frozen=True)
class Invoice:
    """One `invoices` row (the columns the bench writes) and what analytics needs to replay it."""

    id: uuid.UUID
    status: str
    error: str | None
    filename: str
    size_bytes: int
    sha256: str
    fields: dict[str, Any]
    business_id: uuid.UUID | None
    match_method: str
    ocr_text: str | None
    search_text: str
    created_at: datetime


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _company_number(rng: random.Random) -> str:
    body = "5" + "".join(rng.choice("0123456789") for _ in range(7))
    return body + luhn.calc_check_digit(body)


def make_businesses(rng: random.Random, count: int) -> list[Business]:
    businesses: list[Business] = []
    seen: set[str] = set()
    while len(businesses) < count:
        if rng.random() < 0.66:
            base = f"{rng.choice(HEBREW_KINDS)} {rng.choice(HEBREW_NAMES)}"
            if rng.random() < 0.5:
                base += f" {rng.choice(HEBREW_NAMES)}"
            name = base + rng.choice(HEBREW_SUFFIXES)
        else:
            base = f"{rng.choice(ENGLISH_WORDS)} {rng.choice(ENGLISH_KINDS)}"
            if rng.random() < 0.4:
                base = f"{rng.choice(ENGLISH_WORDS)} {base}"
            name = base + rng.choice(ENGLISH_SUFFIXES)
        key = normalize_name(name)
        if key in seen:
            continue
        seen.add(key)
        aliases = [base.upper()] if rng.random() < 0.1 else []
        limit = Decimal(rng.choice([500, 1000, 2500, 5000])) if rng.random() < 0.05 else None
        businesses.append(
            Business(uuid.uuid4(), name, key, _company_number(rng), aliases, limit, len(businesses))
        )
    return businesses


def _money(value: float) -> float:
    return float(Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP))


def _line_items(rng: random.Random, subtotal: float) -> list[dict[str, Any]]:
    count = rng.randint(1, 4)
    shares = [rng.random() + 0.2 for _ in range(count)]
    items = []
    for share in shares:
        amount = _money(subtotal * share / sum(shares))
        quantity = rng.choice([1, 1, 1, 2, 3, 5])
        items.append(
            {
                "description": rng.choice(ITEMS),
                "quantity": float(quantity),
                "unit_price": _money(amount / quantity),
                "amount": amount,
            }
        )
    return items


def _ocr_text(rng: random.Random, vendor: str, fields: dict[str, Any], tax_id: str) -> str:
    lines = [
        vendor,
        f"ח.פ. {tax_id}",
        f"רחוב {rng.choice(HEBREW_NAMES)} {rng.randint(1, 200)}, {rng.choice(CITIES)}",
        f"טלפון 0{rng.randint(2, 9)}-{rng.randint(1000000, 9999999)}",
        "חשבונית מס / Tax Invoice",
        f"מספר {fields['invoice_number']}   תאריך {fields['invoice_date']}",
        *(f"{item['description']}  {item['quantity']:g} x {item['unit_price']:.2f}  {item['amount']:.2f}"
          for item in fields["line_items"]),
        f'סה"כ לפני מע"מ {fields["subtotal"]:.2f}',
        f'מע"מ {fields["vat_rate"]:g}% {fields["vat_amount"]:.2f}',
        f'סה"כ לתשלום {fields["total"]:.2f} {fields["currency"]}',
        "תודה על הקנייה! Thank you for your business",
    ]  # fmt: skip
    return "\n".join(lines)


def _fields(rng: random.Random, business: Business, day: date, serial: int) -> dict[str, Any]:
    currency = _weighted(rng, CURRENCIES)
    total = _money(min(rng.lognormvariate(5.8, 1.1), 90_000))
    vat_rate = 0.0 if currency != "ILS" else (18.0 if day >= date(2025, 1, 1) else 17.0)
    subtotal = _money(total / (1 + vat_rate / 100))
    document_type = _weighted(rng, DOCUMENT_TYPES)
    vendor = business.name if rng.random() < 0.7 else business.name_key.upper()
    fields: dict[str, Any] = {
        "document_type": document_type,
        "vendor_name": vendor,
        "vendor_tax_id": business.tax_id,
        "invoice_number": f"{rng.choice(['', 'INV-', 'A'])}{serial}",
        "invoice_date": day.isoformat(),
        "due_date": (day + timedelta(days=30)).isoformat(),
        "currency": currency,
        "subtotal": subtotal,
        "vat_rate": vat_rate,
        "vat_amount": _money(total - subtotal),
        "total": total,
        "allocation_number": str(rng.randint(100000000, 999999999)) if subtotal > 5000 else None,
        "line_items": _line_items(rng, subtotal),
    }
    fields["confidence"] = {name: round(rng.uniform(0.7, 1.0), 2) for name in ("vendor_name", "total")}
    fields["source"] = {"vendor_name": "rules", "total": "rules"}
    fields["evidence"] = {"total": {"text": f"{total:.2f}", "page": 1, "box": None}}
    return fields


def make_invoices(
    rng: random.Random, businesses: list[Business], count: int, today: date, years: int = 3
) -> list[Invoice]:
    """`count` invoices dated over `years` years up to `today`; vendor popularity is Zipf-like."""
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(len(businesses))]
    vendors = rng.choices(businesses, weights=popularity, k=count)
    span = years * 365
    invoices = []
    for serial, business in enumerate(vendors, start=10_000):
        day = today - timedelta(days=rng.randrange(span))
        created = datetime.combine(day, datetime.min.time(), UTC) + timedelta(
            days=rng.randint(0, 10), seconds=rng.randrange(86_400)
        )
        created = min(created, datetime.combine(today, datetime.min.time(), UTC))
        status = _weighted(rng, STATUSES)
        filename = (
            f"{rng.choice(['scan', 'invoice', 'חשבונית', 'IMG'])}_{serial}.{rng.choice(['pdf', 'jpg'])}"
        )
        common = {
            "id": uuid.uuid4(),
            "filename": filename,
            "size_bytes": rng.randint(20_000, 2_000_000),
            "sha256": uuid.uuid4().hex + uuid.uuid4().hex,
            "created_at": created,
        }
        if status in ("failed", "received", "ocr_done"):
            error = "the file could not be read" if status == "failed" else None
            invoices.append(
                Invoice(
                    **common,
                    status=status,
                    error=error,
                    fields={},
                    business_id=None,
                    match_method="none",
                    ocr_text=None,
                    search_text=filename.lower(),
                )
            )
            continue
        fields = _fields(rng, business, day, serial)
        ocr_text = _ocr_text(rng, fields["vendor_name"], fields, business.tax_id)
        assigned = rng.random() < 0.92
        invoices.append(
            Invoice(
                **common,
                status=status,
                error=None,
                fields=fields,
                business_id=business.id if assigned else None,
                match_method="tax_id" if assigned else "none",
                ocr_text=ocr_text,
                search_text=search_document(fields, filename, ocr_text),
            )
        )
    return invoices
