"""Totals the line items settle where the totals block lost its labels or misread a digit: the
items' sum is the net when an amount printed on the page is it plus a standard rate of it
(`total_at_items_rate`), or when it and a VAT read add up to the total read (`net_by_items_and_vat`):
independent readings agree through the tax law's arithmetic."""

from __future__ import annotations

from .amount_candidates import Candidate
from .amounts import CENT, adds_up, row_money
from .exact_rates import exact_rate, rate_on_step
from .items_totals import unsigned_items_sum
from .lines import Found, Line


def total_at_items_rate(
    found: dict[str, Found | None], items_amounts: list[float | None], lines: list[Line]
) -> None:
    """No VAT read and a total that is a guess (an item's amount, the subtotal again: the totals'
    labels lost): the one amount printed on the page that is the items' sum plus a standard rate of
    it to the cent is the total, the sum the subtotal ('Ba Due 47,337.19' over items of 39,447.66)."""
    total, subtotal, vat = found.get("total"), found.get("subtotal"), found.get("vat_amount")
    if vat is not None and vat.raw:
        return
    items_sum = unsigned_items_sum(items_amounts)
    if items_sum is None or not items_sum:
        return
    items = {abs(amount or 0.0) for amount in items_amounts}
    if total is not None and not _guessed_total(total, subtotal, items):
        return
    at_rate = {
        value
        for line in lines
        for value, _ in row_money(line)
        if exact_rate(round(value - items_sum, 2), items_sum)
    }
    if len(at_rate) != 1:
        return
    gross = at_rate.pop()
    line, raw = next((line, raw) for line in lines for value, raw in row_money(line) if value == gross)
    rest = round(gross - items_sum, 2)
    found["subtotal"] = Found(items_sum, "", line, 0.7)
    found["vat_amount"] = Found(rest, "", line, 0.65)
    found["total"] = Found(gross, raw, line, 0.7)
    found["vat_rate"] = Found(exact_rate(rest, items_sum) or 0.0, "", line, 0.65)


def _guessed_total(total: Found, subtotal: Found | None, items: set[float]) -> bool:
    """The total chosen is no reading of a total: the subtotal's amount again, or an item's."""
    return (subtotal is not None and abs(subtotal.value - total.value) <= CENT) or any(
        abs(abs(total.value) - item) <= CENT for item in items
    )


MOST_VAT = 0.3  # of the net: no VAT rate is higher


def net_by_items_and_vat(
    found: dict[str, Found | None], items_amounts: list[float | None], vat_candidates: list[Candidate]
) -> None:
    """The chosen amounts do not add up, and the items' sum and a VAT read add up to the total read, to
    the cent: three readings agree whatever the rate (a US sales tax of 8.75 %, no list's), so the sum
    is the net (one read as '18,606.87' for 15,606.87 had a digit misread)."""
    total, subtotal, vat = found.get("total"), found.get("subtotal"), found.get("vat_amount")
    if total is None or not total.raw:
        return
    if subtotal is not None and vat is not None and adds_up(subtotal.value, vat.value, total.value):
        return
    items_sum = unsigned_items_sum(items_amounts)
    if not items_sum:
        return
    for vat_value, raw, line in vat_candidates:
        tax = abs(vat_value)
        if not 0 < tax < items_sum * MOST_VAT or abs(items_sum + tax - abs(total.value)) > CENT:
            continue
        sign = -1.0 if total.value < 0 or vat_value < 0 else 1.0
        found["subtotal"] = Found(sign * items_sum, "", total.line, 0.75)
        found["vat_amount"] = Found(sign * tax, raw, line, 0.75)
        rate = exact_rate(tax, items_sum) or rate_on_step(tax, items_sum)
        found["vat_rate"] = Found(rate, raw, line, 0.7) if rate else None
        return
