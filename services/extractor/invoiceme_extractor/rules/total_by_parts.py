"""A receipt's total misread by OCR, repaired from the amounts printed above it.

'Total Sales (Inclusive of GST) 400.90' under 'Total Sales (Excluding GST) 95.17' and 'Rounding 0.02':
the net at 6 % plus the rounding is 100.90, one confused digit (1 read as 4) away from what OCR read.
'TOTAL 28.970' under 'SUB-TOTAL 27.27', 'GST 1.64', 'ROUNDING 0.01': a stray digit inside the cents.
The printed parts are a second reading of the total; they decide only when the total as read agrees
with none of them and exactly one reading of its digits does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .amount_candidates import Candidate, Candidates
from .amounts import parse_amount
from .cash_rounding import rounding_amounts
from .lines import Found, Line
from .rates import STANDARD_RATES
from .repair import confusion_variants, may_be_misread

_CENT = 0.005
# more than two digits after the point on a till slip: OCR added one ('28.970' for '28.90')
_EXTRA_DECIMAL = re.compile(r"[.,]\d{3}$")


def digit_variants(value: float, raw: str) -> list[float]:
    """The amount with one OCR-confused digit replaced, or, when it shows three decimals, with one
    of its digits dropped (never the value itself)."""
    variants = confusion_variants(value, raw)
    text = raw.strip()
    if _EXTRA_DECIMAL.search(text):
        for position, char in enumerate(text):
            dropped = parse_amount(text[:position] + text[position + 1 :]) if char.isdigit() else None
            if dropped is not None and dropped != value and dropped not in variants:
                variants.append(dropped)
    return variants


@dataclass(frozen=True)
class Expected:
    """A total the printed parts make: net, its tax (printed, or at a standard rate), rounding."""

    total: float
    net: Candidate
    vat: float


def expected_totals(found: Candidates, roundings: list[float]) -> list[Expected]:
    """Every total the subtotal and VAT as printed make, with any printed cash rounding (either
    sign: OCR drops a minus; a printed rounding is in the total paid): net + VAT where a VAT
    smaller than the net is printed, else the net at each standard rate above 0 (the net alone is
    one reading; a tax-inclusive 'subtotal' one digit from the total is left to
    `total_by_agreement`, which wants two)."""
    expected = []
    adjustments = [*roundings, *(-r for r in roundings)] or [0.0]
    for net in found.get("subtotal", []):
        printed = [vat[0] for vat in found.get("vat", []) if 0 < vat[0] < net[0]]
        taxes = printed or [round(net[0] * rate, 2) for rate in STANDARD_RATES[1:]]
        for tax in taxes:
            for adjustment in adjustments:
                expected.append(Expected(round(net[0] + tax + adjustment, 2), net, tax))
    return expected


def total_by_parts(
    found: Candidates, total: Found | None, lines: list[Line]
) -> tuple[Found, Expected] | None:
    """The repaired total and the parts that make it, or None to keep the total as read (it agrees
    with its parts, was confirmed by a payment, or no single reading of its digits fits)."""
    if total is None or not total.raw or total.confidence >= 0.9 or total.value <= 0:
        return None
    if not may_be_misread(total.line):
        return None
    expected = expected_totals(found, rounding_amounts(lines))
    if any(abs(item.total - total.value) < _CENT for item in expected):
        return None
    fits: dict[float, Expected] = {}
    for variant in digit_variants(total.value, total.raw):
        match = next((item for item in expected if abs(item.total - variant) < _CENT), None)
        if match is not None:
            fits.setdefault(variant, match)
    if len(fits) != 1:
        return None
    value, parts = next(iter(fits.items()))
    return Found(value, f"{total.raw} (misread)", total.line, 0.7), parts


def with_total_by_parts(
    result: dict[str, Found | None], found: Candidates, lines: list[Line]
) -> dict[str, Found | None]:
    """The chosen subtotal, VAT and total, with the total repaired from its parts where it can be;
    the net and tax that made it replace what was chosen beside the misread total."""
    if _adds_up(result):
        return result  # the chosen parts make the total as read: no digit of it is in doubt
    if _subtotal_taken(result):
        return result  # no total was read: the subtotal stands in for it, its digits read as the net's
    repaired = total_by_parts(found, result["total"], lines)
    if repaired is None:
        return result
    total, parts = repaired
    net, raw, line = parts.net
    return {
        **result,
        "total": total,
        "subtotal": Found(net, raw, line, 0.6),
        "vat_amount": Found(parts.vat, "", line, 0.5) if parts.vat else result["vat_amount"],
    }


def _adds_up(result: dict[str, Found | None]) -> bool:
    """Subtotal + VAT = total to the cent, the VAT a printed amount (an unlabelled one found by
    arithmetic at a local rate: 6.25 % of 4,000.00 beside a total of 4,250.00)."""
    subtotal, vat, total = result["subtotal"], result["vat_amount"], result["total"]
    if subtotal is None or vat is None or total is None or not vat.raw or not vat.value:
        return False
    return abs(subtotal.value + vat.value - total.value) < _CENT and 0 < vat.value / subtotal.value < 0.3


def _subtotal_taken(result: dict[str, Found | None]) -> bool:
    """The total is the subtotal's own reading, taken as the total of a receipt that prints only a
    (tax-inclusive) subtotal: the same amount off the same line."""
    subtotal, total = result["subtotal"], result["total"]
    return (
        subtotal is not None
        and total is not None
        and total.line is subtotal.line
        and total.value == subtotal.value
    )
