"""Money rules with no I/O: exchange rates by date, conversion, and Israeli input-VAT reclaim.

An invoice is converted at the rate **of its own date** (the latest published rate on or before it),
never today's. A rate older than `max_age_days` before the invoice date is still used but comes
with an explicit warning, and a pair with no rate at all yields no converted amount and a warning:
never a silent 1.0.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources

CENT = Decimal("0.01")
BUNDLED_SOURCE = "ecb-bundled"
SUPPORTED_CURRENCIES = ("ILS", "USD", "EUR", "GBP")

# Allocation number (מספר הקצאה) thresholds on the amount before VAT, in ILS, by date in force.
ALLOCATION_THRESHOLDS: tuple[tuple[date, Decimal], ...] = (
    (date(2024, 5, 5), Decimal("25000")),
    (date(2025, 1, 1), Decimal("20000")),
    (date(2026, 1, 1), Decimal("10000")),
    (date(2026, 6, 1), Decimal("5000")),
)
VAT_RECLAIM_DOCUMENT_TYPES = frozenset({"tax_invoice", "tax_invoice_receipt"})
_ALLOCATION_NUMBER = re.compile(r"^\d{9}$")


@dataclass(frozen=True)
class Rate:
    """`value` units of `quote` per one unit of `base`, published for `rate_date` by `source`."""

    base: str
    quote: str
    value: Decimal
    rate_date: date
    source: str


@dataclass(frozen=True)
class Conversion:
    amount: Decimal | None  # None when no rate could be found
    rate: Rate | None
    warning: str | None


def money(value: object) -> Decimal | None:
    """A number from an event or a form as a Decimal rounded to cents (None stays None)."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)
    except ArithmeticError:
        return None


def identity_rate(currency: str, on: date) -> Rate:
    return Rate(currency, currency, Decimal(1), on, "identity")


class RateTable:
    """Daily rates of several currencies against one pivot currency (ECB publishes per 1 EUR)."""

    def __init__(self, pivot: str, rows: dict[str, list[tuple[date, Decimal]]], source: str) -> None:
        self.pivot = pivot
        self.source = source
        self._rows = {code: sorted(points) for code, points in rows.items()}
        self._rows[pivot] = []

    def _pivot_rate(self, code: str, on: date) -> tuple[Decimal, date] | None:
        if code == self.pivot:
            return Decimal(1), on
        points = self._rows.get(code)
        if not points:
            return None
        index = bisect.bisect_right(points, (on, Decimal("Infinity"))) - 1
        if index < 0:
            return None
        day, value = points[index]
        return value, day

    def rate(self, base: str, quote: str, on: date) -> Rate | None:
        """Cross rate base->quote from the latest rates on or before `on` (None when unknown)."""
        base_leg, quote_leg = self._pivot_rate(base, on), self._pivot_rate(quote, on)
        if base_leg is None or quote_leg is None:
            return None
        value = (quote_leg[0] / base_leg[0]).quantize(Decimal("0.00000001"), rounding=ROUND_HALF_UP)
        rate_date = min(base_leg[1], quote_leg[1])  # the pivot's own leg is dated `on`
        return Rate(base, quote, value, rate_date, self.source)


def load_bundled_rates() -> RateTable:
    """The ECB reference rates shipped inside the package (2023-01 .. 2026-10)."""
    text = (resources.files("invoiceme_common") / "data" / "ecb_eur_rates.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines)
    rows: dict[str, list[tuple[date, Decimal]]] = {}
    for record in reader:
        day = date.fromisoformat(record["date"])
        for code, value in record.items():
            if code != "date" and value not in ("", "N/A"):
                rows.setdefault(code, []).append((day, Decimal(value)))
    return RateTable("EUR", rows, BUNDLED_SOURCE)


def staleness_warning(rate: Rate, on: date, max_age_days: int) -> str | None:
    age = (on - rate.rate_date).days
    if age > max_age_days:
        return (
            f"the newest {rate.base}->{rate.quote} rate available is from {rate.rate_date} "
            f"({age} days before the invoice date {on})"
        )
    return None


def convert(amount: Decimal | None, rate: Rate | None) -> Decimal | None:
    if amount is None or rate is None:
        return None
    return (amount * rate.value).quantize(CENT, rounding=ROUND_HALF_UP)


def missing_rate_warning(base: str, quote: str, on: date) -> str:
    return f"no {base}->{quote} exchange rate is known for {on}; the amount is left out of {quote} totals"


# --- Israeli input VAT ------------------------------------------------------------------------


def allocation_threshold(on: date) -> Decimal | None:
    """The amount before VAT (ILS) above which an allocation number is required, or None before 2024-05-05."""
    current = None
    for since, threshold in ALLOCATION_THRESHOLDS:
        if on >= since:
            current = threshold
    return current


def valid_allocation_number(value: str | None) -> bool:
    return bool(value) and bool(_ALLOCATION_NUMBER.match(str(value).strip()))


def allocation_required(
    document_type: str | None, amount_before_vat_ils: Decimal | None, on: date | None
) -> bool:
    if document_type not in VAT_RECLAIM_DOCUMENT_TYPES or on is None or amount_before_vat_ils is None:
        return False
    threshold = allocation_threshold(on)
    return threshold is not None and amount_before_vat_ils > threshold


@dataclass(frozen=True)
class VatReclaim:
    amount: Decimal  # in the invoice's own currency; 0 when nothing is reclaimable
    reason: str  # why (not) — shown to users and accountants


def reclaimable_vat(
    document_type: str | None,
    vat_amount: Decimal | None,
    amount_before_vat_ils: Decimal | None,
    allocation_number: str | None,
    on: date | None,
) -> VatReclaim:
    """Input VAT one may deduct from this document (Israeli rules, by the document's date)."""
    zero = Decimal("0.00")
    if document_type not in VAT_RECLAIM_DOCUMENT_TYPES:
        return VatReclaim(
            zero, f"a {document_type or 'document of unknown type'} does not allow deducting VAT"
        )
    if vat_amount is None or vat_amount <= 0:
        return VatReclaim(zero, "no VAT on the document")
    if (
        on is not None
        and allocation_required(document_type, amount_before_vat_ils, on)
        and not valid_allocation_number(allocation_number)
    ):
        return VatReclaim(
            zero, f"an allocation number is required above {allocation_threshold(on)} ILS before VAT"
        )
    return VatReclaim(vat_amount, "deductible")


def amount_before_vat(
    subtotal: Decimal | None, total: Decimal | None, vat_amount: Decimal | None
) -> Decimal | None:
    if subtotal is not None:
        return subtotal
    if total is not None and vat_amount is not None:
        return total - vat_amount
    return total
