"""The same constraints the rules decide by, applied to an LLM's answer before it is merged.

A field that breaks one is dropped from the answer (so the rules' reading stands) and a warning says
why: amounts that do not add up or imply an impossible VAT rate, a VAT rate the page neither prints
nor its amounts imply, an Israeli id failing its check digit, an id or invoice number that is not
printed anywhere on the page, an impossible date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from .. import israel
from ..contract import ExtractionWarning
from ..rules.amounts import adds_up, percents_in
from ..rules.lost_labels import plausible_rate

_AMOUNTS = ("subtotal", "vat_amount", "total")
_PRINTED_IDS = ("vendor_tax_id", "invoice_number", "allocation_number")


def _squash(text: str) -> str:
    return re.sub(r"[\W_]", "", text).casefold()


def amount_violation(fields: dict[str, Any]) -> str | None:
    subtotal, vat, total = (fields.get(name) for name in _AMOUNTS)
    if subtotal is not None and vat is not None and total is not None and not adds_up(subtotal, vat, total):
        return f"subtotal {subtotal} + VAT {vat} != total {total}"
    if subtotal is not None and vat is not None and not plausible_rate(vat, subtotal):
        return f"VAT {vat} is not a plausible share of {subtotal}"
    return None


def rate_violation(fields: dict[str, Any], page_text: str) -> str | None:
    """A rate out of the range any VAT uses, or, beside amounts, one that is neither printed nor
    their ratio (the two ways the rules read a rate)."""
    rate, subtotal, vat = (fields.get(name) for name in ("vat_rate", "subtotal", "vat_amount"))
    if rate is None:
        return None
    if not -0.0005 <= rate <= 0.27:
        return f"VAT rate {rate} is no rate in use"
    if not subtotal or vat is None or abs(vat / subtotal - rate) <= 0.005:
        return None
    if any(abs(printed - rate) < 0.0005 for printed in percents_in(page_text)):
        return None
    return f"VAT rate {rate} is neither printed nor VAT {vat} / subtotal {subtotal}"


def _date_violation(value: str, today: date) -> bool:
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return True
    return parsed.year < 1990 or parsed > today + timedelta(days=366)


def check_answer(
    fields: dict[str, Any], page_text: str, today: date
) -> tuple[dict[str, Any], list[ExtractionWarning]]:
    """(the answer without the fields that break a constraint, one warning per broken constraint)"""
    kept = dict(fields)
    problems: list[tuple[tuple[str, ...], str]] = []
    if (why := amount_violation(fields)) is not None:
        problems.append(((*_AMOUNTS, "vat_rate"), why))
    elif (why := rate_violation(fields, page_text)) is not None:
        problems.append((("vat_rate",), why))
    tax_id = fields.get("vendor_tax_id")
    if tax_id and israel.is_israeli_id_shape(tax_id) and not israel.israeli_id_is_valid(tax_id):
        problems.append((("vendor_tax_id",), f"{tax_id} fails the Israeli check digit"))
    printed = _squash(page_text)
    for name in _PRINTED_IDS:
        value = fields.get(name)
        if value and _squash(str(value)) not in printed:
            problems.append(((name,), f"{name} {value!r} is not printed on the page"))
    for name in ("invoice_date", "due_date"):
        if fields.get(name) and _date_violation(fields[name], today):
            problems.append(((name,), f"{name} {fields[name]} is not a plausible date"))
    warnings = []
    for names, why in problems:
        for name in names:
            kept.pop(name, None)
        warnings.append(
            ExtractionWarning(code="llm_constraint_violation", message=f"kept the rules' reading: {why}")
        )
    return kept, warnings
