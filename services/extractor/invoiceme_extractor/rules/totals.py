"""Subtotal, VAT and total: read every labelled amount, then pick the set that adds up.

Why not "the number after Total": invoices print several totals (per page, per VAT rate, amount due
after a payment), and OCR drops labels. Agreement between subtotal + VAT = total is the strongest
evidence a document gives, so it decides between candidates before label strength does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import labels
from .amounts import amounts_in, money_in, percent_in
from .geometry import cell_at, column_below, spots_after_label
from .lines import Found, Line, following

_CURRENCY_MARK = re.compile(r'₪|ש"ח|NIS|ILS|EUR|USD|GBP|€|\$|£|\bRM\b')
_INCLUSIVE = re.compile(r"incl|כולל|brutto|ttc|total\s*with", re.I)
_STANDARD_RATES = (
    0.0,
    0.05,
    0.06,
    0.07,
    0.08,
    0.09,
    0.1,
    0.13,
    0.15,
    0.16,
    0.17,
    0.18,
    0.19,
    0.2,
    0.21,
    0.25,
)


Candidate = tuple[float, str, Line]  # amount, its raw text, the line it was read from
Candidates = dict[str, list[Candidate]]  # by kind: subtotal, vat, total_strong, total_plain
Trio = tuple[Candidate | None, Candidate | None, Candidate | None]  # subtotal, vat, total


@dataclass(frozen=True)
class Totals:
    subtotal: Found | None = None
    vat_amount: Found | None = None
    total: Found | None = None
    vat_rate: Found | None = None


def classify(text: str) -> str | None:
    """Which amount a labelled line states: subtotal, vat, total_strong, total_plain, or None."""
    if labels.TAX_ID.search(text) and not money_in(text):
        return None  # "VAT No. 123456789" names an id, not an amount
    if labels.SUBTOTAL.search(text) and not _INCLUSIVE.search(text):
        return "subtotal"
    if labels.NOT_A_TOTAL.search(text) and not labels.TOTAL_STRONG.search(text):
        return None
    if labels.TOTAL_STRONG.search(text) or (_INCLUSIVE.search(text) and labels.TOTAL_PLAIN.search(text)):
        return "total_strong"
    if labels.VAT.search(text):
        return "vat"
    if labels.TOTAL_PLAIN.search(text):
        return "total_plain"
    return None


def _line_amount(line: Line, lines: list[Line]) -> tuple[float, str, Line] | None:
    found = money_in(line.text)
    if not found and _CURRENCY_MARK.search(line.text):  # "Total 118 ₪": whole amounts only beside a currency
        found = amounts_in(line.text)
    if found:
        return (*found[-1], line)
    for nxt in following(lines, line, 2):  # stacked layout: the value sits under its label
        if classify(nxt.text):
            return None
        amounts = money_in(nxt.text)
        if amounts and len(re.sub(r"[\d.,\s₪$€£%-]|ש\"ח|NIS|ILS|EUR|USD", "", nxt.text)) <= 4:
            return (*amounts[-1], nxt)
    return None


def _amount_in(text: str, first: bool) -> tuple[float, str] | None:
    found = money_in(text)
    if not found and _CURRENCY_MARK.search(text):
        found = amounts_in(text)
    return (found[0] if first else found[-1]) if found else None


def _cell_amounts(lines: list[Line], line: Line, start: int, end: int) -> list[Candidate]:
    """The amounts a labelled cell states: in the cell, in the next cell, or under it (every row of
    its column: a table of per-rate rows ends with the sum row, and the decision picks)."""
    for spot in spots_after_label(lines, line, start, end):
        if spot.relation != "inline" and classify(spot.text):
            continue  # another label: a header row over values, or the next label of a block
        amount = _amount_in(spot.text, first=spot.relation == "below")
        if amount and spot.relation == "below":
            index = cell_at(line, start)
            stack = column_below(lines, line, line.cells[index]) if index is not None else []
            found = [(*a, row) for row, cell in stack if (a := _amount_in(cell.text, first=True))]
            return found or [(*amount, spot.line)]
        if amount:
            return [(*amount, spot.line)]
        if spot.relation == "inline" and sum(ch.isalpha() for ch in spot.text) > 3:
            return []  # the label's own cell goes on with words: a sentence, not a total
    return []


def _candidates(lines: list[Line]) -> Candidates:
    found: Candidates = {}
    for line in lines:
        if line.cells:
            start = 0
            for cell in line.cells:
                kind = classify(cell.text)
                amounts = _cell_amounts(lines, line, start, start + len(cell.text)) if kind else []
                if kind and not amounts and money_in(cell.text):
                    amounts = [(*money_in(cell.text)[-1], line)]
                if kind:
                    found.setdefault(kind, []).extend(amounts)
                start += len(cell.text) + 1
            continue
        kind = classify(line.text)
        if kind is None:
            continue
        amount = _line_amount(line, lines)
        if amount is not None:
            found.setdefault(kind, []).append(amount)
    return found


def plausible_rate(vat: float, base: float) -> bool:
    """VAT between 0 % and 27 % of the amount before it (mixed-rate invoices fall in between)."""
    if base == 0:
        return vat == 0
    return -0.0005 <= vat / base <= 0.27


def _consistent_triple(found: Candidates) -> Trio | None:
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    best = None
    for total in totals:
        for subtotal in found.get("subtotal", []):
            for vat in found.get("vat", []) or [(0.0, "", subtotal[2])]:
                if abs(subtotal[0] + vat[0] - total[0]) <= 0.011 and total[0] != 0:
                    score = (
                        plausible_rate(vat[0], subtotal[0]),
                        total in found.get("total_strong", []),
                        vat[1] != "",
                        total[2].index,
                    )
                    if best is None or score > best[0]:
                        best = (score, subtotal, vat if vat[1] else None, total)
    return best[1:] if best else None


def _is_standard_rate(vat: float, base: float) -> bool:
    return (
        bool(base) and abs(vat) < abs(base) and any(abs(vat / base - r) < 0.002 for r in _STANDARD_RATES[1:])
    )


def _consistent_pair(found: Candidates) -> Trio | None:
    """Two labelled amounts that agree through a standard VAT rate, when OCR lost the third.

    A garbled total line may carry a VAT word ('סה"כ כולל מע"מ' read as 'סה"כ 7713 מע"מ'), so VAT-labelled
    amounts are also tried as the total.
    """
    everything = [c for kind in found.values() for c in kind]
    largest = max((abs(c[0]) for c in everything), default=0)
    # Only the largest labelled amount may be the total: small sums agree with some rate by chance.
    totals = [
        c
        for c in found.get("total_strong", []) + found.get("total_plain", []) + found.get("vat", [])
        if abs(c[0]) == largest
    ]
    for vat in found.get("vat", []):
        for total in totals:
            if total is not vat and _is_standard_rate(vat[0], total[0] - vat[0]):
                return None, vat, total
    for subtotal in found.get("subtotal", []):
        for total in totals:
            if _is_standard_rate(total[0] - subtotal[0], subtotal[0]):
                return subtotal, None, total
        for vat in found.get("vat", []):
            if abs(subtotal[0]) == largest and _is_standard_rate(vat[0], subtotal[0]):
                return subtotal, vat, None
    return None


def _rate(vat: float | None, subtotal: float | None, vat_line: Line | None) -> tuple[float, str] | None:
    if vat_line is not None and (rate := percent_in(vat_line.text)) is not None:
        return rate, vat_line.text
    if vat is not None and subtotal:
        ratio = vat / subtotal
        close = min(_STANDARD_RATES, key=lambda rate: abs(rate - ratio))
        if abs(close - ratio) < 0.002:
            return close, ""
    return None


def find_totals(lines: list[Line]) -> Totals:
    found = _candidates(lines)
    triple = _consistent_triple(found)
    pair = None if triple else _consistent_pair(found)
    if triple:
        subtotal, vat, total = triple
        confidence = 0.97
    elif pair:
        subtotal, vat, total = pair
        confidence = 0.85
    else:
        strong = [c for c in found.get("total_strong", []) if c[0] != 0]
        plain = [c for c in found.get("total_plain", []) if c[0] != 0]
        total = max(strong or plain, key=lambda c: (abs(c[0]), c[2].index)) if (strong or plain) else None
        subtotal = found["subtotal"][-1] if found.get("subtotal") else None
        vats = found.get("vat", [])
        if total is None:
            # 'סה"כ כולל מע"מ' garbled by OCR still says 'סה"כ ... מע"מ': the largest such line is the total.
            named_total = [c for c in vats if labels.TOTAL_PLAIN.search(c[2].text)]
            total = max(named_total, key=lambda c: abs(c[0])) if named_total else None
            if total is not None and subtotal is not None and abs(total[0]) <= abs(subtotal[0]):
                total = None
            vats = [c for c in vats if c is not total]
        vat = vats[-1] if vats else None
        confidence = 0.8 if strong else 0.65
        total = _plausible_total(total, subtotal, vat)
    result = {
        name: Found(item[0], item[1], item[2], confidence) if item else None
        for name, item in (("subtotal", subtotal), ("vat_amount", vat), ("total", total))
    }
    result = _fill_missing(result)
    sub_value = result["subtotal"].value if result["subtotal"] else None
    vat_value = result["vat_amount"].value if result["vat_amount"] else None
    rate = _rate(vat_value, sub_value, vat[2] if vat else None)
    anchor = vat or total or subtotal
    rate_found = Found(rate[0], rate[1], anchor[2], confidence) if rate and anchor else None
    return Totals(result["subtotal"], result["vat_amount"], result["total"], rate_found)


def _plausible_total(
    total: Candidate | None, subtotal: Candidate | None, vat: Candidate | None
) -> Candidate | None:
    """Drop a total that cannot be one (smaller than the subtotal, or OCR kept only its last digits) when
    subtotal and VAT agree with a standard rate: the missing total is then derived from them."""
    if total is None or subtotal is None or vat is None:
        return total
    rate_fits = subtotal[0] and any(abs(vat[0] / subtotal[0] - rate) < 0.002 for rate in _STANDARD_RATES[1:])
    too_small = abs(total[0]) < abs(subtotal[0])
    return None if rate_fits and too_small else total


def _fill_missing(result: dict[str, Found | None]) -> dict[str, Found | None]:
    """Derive the one missing amount from the other two, at lower confidence."""
    subtotal, vat, total = result["subtotal"], result["vat_amount"], result["total"]
    if total and vat and not subtotal and abs(vat.value) < abs(total.value):
        result["subtotal"] = Found(round(total.value - vat.value, 2), "", total.line, 0.6)
    elif total and subtotal and not vat and 0 <= (total.value - subtotal.value) / (total.value or 1) < 0.3:
        result["vat_amount"] = Found(round(total.value - subtotal.value, 2), "", total.line, 0.6)
    elif subtotal and vat and not total:
        result["total"] = Found(round(subtotal.value + vat.value, 2), "", subtotal.line, 0.6)
    elif subtotal and not vat and not total:
        # Receipts often print only a (tax-inclusive) subtotal; a guess, so said with low confidence.
        result["total"] = Found(subtotal.value, subtotal.raw, subtotal.line, 0.4)
    return result
