"""The first reading of subtotal, VAT and total: the labelled amounts that agree, strongest evidence
first (a printed sum row, three amounts adding up, a rounding line, a VAT line per rate, two labelled
amounts and the third beside them, a repaired digit), else each field's likeliest label on its own.

`totals.find_totals` completes and checks what this reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import labels
from .amount_agreement import (
    Trio,
    both_signs_misread,
    consistent_pair,
    consistent_triple,
    is_standard_rate,
    repaired_pair,
    repaired_triple,
)
from .amount_candidates import Candidate, Candidates
from .amount_runs import several_rates_triple
from .cash_rounding import rounding_confidence, triple_with_rounding
from .exact_rates import exact_pair, on_rate_step
from .lines import Line
from .rate_lines_repair import REPAIRED_LINE, several_rates_one_misread
from .rates import STANDARD_RATES
from .receipt_totals import unlabelled_vat_triple
from .sum_row import sum_row_triple, sum_row_with_net_misread
from .unlabelled_total import unlabelled_net_triple, unlabelled_total_triple


@dataclass(frozen=True)
class LabelledReading:
    subtotal: Candidate | None
    vat: Candidate | None
    total: Candidate | None
    confidence: float
    several_rates: (
        tuple[Candidate, Candidate, Candidate] | None
    )  # the VAT is a sum of one line per rate: no single rate


def labelled_reading(found: Candidates, lines: list[Line]) -> LabelledReading:
    triple = sum_row_triple(found, lines)
    misread_net = None if triple else sum_row_with_net_misread(found, lines)
    triple = triple or misread_net or consistent_triple(found)
    rounded = None if triple else triple_with_rounding(found, lines, consistent_triple)
    several = None if triple or rounded else several_rates_triple(found, lines)
    one_misread = None if triple or rounded or several else several_rates_one_misread(found)
    several = several or one_misread
    if rounded:
        triple, confidence_of_triple = rounded, rounding_confidence(rounded, lines)  # via a rounding
    elif several:
        # a VAT line per rate: their sum, no single rate; a total found after them unlabelled is less sure
        labelled = several[2] in found.get("total_strong", []) + found.get("total_plain", [])
        triple, confidence_of_triple = several, 0.9 if labelled else 0.8
        confidence_of_triple = REPAIRED_LINE if one_misread else confidence_of_triple
    else:
        confidence_of_triple = 0.8 if misread_net else 0.97
    # two labelled amounts and the third printed beside them; a VAT found by arithmetic alone; a
    # printed sum of parts at any rate
    unlabelled = None if triple else _unlabelled_triple(found, lines)
    # three printed amounts agreeing to the cent after one misread digit is stronger evidence than two
    # agreeing with a rate to within 0.2 % while the third contradicts them
    repaired = None if triple or unlabelled else repaired_triple(found)
    # two amounts agreeing to the cent (as read, or one repaired) before two that only come close
    repaired = repaired or (None if triple or unlabelled else exact_pair(found, lines))
    pair = None if triple or unlabelled or repaired else consistent_pair(found)
    repaired = repaired or (None if triple or unlabelled or pair else repaired_pair(found))
    # a VAT summed over one line per rate is no single rate of the net: no sign to undo for one
    both_misread = None if several else both_signs_misread(triple or (repaired[0] if repaired else None))
    if both_misread:
        return LabelledReading(*both_misread, 0.85 if triple else 0.75, several)
    if triple:
        return LabelledReading(*triple, confidence_of_triple, several)
    if unlabelled:
        return LabelledReading(*unlabelled, 0.8, several)
    if repaired:
        (subtotal, vat, total), confidence = repaired
        return LabelledReading(subtotal, vat, total, confidence, several)
    if pair:
        return LabelledReading(*pair, 0.85, several)
    return _each_on_its_own(found, several)


def _unlabelled_triple(found: Candidates, lines: list[Line]) -> Trio | None:
    return (
        unlabelled_total_triple(found, lines)
        or unlabelled_net_triple(found, lines)
        or unlabelled_vat_triple(found, lines, is_standard_rate)
        or unlabelled_vat_triple(found, lines, on_rate_step)
        or unlabelled_total_triple(found, lines, known_rate=False)
        or unlabelled_net_triple(found, lines, known_rate=False)
    )


def _each_on_its_own(
    found: Candidates, several: tuple[Candidate, Candidate, Candidate] | None
) -> LabelledReading:
    """No agreement: the largest total (strong labels first), the last subtotal, the charged VAT."""
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
    if total is not None:  # a VAT label's later spot may hold the total printed under it
        vats = [c for c in vats if abs(c[0]) < abs(total[0])]
    # a 0 % row under the rate's row ('מע"מ 18% 609.66 / מע"מ 0% 0.00'): the VAT is the charged one
    vat = ([c for c in vats if c[0] != 0] or vats)[-1] if vats else None
    confidence = 0.8 if strong else 0.65
    return LabelledReading(subtotal, vat, _plausible_total(total, subtotal, vat), confidence, several)


def _plausible_total(
    total: Candidate | None, subtotal: Candidate | None, vat: Candidate | None
) -> Candidate | None:
    """Drop a total that cannot be one (smaller than the subtotal, or OCR kept only its last digits) when
    subtotal and VAT agree with a standard rate: the missing total is then derived from them."""
    if total is None or subtotal is None or vat is None:
        return total
    rate_fits = subtotal[0] and any(abs(vat[0] / subtotal[0] - rate) < 0.002 for rate in STANDARD_RATES[1:])
    too_small = abs(total[0]) < abs(subtotal[0])
    return None if rate_fits and too_small else total
