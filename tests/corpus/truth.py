"""Random but coherent invoice facts (the truth a generated document must yield)."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from stdnum import luhn

_HE_NAME = (
    ["אור", "גל", "שקד", "תמר", "הדר", "אלון", "נגה", "רימון"],
    ["מערכות", "שירותים", "טכנולוגיות", "הנדסה", "סחר", "ייעוץ", "תקשורת"],
)
_EN_NAME = (
    ["Blue", "North", "Cedar", "Summit", "Bright", "Atlas", "Maple", "Harbor"],
    ["Systems", "Consulting", "Supplies", "Labs", "Trading", "Works", "Partners"],
)
_EN_SUFFIX = ["Ltd", "Inc.", "LLC", "GmbH", "Limited"]
_HE_ITEMS = ["שירותי ייעוץ", "רישיון תוכנה", "תחזוקה חודשית", "התקנת ציוד", "הדרכת צוות", "אחסון ענן"]
_EN_ITEMS = [
    "Consulting services",
    "Software license",
    "Monthly maintenance",
    "Equipment installation",
    "Training session",
    "Cloud hosting",
]


@dataclass
class Truth:
    language: str
    document_type: str
    vendor_name: str
    vendor_tax_id: str
    customer_name: str
    customer_tax_id: str
    invoice_number: str
    invoice_date: str
    due_date: str | None
    currency: str
    subtotal: float | None
    vat_rate: float
    vat_amount: float | None
    total: float
    allocation_number: str | None
    line_items: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def israeli_id(rng: random.Random, company: bool = True) -> str:
    body = ("5" if company else str(rng.randint(0, 3))) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return body + luhn.calc_check_digit(body)


def _items(rng: random.Random, names: list[str]) -> list[dict]:
    items = []
    for description in rng.sample(names, rng.randint(2, 4)):
        quantity = rng.choice([1, 1, 2, 3, 5, 10])
        unit_price = round(rng.choice([rng.uniform(20, 900), rng.uniform(900, 4000)]), 2)
        items.append(
            {
                "description": description,
                "quantity": quantity,
                "unit_price": unit_price,
                "amount": round(quantity * unit_price, 2),
            }
        )
    return items


def make_truth(rng: random.Random, language: str, document_type: str) -> Truth:
    issued = date(2024, 1, 1) + timedelta(days=rng.randint(0, 680))
    if language == "he":
        vendor = f'{rng.choice(_HE_NAME[0])} {rng.choice(_HE_NAME[1])} בע"מ'
        customer = f'{rng.choice(_HE_NAME[0])} {rng.choice(_HE_NAME[1])} בע"מ'
        tax_id, customer_id = israeli_id(rng), israeli_id(rng)
        currency = "ILS"
        rate = 0.17 if issued < date(2025, 1, 1) else 0.18
        items = _items(rng, _HE_ITEMS)
    else:
        currency = rng.choice(["USD", "EUR", "GBP"])
        vendor = f"{rng.choice(_EN_NAME[0])} {rng.choice(_EN_NAME[1])} {rng.choice(_EN_SUFFIX)}"
        customer = f"{rng.choice(_EN_NAME[0])} {rng.choice(_EN_NAME[1])} {rng.choice(_EN_SUFFIX)}"
        country = {"USD": "US", "EUR": rng.choice(["DE", "FR", "NL"]), "GBP": "GB"}[currency]
        digits = "".join(str(rng.randint(0, 9)) for _ in range(9))
        tax_id = f"{country}{digits}" if country != "US" else f"{digits[:2]}-{digits[2:]}"
        customer_id = f"{country}{''.join(str(rng.randint(0, 9)) for _ in range(9))}"
        rate = {"USD": 0.08, "EUR": rng.choice([0.19, 0.2, 0.21]), "GBP": 0.2}[currency]
        items = _items(rng, _EN_ITEMS)
    sign = -1 if document_type == "credit_note" else 1
    for item in items:
        item["amount"] *= sign
    subtotal = round(sum(item["amount"] for item in items), 2)
    vat = round(subtotal * rate, 2) if document_type != "receipt" else 0.0
    rate = rate if document_type != "receipt" else 0.0
    allocation = None
    if language == "he" and document_type in ("tax_invoice", "tax_invoice_receipt") and subtotal > 10000:
        allocation = "".join(str(rng.randint(0, 9)) for _ in range(9))
    due = (
        (issued + timedelta(days=rng.choice([14, 30, 45]))).isoformat()
        if document_type in ("tax_invoice", "invoice")
        else None
    )
    printed_subtotal = subtotal if document_type != "receipt" else None  # receipts print only the total
    prefix = rng.choice(["", "INV-", "", "2025-", "A"]) if language == "en" else ""
    return Truth(
        language,
        document_type,
        vendor,
        tax_id.replace("-", ""),
        customer,
        customer_id,
        f"{prefix}{rng.randint(1000, 99999)}",
        issued.isoformat(),
        due,
        currency,
        printed_subtotal,
        rate,
        vat if printed_subtotal is not None else None,
        round(subtotal + vat, 2),
        allocation,
        items,
    )
