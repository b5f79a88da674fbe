"""A subtotal read without its cents ('-12,189. 8': a photo's OCR lost the decimals) where the line
items add up to the same whole amount and the VAT read is that sum's tax at some rate to the cent:
the items' sum is the subtotal, and a total derived from the damaged subtotal follows it."""

from __future__ import annotations

from dataclasses import replace

from .amounts import CENT, CENTS_AT_END
from .exact_rates import rate_on_step
from .items_totals import unsigned_items_sum
from .lines import Found


def net_with_cents_lost(found: dict[str, Found | None], items_amounts: list[float | None]) -> None:
    """Replace a subtotal printed without cents by the items' sum of the same whole amount, when the
    VAT read agrees with the sum to the cent (`rate_on_step`); the total and rate follow."""
    subtotal, vat = found.get("subtotal"), found.get("vat_amount")
    items_sum = unsigned_items_sum(items_amounts)
    if subtotal is None or vat is None or items_sum is None or not subtotal.raw:
        return
    if CENTS_AT_END.search(subtotal.raw.strip()) or abs(subtotal.value) != int(abs(subtotal.value)):
        return  # printed with its cents: a misread digit is another rule's
    if int(abs(subtotal.value)) != int(items_sum) or abs(abs(subtotal.value) - items_sum) <= CENT:
        return
    step_rate = rate_on_step(abs(vat.value), items_sum)
    if step_rate is None:
        return
    sign = -1.0 if subtotal.value < 0 else 1.0
    total = found.get("total")
    found["subtotal"] = replace(subtotal, value=sign * items_sum, confidence=min(subtotal.confidence, 0.7))
    new_total = round(sign * items_sum + vat.value, 2)
    if total is None or abs(total.value - round(subtotal.value + vat.value, 2)) <= CENT:
        found["total"] = Found(new_total, "", vat.line, 0.65)
    rate = found.get("vat_rate")
    if rate is None or abs(items_sum * rate.value - abs(vat.value)) > CENT:
        found["vat_rate"] = Found(step_rate, "", vat.line, 0.6)
