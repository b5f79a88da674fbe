"""Each field's ranked alternatives, kept as its evidence so a reviewer can pick another reading with
one click: what the rules already read (their ranked names and tax ids, every labelled amount of
the kind, every date on the pages), the chosen value first, at most MAX_ALTERNATIVES distinct values.

Scores are the rules' own: the tax-id and name scores as ranked; for amounts and dates the chosen
value carries its confidence and the others a fixed score under it (label strength), so a list's
order is what its scores say, but scores of two fields do not compare.
"""

from __future__ import annotations

from typing import Any

from invoiceme_common.evidence import MAX_ALTERNATIVES

from .contract import Alternative
from .rules.amount_candidates import Candidates
from .rules.dates import dates_in
from .rules.lines import Found, Line, Reading

AMOUNT_KINDS = {"subtotal": ("subtotal",), "vat_amount": ("vat",), "total": ("total_strong", "total_plain")}
# Amounts under a strong total label ('Total due') rank above a plain 'Total'; any other date is weak.
_KIND_SCORE = {"total_strong": 0.5, "total_plain": 0.4, "subtotal": 0.4, "vat": 0.4}
_OTHER_DATE_SCORE = 0.3
_MISREAD = " (misread)"  # totals.py marks an amount repaired from an OCR misread so


def _text_of(reading: Reading) -> str:
    raw = reading.raw.removesuffix(_MISREAD)
    return raw or (reading.line.text if reading.line else str(reading.value))


def _label_of(reading: Reading) -> str | None:
    """The rest of the line the value was read on ('Total incl. VAT' for '1,180.00'), if any."""
    raw = reading.raw.removesuffix(_MISREAD)
    if reading.line is None or not raw:
        return None  # a value derived from others (total - VAT) was not printed beside a label
    rest = reading.line.text.replace(raw, " ", 1)
    rest = " ".join(rest.split()).strip(" :|-")
    return rest[:80] or None


def _key(value: Any) -> Any:
    return round(float(value), 2) if isinstance(value, int | float) else str(value).casefold()


def _distinct(readings: list[Reading]) -> list[Alternative]:
    seen: set[Any] = set()
    result: list[Alternative] = []
    for reading in readings:
        if reading.value in (None, "") or _key(reading.value) in seen:
            continue
        seen.add(_key(reading.value))
        result.append(
            Alternative(
                value=reading.value,
                score=round(reading.score, 2),
                text=_text_of(reading),
                page=reading.line.page if reading.line else None,
                label=_label_of(reading),
            )
        )
        if len(result) == MAX_ALTERNATIVES:
            break
    return result


def _chosen(found: Found) -> Reading:
    return Reading(found.value, found.confidence, found.raw, found.line)


def _ranked(found: Found) -> list[Reading]:
    """The rules' own ranked list, with the chosen value first even when it came another way
    (a seller block names the vendor before any scoring)."""
    ranked = list(found.alternatives)
    if ranked and _key(ranked[0].value) != _key(found.value):
        ranked.insert(0, Reading(found.value, ranked[0].score, found.raw, found.line))
    return ranked


def _amounts(found: Found, kinds: tuple[str, ...], amounts: Candidates) -> list[Reading]:
    readings = [_chosen(found)]
    for kind in kinds:
        readings += [
            Reading(value, _KIND_SCORE[kind], raw, line) for value, raw, line in amounts.get(kind, [])
        ]
    return readings


def _page_dates(lines: list[Line], month_first: bool) -> list[Reading]:
    return [
        Reading(found.value.isoformat(), _OTHER_DATE_SCORE, found.raw, line)
        for line in lines
        for found in dates_in(line.text, month_first)
    ]


def field_alternatives(
    found: dict[str, Found], amounts: Candidates, lines: list[Line], month_first: bool
) -> dict[str, list[Alternative]]:
    """Ranked alternatives of every field read (an empty list where the rules read only one way)."""
    page_dates: list[Reading] | None = None
    result: dict[str, list[Alternative]] = {}
    for name, item in found.items():
        if item.alternatives:
            readings = _ranked(item)
        elif name in AMOUNT_KINDS:
            readings = _amounts(item, AMOUNT_KINDS[name], amounts)
        elif name in ("invoice_date", "due_date"):
            page_dates = _page_dates(lines, month_first) if page_dates is None else page_dates
            readings = [_chosen(item), *page_dates]
        else:
            readings = []
        result[name] = _distinct(readings)
    return result
