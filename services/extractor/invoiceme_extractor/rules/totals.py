"""Subtotal, VAT and total: read every labelled amount, then pick the set that adds up.

Why not "the number after Total": invoices print several totals (per page, per VAT rate, amount due
after a payment), and OCR drops labels. Agreement between subtotal + VAT = total is the strongest
evidence a document gives, so it decides between candidates before label strength does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from . import labels
from .amount_candidates import Candidate, Candidates, candidates
from .amounts import percent_in
from .lines import Found, Line
from .lost_labels import lost_labels, plausible_rate
from .prose import prose_candidates
from .rates import STANDARD_RATES
from .receipt_totals import (
    included_tax,
    parts_from_summary,
    rounded_total,
    total_by_agreement,
    total_by_payment,
    total_from_included_tax,
    triple_with_rounding,
    unlabelled_vat_triple,
    vat_from_included_rate,
)
from .repair import confusion_variants, misread_variants
from .total_by_parts import with_total_by_parts
from .vat_table import RateSummary, vat_summary

_STANDARD_RATES = STANDARD_RATES


Trio = tuple[Candidate | None, Candidate | None, Candidate | None]  # subtotal, vat, total


@dataclass(frozen=True)
class Totals:
    subtotal: Found | None = None
    vat_amount: Found | None = None
    total: Found | None = None
    vat_rate: Found | None = None
    candidates: Candidates = field(default_factory=dict)  # every labelled amount read, by kind


def _consistent_triple(found: Candidates) -> Trio | None:
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    best = None
    for total in totals:
        for subtotal in found.get("subtotal", []):
            for vat in found.get("vat", []) or [(0.0, "", subtotal[2])]:
                if vat[1] == "" and total[2] is subtotal[2]:
                    continue  # one printed amount read under two labels agrees with itself: no evidence
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
            base = total[0] - vat[0]
            if total is not vat and _is_standard_rate(vat[0], base) and not _against_printed_rate(vat, base):
                return None, vat, total
    for subtotal in found.get("subtotal", []):
        for total in totals:
            if _is_standard_rate(total[0] - subtotal[0], subtotal[0]):
                return subtotal, None, total
        for vat in found.get("vat", []):
            if abs(subtotal[0]) == largest and _is_standard_rate(vat[0], subtotal[0]):
                if not _against_printed_rate(vat, subtotal[0]):
                    return subtotal, vat, None
    return None


def _against_printed_rate(vat: Candidate, base: float) -> bool:
    """The VAT line prints a rate the pair does not have ('18%' beside 931,145.27 and 195,606.15, two
    amounts with the sign read as digits, agreeing with 21 % by chance)."""
    rate = percent_in(vat[2].text)
    return rate is not None and bool(base) and abs(vat[0] / base - rate) > 0.002


def rate_of(vat: float | None, subtotal: float | None, vat_line: Line | None) -> tuple[float, str] | None:
    """The VAT rate printed on the VAT line, else the one VAT over subtotal implies (a rate in use)."""
    if vat_line is not None and (rate := percent_in(vat_line.text)) is not None:
        return rate, vat_line.text
    if vat is not None and subtotal:
        ratio = vat / subtotal
        close = min(_STANDARD_RATES, key=lambda rate: abs(rate - ratio))
        if abs(close - ratio) < 0.002:
            return close, ""
        # any rate on a quarter-percent step (8.875 % sales taxes aside): 23 %, 6.25 %, 8.75 %, 5.5 %
        stepped = round(ratio / 0.0025) * 0.0025
        if 0 < stepped <= 0.3 and abs(stepped - ratio) < 0.0003:
            return round(stepped, 4), ""
    return None


def _both_signs_misread(triple: Trio) -> Trio | None:
    """'₪16,889.53' and '₪19,760.75' both read with the sign as a 1: the amounts still add up (the same
    100,000 added to both) but the VAT is no rate of the subtotal; the sign dropped from both is one."""
    subtotal, vat, total = triple
    if subtotal is None or vat is None or total is None or _is_standard_rate(vat[0], subtotal[0]):
        return None
    for net in misread_variants(subtotal[0], subtotal[1]):
        for gross in misread_variants(total[0], total[1]):
            if abs(net + vat[0] - gross) <= 0.011 and _is_standard_rate(vat[0], net):
                return (
                    (net, f"{subtotal[1]} (misread)", subtotal[2]),
                    vat,
                    (gross, f"{total[1]} (misread)", total[2]),
                )
    return None


def _single_misreads(found: Candidates, variants_of: Any = misread_variants) -> list[Candidates]:
    """The candidates with one amount replaced by a value OCR may have garbled it from (repair.py)."""
    readings = []
    for kind, items in found.items():
        for position, (value, raw, line) in enumerate(items):
            for variant in variants_of(value, raw):
                replaced = [*items[:position], (variant, f"{raw} (misread)", line), *items[position + 1 :]]
                readings.append({**found, kind: replaced})
    return readings


def _variants_of(items: list[Candidate]) -> list[Candidate]:
    return [(v, f"{raw} (misread)", line) for value, raw, line in items for v in misread_variants(value, raw)]


def _uses_misread(trio: Trio) -> bool:
    """The repair must be what makes the amounts agree, not a bystander."""
    return any(item is not None and item[1].endswith("(misread)") for item in trio)


def _repaired_triple(found: Candidates) -> tuple[Trio, float] | None:
    """The first reading with one misread undone in which subtotal + VAT = total to the cent."""
    for reading in _single_misreads(found):
        triple = _consistent_triple(reading)
        if triple and triple[0] and triple[2] and _uses_misread(triple):
            if plausible_rate(triple[1][0] if triple[1] else 0.0, triple[0][0]):
                return triple, 0.85
    # a scan can garble all three ("931,145.27", "195,606.15", "36,75142"): undone together, they
    # must still add up to the cent at a standard rate
    every = {kind: items + _variants_of(items) for kind, items in found.items()}
    triple = _consistent_triple(every)
    if triple and triple[0] and triple[1] and triple[2] and _uses_misread(triple):
        if _is_standard_rate(triple[1][0], triple[0][0]):
            return triple, 0.8
    for reading in _single_misreads(found, confusion_variants):
        triple = _consistent_triple(reading)
        if triple and triple[0] and triple[2] and _uses_misread(triple):
            vat = triple[1][0] if triple[1] else 0.0
            # without a printed VAT only a difference in the cents: 62.06 read for 62.00
            if plausible_rate(vat, triple[0][0]) and (triple[1] or abs(triple[2][0] - triple[0][0]) < 1):
                return triple, 0.75
    return None


def _repaired_pair(found: Candidates) -> tuple[Trio, float] | None:
    """The first reading with one misread undone in which two amounts agree through a standard rate."""
    for reading in _single_misreads(found):
        pair = _consistent_pair(reading)
        if pair and _uses_misread(pair):
            return pair, 0.75
    # both garbled, the total lost: undone together they must give the rate the VAT line prints
    for subtotal in found.get("subtotal", []) + _variants_of(found.get("subtotal", [])):
        for vat in found.get("vat", []) + _variants_of(found.get("vat", [])):
            rate = percent_in(vat[2].text)
            if rate and subtotal[0] and abs(vat[0] / subtotal[0] - rate) < 0.0005:
                if _uses_misread((subtotal, vat, None)):
                    return (subtotal, vat, None), 0.7
    return None


def _totals_by_rate(summary: RateSummary, found: Candidates, lines: list[Line]) -> Totals:
    """The sums of a VAT table of several rates; the total as printed where the page prints it (and
    rounded as the page rounds it: 'Total After Rounding')."""
    first = summary.rows[0].line
    printed = [
        c
        for c in found.get("total_strong", []) + found.get("total_plain", [])
        if abs(abs(c[0]) - abs(summary.gross)) <= 0.011
    ]
    total = Found(*printed[0], 0.95) if printed else Found(summary.gross, "", summary.rows[-1].line, 0.9)
    total = rounded_total(found, total, lines) or total
    taxed = {row.rate for row in summary.rows if row.net}  # a 0 % row with nothing in it is no rate
    rate = Found(taxed.pop(), "", first, 0.95) if len(taxed) == 1 else None
    net, vat = Found(summary.net, "", first, 0.95), Found(summary.vat, "", first, 0.95)
    return Totals(net, vat, total, rate, found)


def find_totals(lines: list[Line]) -> Totals:
    found = included_tax(prose_candidates(lines, candidates(lines)), lines)
    summary = vat_summary(lines)
    if summary is not None:
        return _totals_by_rate(summary, found, lines)
    triple = _consistent_triple(found)
    rounded = None if triple else triple_with_rounding(found, lines, _consistent_triple)
    if rounded:
        triple, confidence_of_triple = rounded, 0.9  # adds up through a printed rounding line
    else:
        confidence_of_triple = 0.97
    unlabelled = None if triple else unlabelled_vat_triple(found, lines, _is_standard_rate)
    # three printed amounts agreeing to the cent after one misread digit is stronger evidence than two
    # agreeing with a rate to within 0.2 % while the third contradicts them
    repaired = None if triple or unlabelled else _repaired_triple(found)
    pair = None if triple or unlabelled or repaired else _consistent_pair(found)
    repaired = repaired or (None if triple or unlabelled or pair else _repaired_pair(found))
    both_misread = _both_signs_misread(triple) if triple else None
    if both_misread:
        subtotal, vat, total = both_misread
        confidence = 0.85
    elif triple:
        subtotal, vat, total = triple
        confidence = confidence_of_triple
    elif unlabelled:
        subtotal, vat, total = unlabelled
        confidence = 0.8
    elif repaired:
        (subtotal, vat, total), confidence = repaired
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
    result = lost_labels(lines, result)
    if result["total"] is None:
        result["total"] = total_from_included_tax(found, lines)
    elif result["vat_amount"] is None and result["subtotal"] is None:
        derived = vat_from_included_rate(lines, result["total"])
        if derived is not None:
            result["subtotal"], result["vat_amount"] = derived
    result = _fill_missing(result)
    result["total"] = rounded_total(found, result["total"], lines)
    checked = total_by_agreement(found, total_by_payment(found, result["total"], lines), lines)
    if checked is not None and checked.value != (result["total"].value if result["total"] else None):
        result = _doubt_unsupported_parts(result, checked)
    result["total"] = checked
    result = with_total_by_parts(result, found, lines)
    if not _parts_add_up(result):
        result["subtotal"], result["vat_amount"] = parts_from_summary(lines, checked) or (
            result["subtotal"],
            result["vat_amount"],
        )
    sub_value = result["subtotal"].value if result["subtotal"] else None
    vat_value = result["vat_amount"].value if result["vat_amount"] else None
    rate = rate_of(vat_value, sub_value, vat[2] if vat else None)
    anchor = vat or total or subtotal
    if result["vat_amount"] is not None:
        confidence = min(confidence, result["vat_amount"].confidence)
    rate_found = Found(rate[0], rate[1], anchor[2], confidence) if rate and anchor else None
    return Totals(result["subtotal"], result["vat_amount"], result["total"], rate_found, found)


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


def _parts_add_up(result: dict[str, Found | None]) -> bool:
    """Subtotal + VAT = total at a plausible rate, as read (or derived) so far."""
    subtotal, vat, total = result["subtotal"], result["vat_amount"], result["total"]
    if subtotal is None or vat is None or total is None:
        return False
    return abs(subtotal.value + vat.value - total.value) <= 0.011 and plausible_rate(
        vat.value, subtotal.value
    )


def _doubt_unsupported_parts(result: dict[str, Found | None], total: Found) -> dict[str, Found | None]:
    """The total changed after the subtotal and VAT were chosen beside the old one: parts that no
    longer add up to it are kept as weak readings."""
    subtotal, vat = result["subtotal"], result["vat_amount"]
    parts = round((subtotal.value if subtotal else 0.0) + (vat.value if vat else 0.0), 2)
    if (
        subtotal is None
        or abs(parts - total.value) <= 0.011
        or (vat is None and subtotal.value <= total.value)
    ):
        return result
    doubted = {
        name: replace(item, confidence=min(item.confidence, 0.5)) if item else None
        for name, item in result.items()
    }
    return {**result, "subtotal": doubted["subtotal"], "vat_amount": doubted["vat_amount"]}


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
