"""What one generated document says, drawn at random but coherent: parties, ids with valid check digits,
dates, VAT by country and date, line items, totals. `Facts.truth()` is what extraction must return."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from stdnum import luhn

from . import names

LANGUAGES = ("he", "en", "de", "fr", "es")
# Document types each language's vendors issue (repeats weight the draw).
DOCUMENT_TYPES = {
    "he": ("tax_invoice", "tax_invoice", "tax_invoice_receipt", "receipt", "invoice", "credit_note"),
    "en": ("tax_invoice", "invoice", "invoice", "receipt", "credit_note", "tax_invoice_receipt"),
    "de": ("invoice", "invoice", "receipt", "credit_note"),
    "fr": ("invoice", "invoice", "receipt", "credit_note"),
    "es": ("invoice", "invoice", "receipt", "credit_note"),
}
EU_VAT = {"de": (0.19, 0.07), "fr": (0.2, 0.1), "es": (0.21, 0.1)}
# Amount before VAT above which an Israeli tax invoice carries an allocation number (from the date given).
ALLOCATION_THRESHOLDS = ((date(2024, 5, 5), 25_000), (date(2025, 1, 1), 20_000), (date(2026, 1, 1), 10_000))


def israeli_vat(on: date) -> float:
    return 0.17 if on < date(2025, 1, 1) else 0.18


def israeli_id(rng: random.Random, company: bool = True) -> str:
    """A 9-digit ע.מ./ח.פ. with a valid check digit; company numbers (ח.פ.) start with 5."""
    body = (
        "5" + rng.choice("1123") if company else str(rng.randint(0, 3)) + str(rng.randint(0, 9))
    ) + "".join(str(rng.randint(0, 9)) for _ in range(6))
    return body + luhn.calc_check_digit(body)


def _allocation_needed(issued: date, subtotal: float, document_type: str) -> bool:
    threshold = None
    for start, amount in ALLOCATION_THRESHOLDS:
        if start <= issued:
            threshold = amount
    return (
        threshold is not None
        and document_type in ("tax_invoice", "tax_invoice_receipt")
        and subtotal > threshold
    )


def _eu_tax_id(rng: random.Random, language: str) -> str:
    digits = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    if language == "de":
        return "DE" + digits(9)
    if language == "fr":
        return "FR" + digits(11)
    return "ES" + rng.choice("ABG") + digits(8)


# a reduced VAT rate per country, for the part of the items it applies to (0 in Israel: exempt)
SECOND_RATE = {"DE": 0.07, "FR": 0.055, "ES": 0.1, "GB": 0.05, "IE": 0.135, "IL": 0.0}


@dataclass
class Facts:
    language: str
    country: str  # IL, US, GB, DE, FR, ES
    document_type: str
    vendor_name: str
    vendor_tax_id: str | None
    customer_name: str
    customer_tax_id: str | None
    invoice_number: str
    invoice_date: date
    due_date: date | None
    currency: str
    vat_rate: float  # 0 where no VAT is charged
    line_items: list[dict] = field(default_factory=list)
    allocation_number: str | None = None
    rounding: float = 0.0  # till slips round the amount due to 10 agorot / cents
    prices_include_vat: bool = False  # shop prices are gross: VAT is worked back out of the sum
    discount: float = 0.0  # off the items' net sum, before VAT (only where prices are net)
    shipping: float = 0.0  # a net delivery charge, taxed at the main rate (net prices only)
    second_rate: float | None = None  # the last `second_rate_items` items are taxed at this rate
    second_rate_items: int = 0

    @property
    def items_sum(self) -> float:
        return round(sum(item["amount"] for item in self.line_items), 2)

    @property
    def vat_amount(self) -> float:
        if self.prices_include_vat:
            return round(self.items_sum * self.vat_rate / (1 + self.vat_rate), 2)
        if self.second_rate is not None:
            return round(sum(round(net * rate, 2) for rate, net in self.net_by_rate()), 2)
        return round(self.subtotal * self.vat_rate, 2)

    @property
    def subtotal(self) -> float:
        """Amount before VAT."""
        if self.prices_include_vat:
            return round(self.items_sum - self.vat_amount, 2)
        return round(self.items_sum - self.discount + self.shipping, 2)

    def net_by_rate(self) -> list[tuple[float, float]]:
        """(rate, amount before VAT) per VAT rate, the main rate first (net prices only)."""
        if self.second_rate is None or not self.second_rate_items:
            return [(self.vat_rate, self.subtotal)]
        second = round(sum(item["amount"] for item in self.line_items[-self.second_rate_items :]), 2)
        return [(self.vat_rate, round(self.subtotal - second, 2)), (self.second_rate, second)]

    @property
    def total(self) -> float:
        return round(self.subtotal + self.vat_amount + self.rounding, 2)


def _line_items(rng: random.Random, language: str, sign: int, small: bool) -> list[dict]:
    catalogue = names.ITEMS[language]
    items = []
    for description in rng.sample(catalogue, rng.randint(1, 6) if not small else rng.randint(2, 8)):
        scale = rng.choice([(3, 40), (20, 400), (300, 3000), (2000, 25000)]) if not small else (2, 60)
        quantities = [1, 1, 1, 2, 3, 4, 5, 10, 12, 1.5, 2.5] if scale[1] <= 400 else [1, 1, 1, 2, 1.5, 3]
        quantity = rng.choice(quantities if not small else [1, 1, 2, 3])
        unit_price = round(rng.uniform(*scale), rng.choice([2, 2, 0]))
        amount = round(quantity * unit_price, 2)
        items.append(
            {
                "description": description,
                "quantity": quantity,
                "unit_price": unit_price,
                "amount": sign * amount,
            }
        )
    return items


def _country(rng: random.Random, language: str) -> tuple[str, str]:
    if language == "he":
        return "IL", rng.choice(["ILS"] * 9 + ["USD"])
    if language == "en":
        country = rng.choice(["IL", "IL", "US", "GB", "IE"])
        return country, {"IL": "ILS", "US": "USD", "GB": "GBP", "IE": "EUR"}[country]
    return language.upper(), "EUR"


def draw_facts(
    rng: random.Random, language: str, till_slip: bool = False, document_types: tuple[str, ...] | None = None
) -> Facts:
    country, currency = _country(rng, language)
    allowed = [kind for kind in DOCUMENT_TYPES[language] if document_types is None or kind in document_types]
    document_type = "receipt" if till_slip and rng.random() < 0.7 else rng.choice(allowed or ["receipt"])
    if till_slip and document_type == "invoice" and country == "IL":
        document_type = "tax_invoice_receipt"
    issued = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))
    if country == "IL":
        rate = israeli_vat(issued)
        vendor_id, customer_id = israeli_id(rng, rng.random() < 0.75), israeli_id(rng)
    elif country == "US":
        rate, vendor_id = (
            rng.choice([0.0, 0.0625, 0.08, 0.0875]),
            rng.choice([None, f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"]),
        )
        customer_id = None
    elif country in ("GB", "IE"):
        rate = 0.2 if country == "GB" else 0.23
        vendor_id = ("GB" if country == "GB" else "IE") + "".join(
            str(rng.randint(0, 9)) for _ in range(9 if country == "GB" else 8)
        )
        customer_id = None
    else:
        rate = rng.choice(EU_VAT[language][:1] * 3 + EU_VAT[language][1:])
        vendor_id, customer_id = _eu_tax_id(rng, language), rng.choice([None, _eu_tax_id(rng, language)])
    sign = -1 if document_type == "credit_note" else 1
    items = _line_items(rng, language, sign, small=till_slip)
    vendor, customer = names.company(rng, language), names.company(rng, language)
    facts = Facts(
        language=language,
        country=country,
        document_type=document_type,
        vendor_name=vendor,
        vendor_tax_id=vendor_id.replace("-", "") if vendor_id else None,
        customer_name=customer,
        customer_tax_id=customer_id,
        invoice_number=names.document_number(rng, language),
        invoice_date=issued,
        due_date=issued + timedelta(days=rng.choice([0, 14, 30, 30, 45, 60]))
        if document_type in ("tax_invoice", "invoice") and rng.random() < 0.7
        else None,
        currency=currency,
        vat_rate=rate,
        line_items=items,
    )
    if facts.due_date == issued:
        facts.due_date = None
    facts.prices_include_vat = document_type == "receipt" or (till_slip and rng.random() < 0.6)
    if not facts.prices_include_vat and not till_slip and rng.random() < 0.15:
        facts.discount = round(facts.items_sum * rng.choice([0.05, 0.1, 0.15]), 2)
    if till_slip and rng.random() < 0.4:
        cents = round(facts.subtotal + facts.vat_amount, 2)
        facts.rounding = round(round(cents, 1) - cents, 2)
    if country == "IL" and currency == "ILS" and _allocation_needed(issued, facts.subtotal, document_type):
        facts.allocation_number = "".join(str(rng.randint(0, 9)) for _ in range(9))
    return facts
