"""Subtotal, VAT and total: read every labelled amount, then pick the set that adds up.

Why not "the number after Total": invoices print several totals (per page, per VAT rate, amount due
after a payment), and OCR drops labels. Agreement between subtotal + VAT = total is the strongest
evidence a document gives, so it decides between candidates before label strength does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import labels
from .amount_agreement import (
    both_signs_misread,
    consistent_pair,
    consistent_triple,
    is_standard_rate,
    repaired_pair,
    repaired_triple,
)
from .amount_candidates import Candidate, Candidates, candidates
from .amount_runs import by_order, several_rates_triple
from .amounts import CENT, adds_up, percent_in, row_money
from .cash_rounding import rounded_total, rounding_confidence, triple_with_rounding
from .exact_parts import total_by_exact_parts
from .exact_rates import (
    bare_column_triple,
    exact_pair,
    lone_vat,
    net_under_total_label,
    on_rate_step,
    parts_by_exact_rate,
    total_by_exact_net,
    vat_by_exact_net,
)
from .late_repairs import late_repairs
from .lines import Found, Line
from .lost_labels import lost_labels, plausible_rate
from .printed_rate import rate_of
from .prose import prose_candidates
from .rate_only_vat import vat_from_printed_rate
from .rate_repair import repaired_by_rate
from .rate_split_total import parts_by_total_and_rate
from .rates import STANDARD_RATES
from .receipt_totals import (
    included_tax,
    parts_by_included_rate,
    parts_from_summary,
    total_by_agreement,
    total_by_payment,
    total_from_included_tax,
    unlabelled_vat_triple,
    vat_from_included_rate,
)
from .sum_row import sum_row_triple, sum_row_with_net_misread
from .total_by_parts import with_total_by_parts
from .unlabelled_total import (
    included_vat,
    printed_parts,
    total_by_arithmetic,
    unlabelled_net_triple,
    unlabelled_total_triple,
)
from .vat_table import RateSummary, parts_by_rate_row, vat_summary


@dataclass(frozen=True)
class Totals:
    subtotal: Found | None = None
    vat_amount: Found | None = None
    total: Found | None = None
    vat_rate: Found | None = None
    candidates: Candidates = field(default_factory=dict)  # every labelled amount read, by kind


def _totals_by_rate(summary: RateSummary, found: Candidates, lines: list[Line]) -> Totals:
    """The sums of a VAT table of several rates; the total as printed where the page prints it (and
    rounded as the page rounds it: 'Total After Rounding')."""
    first = summary.rows[0].line
    printed = [
        c
        for c in found.get("total_strong", []) + found.get("total_plain", [])
        if abs(abs(c[0]) - abs(summary.gross)) <= CENT
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
    triple = sum_row_triple(found, lines)
    misread_net = None if triple else sum_row_with_net_misread(found, lines)
    triple = triple or misread_net or consistent_triple(found)
    rounded = None if triple else triple_with_rounding(found, lines, consistent_triple)
    several = None if triple or rounded else several_rates_triple(found, lines)
    if rounded:
        triple, confidence_of_triple = rounded, rounding_confidence(rounded, lines)  # via a rounding
    elif several:
        # a VAT line per rate: their sum, no single rate; a total found after them unlabelled is less sure
        labelled = several[2] in found.get("total_strong", []) + found.get("total_plain", [])
        triple, confidence_of_triple = several, 0.9 if labelled else 0.8
    else:
        confidence_of_triple = 0.8 if misread_net else 0.97
    # two labelled amounts and the third printed beside them; a VAT found by arithmetic alone; a
    # printed sum of parts at any rate
    unlabelled = None
    if not triple:
        unlabelled = (
            unlabelled_total_triple(found, lines)
            or unlabelled_net_triple(found, lines)
            or unlabelled_vat_triple(found, lines, is_standard_rate)
            or unlabelled_vat_triple(found, lines, on_rate_step)
            or unlabelled_total_triple(found, lines, known_rate=False)
            or unlabelled_net_triple(found, lines, known_rate=False)
        )
    # three printed amounts agreeing to the cent after one misread digit is stronger evidence than two
    # agreeing with a rate to within 0.2 % while the third contradicts them
    repaired = None if triple or unlabelled else repaired_triple(found)
    # two amounts agreeing to the cent (as read, or one repaired) before two that only come close
    repaired = repaired or (None if triple or unlabelled else exact_pair(found, lines))
    pair = None if triple or unlabelled or repaired else consistent_pair(found)
    repaired = repaired or (None if triple or unlabelled or pair else repaired_pair(found))
    both_misread = both_signs_misread(triple or (repaired[0] if repaired else None))
    if both_misread:
        subtotal, vat, total = both_misread
        confidence = 0.85 if triple else 0.75
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
        if total is not None:  # a VAT label's later spot may hold the total printed under it
            vats = [c for c in vats if abs(c[0]) < abs(total[0])]
        # a 0 % row under the rate's row ('מע"מ 18% 609.66 / מע"מ 0% 0.00'): the VAT is the charged one
        vat = ([c for c in vats if c[0] != 0] or vats)[-1] if vats else None
        confidence = 0.8 if strong else 0.65
        total = _plausible_total(total, subtotal, vat)
    result = {
        name: Found(item[0], item[1], item[2], confidence) if item else None
        for name, item in (("subtotal", subtotal), ("vat_amount", vat), ("total", total))
    }
    if not result["subtotal"] and not result["vat_amount"] and (column := bare_column_triple(lines)):
        # nothing labelled, or a lone total that is one of the column's amounts (its net under a
        # 'סך הכל' label): three amounts adding up to the cent say which is which
        if result["total"] is None or any(abs(item.value - result["total"].value) < 0.005 for item in column):
            result = dict(zip(("subtotal", "vat_amount", "total"), column, strict=True))
    result = lost_labels(lines, result)
    if result["total"] and not result["subtotal"] and not result["vat_amount"]:
        if (net_first := net_under_total_label(lines, result["total"])) is not None:
            result["subtotal"], result["vat_amount"], result["total"] = net_first
        elif (by_row := parts_by_rate_row(lines, result["total"])) is not None:
            result["subtotal"], result["vat_amount"], result["total"] = by_row
        else:
            parts = parts_by_exact_rate(lines, result["total"])
            result["subtotal"], result["vat_amount"] = parts or (None, None)
    elif result["vat_amount"] and not result["subtotal"] and not result["total"]:
        result["subtotal"], result["vat_amount"], result["total"] = lone_vat(lines, result["vat_amount"])
    if result["total"] is None:
        result["total"] = total_from_included_tax(found, lines)
    if result["total"] is None and result["subtotal"] is None and result["vat_amount"] is None:
        if (by_arithmetic := total_by_arithmetic(lines)) is not None:
            result["subtotal"], result["vat_amount"], result["total"] = by_arithmetic
    elif result["total"] is not None and result["vat_amount"] is None and result["subtotal"] is None:
        derived = vat_from_included_rate(lines, result["total"]) or printed_parts(result["total"], lines)
        derived = derived or parts_by_total_and_rate(result["total"], lines)
        if derived is not None:
            result["subtotal"], result["vat_amount"] = derived
        else:
            result["vat_amount"] = included_vat(result["total"], lines)
    result = _fill_missing(result, lines)
    result["total"] = rounded_total(found, result["total"], lines)
    checked = total_by_agreement(found, total_by_payment(found, result["total"], lines), lines)
    if checked is not None and checked.value != (result["total"].value if result["total"] else None):
        result = _doubt_unsupported_parts(result, checked)
    result["total"] = checked
    result = with_total_by_parts(result, found, lines)
    derived_total = result["total"] is not None and not result["total"].raw
    result = result if _parts_add_up(result) and not derived_total else by_order(result, found, lines)
    # a tax summary's printed net beats one derived from the total (that carries the cash rounding)
    derived_net = result["subtotal"] is not None and not result["subtotal"].raw
    if not _parts_add_up(result) or derived_net:
        result["subtotal"], result["vat_amount"] = parts_from_summary(lines, checked) or (
            result["subtotal"],
            result["vat_amount"],
        )
    late_repairs(result, found, lines)
    result = parts_by_included_rate(repaired_by_rate(result, found), lines)
    by_parts = total_by_exact_parts(result, found, lines)
    if by_parts is not result:  # the rate is the one its VAT line prints (or implies)
        result, vat = by_parts, None
    sub_value = result["subtotal"].value if result["subtotal"] else None
    vat_value = result["vat_amount"].value if result["vat_amount"] else None
    vat_line = vat[2] if vat else result["vat_amount"].line if result["vat_amount"] else None
    vat_line = _label_over(vat_line, lines)
    rate = None if several and vat_value == several[1][0] else rate_of(vat_value, sub_value, vat_line)
    read = vat or total or subtotal
    anchor = read[2] if read else next((item.line for item in result.values() if item is not None), None)
    if result["vat_amount"] is not None:
        confidence = min(confidence, result["vat_amount"].confidence)
    rate_found = Found(rate[0], rate[1], anchor, confidence) if rate and anchor else None
    return Totals(result["subtotal"], result["vat_amount"], result["total"], rate_found, found)


def _label_over(amount_line: Line | None, lines: list[Line]) -> Line | None:
    """The VAT label's line for a VAT amount printed alone under it ('VAT (17%)' / '2,202.18'):
    the rate is printed with the label."""
    if amount_line is None or amount_line.index == 0 or percent_in(amount_line.text) is not None:
        return amount_line
    above = lines[amount_line.index - 1]
    if above.page == amount_line.page and not row_money(above) and labels.VAT.search(above.text):
        return above
    return amount_line


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


def _parts_add_up(result: dict[str, Found | None]) -> bool:
    """Subtotal + VAT = total at a plausible rate, as read (or derived) so far."""
    subtotal, vat, total = result["subtotal"], result["vat_amount"], result["total"]
    if subtotal is None or vat is None or total is None:
        return False
    return adds_up(subtotal.value, vat.value, total.value) and plausible_rate(vat.value, subtotal.value)


def _doubt_unsupported_parts(result: dict[str, Found | None], total: Found) -> dict[str, Found | None]:
    """The total changed after the subtotal and VAT were chosen beside the old one: parts that no
    longer add up to it are kept as weak readings."""
    subtotal, vat = result["subtotal"], result["vat_amount"]
    parts = round((subtotal.value if subtotal else 0.0) + (vat.value if vat else 0.0), 2)
    if (
        subtotal is None
        or abs(parts - total.value) <= CENT
        or (vat is None and subtotal.value <= total.value)
    ):
        return result
    doubted = {
        name: replace(item, confidence=min(item.confidence, 0.5)) if item else None
        for name, item in result.items()
    }
    return {**result, "subtotal": doubted["subtotal"], "vat_amount": doubted["vat_amount"]}


def _fill_missing(result: dict[str, Found | None], lines: list[Line]) -> dict[str, Found | None]:
    """Derive the one missing amount from the other two, at lower confidence."""
    subtotal, vat, total = result["subtotal"], result["vat_amount"], result["total"]
    if total and vat and not subtotal and abs(vat.value) < abs(total.value):
        # a credit note's parts share one sign: OCR loses a minus ('73,115.76' for ₪73,115.76-)
        # far more often than it makes one, so with the signs at odds the minus is taken as printed
        sign = -1.0 if min(total.value, vat.value) < 0 else 1.0
        net = round(sign * (abs(total.value) - abs(vat.value)), 2)
        result["subtotal"] = Found(net, "", total.line, 0.6)
    elif total and subtotal and not vat and 0 <= (total.value - subtotal.value) / (total.value or 1) < 0.3:
        result["vat_amount"] = Found(round(total.value - subtotal.value, 2), "", total.line, 0.6)
    elif subtotal and vat and not total:
        result["total"] = Found(round(subtotal.value + vat.value, 2), "", subtotal.line, 0.6)
    elif subtotal and not vat and not total:
        derived = vat_from_printed_rate(lines, subtotal)
        if derived is not None:  # the VAT line kept its rate, OCR lost its amount and the total
            result["vat_amount"], result["total"] = derived
        elif (by_net := total_by_exact_net(lines, subtotal)) is not None:
            result["total"], result["vat_amount"] = by_net
        elif (by_vat := vat_by_exact_net(lines, subtotal)) is not None:
            result["total"], result["vat_amount"] = by_vat
        else:
            # Receipts often print only a (tax-inclusive) subtotal; a guess, so said with low confidence.
            result["total"] = Found(subtotal.value, subtotal.raw, subtotal.line, 0.4)
    return result
