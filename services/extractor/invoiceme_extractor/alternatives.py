"""Each field's ranked alternatives, kept as its evidence so a reviewer can pick another reading with
one click: what the rules already read (their ranked names and tax ids, every labelled amount of
the kind, every date on the pages, every number by a document-number or allocation label, every
currency cue, every title naming a document type, every VAT rate printed or implied), the chosen
value first, at most MAX_ALTERNATIVES distinct values.

Scores are the rules' own: the tax-id and name scores as ranked; for amounts and dates the chosen
value carries its confidence and the others a fixed score under it (label strength); for the
fields read by a cascade of candidates (invoice_number, allocation_number, currency, document_type,
vat_rate) each candidate's own score (its spot's confidence, its share of the currency marks, its
print size), never above the one ranked before it: a list's order is what its scores say, but
scores of two fields do not compare.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from invoiceme_common.evidence import MAX_ALTERNATIVES

from .contract import Alternative
from .rules.amount_candidates import Candidates
from .rules.dates import dates_in
from .rules.invoice_number import invoice_number_candidates
from .rules.lines import Found, Line, Reading
from .rules.references import allocation_candidates, currency_candidates, document_type_candidates
from .rules.vat_rates import vat_rate_candidates

AMOUNT_KINDS = {"subtotal": ("subtotal",), "vat_amount": ("vat",), "total": ("total_strong", "total_plain")}
# Amounts under a strong total label ('Total due') rank above a plain 'Total'; any other date is weak.
_KIND_SCORE = {"total_strong": 0.5, "total_plain": 0.4, "subtotal": 0.4, "vat": 0.4}
_OTHER_DATE_SCORE = 0.3
_MISREAD = " (misread)"  # totals.py marks an amount repaired from an OCR misread so


def _text_of(reading: Reading) -> str:
    raw = reading.raw.removesuffix(_MISREAD)
    return raw or (reading.line.text if reading.line else str(reading.value))


def _label_of(reading: Reading) -> str | None:
    """The label the value was read by, else the rest of the line it was read on ('Total incl. VAT'
    for '1,180.00'), if any."""
    if reading.label:
        return reading.label[:80]
    raw = reading.raw.removesuffix(_MISREAD)
    if reading.line is None or not raw:
        return None  # a value derived from others (total - VAT) was not printed beside a label
    rest = reading.line.text.replace(raw, " ", 1)
    rest = " ".join(rest.split()).strip(" :|-")
    return rest[:80] or None


def _key(value: Any) -> Any:
    return round(float(value), 2) if isinstance(value, int | float) else str(value).casefold()


def _distinct(readings: Iterable[Reading]) -> list[Alternative]:
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


def _cascade(
    name: str, found: dict[str, Found], lines: list[Line], amounts: Candidates, language: str
) -> Iterator[Reading]:
    """The candidates the rules consider for a field they read by a cascade, in their order."""
    if name == "invoice_number":
        return invoice_number_candidates(lines)
    if name == "allocation_number":
        return allocation_candidates(lines)
    if name == "currency":
        return currency_candidates(lines, language, found.get("vendor_tax_id"))
    if name == "document_type":
        return document_type_candidates(lines)
    if name == "vat_rate":
        return vat_rate_candidates(lines, amounts)
    return iter(())


def _in_rank_order(chosen: Found, candidates: Iterator[Reading]) -> Iterator[Reading]:
    """The chosen value first with its confidence (it may have come another way: a currency from the
    tax id, a credit note by its sign), then the candidates, each scored no higher than the last."""
    ceiling = chosen.confidence
    first = next(candidates, None)
    same = first is not None and _key(first.value) == _key(chosen.value)
    yield Reading(chosen.value, ceiling, chosen.raw, chosen.line, first.label if first and same else "")
    for reading in candidates if first is None else itertools.chain([first], candidates):
        ceiling = min(ceiling, reading.score)
        yield Reading(reading.value, ceiling, reading.raw, reading.line, reading.label)


CASCADE_FIELDS = ("invoice_number", "allocation_number", "currency", "document_type", "vat_rate")


def field_alternatives(
    found: dict[str, Found], amounts: Candidates, lines: list[Line], month_first: bool, language: str
) -> dict[str, list[Alternative]]:
    """Ranked alternatives of every field read (an empty list where the rules read only one way)."""
    page_dates: list[Reading] | None = None
    result: dict[str, list[Alternative]] = {}
    for name, item in found.items():
        readings: Iterable[Reading]
        if item.alternatives:
            readings = _ranked(item)
        elif name in AMOUNT_KINDS:
            readings = _amounts(item, AMOUNT_KINDS[name], amounts)
        elif name in ("invoice_date", "due_date"):
            page_dates = _page_dates(lines, month_first) if page_dates is None else page_dates
            readings = [_chosen(item), *page_dates]
        elif name in CASCADE_FIELDS:
            readings = _in_rank_order(item, _cascade(name, found, lines, amounts, language))
        else:
            readings = []
        result[name] = _distinct(readings)
    return result
