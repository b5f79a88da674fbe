"""Subtotal, VAT and total: read every labelled amount, then pick the set that adds up.

Why not "the number after Total": invoices print several totals (per page, per VAT rate, amount due
after a payment), and OCR drops labels. Agreement between subtotal + VAT = total is the strongest
evidence a document gives, so it decides between candidates before label strength does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import labels
from .amount_candidates import Candidates, candidates
from .amount_runs import by_order
from .amounts import CENT, CENTS_AT_END, adds_up, percent_in, row_money
from .cash_rounding import rounded_total
from .exact_parts import total_by_exact_parts
from .exact_rates import (
    HALF_CENT,
    bare_column_triple,
    lone_vat,
    net_under_total_label,
    parts_by_exact_rate,
    total_by_exact_net,
    vat_by_exact_net,
)
from .included_gross import gross_of_included_vat
from .labelled_triple import labelled_reading
from .late_repairs import late_repairs
from .lines import Found, Line
from .lost_labels import lost_labels, plausible_rate
from .payments import payments_received
from .printed_rate import rate_of
from .prose import prose_candidates
from .rate_groups import due_after_groups, due_mended_by_groups
from .rate_only_vat import vat_from_printed_rate
from .rate_repair import repaired_by_rate
from .rate_split_total import parts_by_total_and_rate
from .receipt_totals import (
    included_tax,
    parts_by_included_rate,
    parts_from_summary,
    total_by_agreement,
    total_by_payment,
    total_from_included_tax,
    vat_from_included_rate,
)
from .received_gross import gross_of_payments, total_with_head_lost
from .total_by_parts import with_total_by_parts
from .unlabelled_total import (
    included_vat,
    printed_parts,
    total_by_arithmetic,
)
from .unread_total import total_with_point_lost
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
    reading = labelled_reading(found, lines)
    result = {
        name: Found(item[0], item[1], item[2], reading.confidence) if item else None
        for name, item in (
            ("subtotal", reading.subtotal),
            ("vat_amount", reading.vat),
            ("total", reading.total),
        )
    }
    if result["total"] is not None and (included := gross_of_included_vat(found, lines, result["total"])):
        result = {"subtotal": None, "vat_amount": included[0], "total": included[1]}
    payments = payments_received(lines)
    if (received := gross_of_payments(found, payments)) is not None:
        # no total its label and VAT confirm: the payments' sum, confirmed by the VAT it includes
        result = dict(zip(("subtotal", "vat_amount", "total"), received, strict=True))
    elif result["subtotal"] is None and result["vat_amount"] is None:
        result["total"] = total_with_head_lost(result["total"], payments)
    result = _checked(_completed(result, found, lines), found, lines)
    by_parts = total_by_exact_parts(result, found, lines)
    # with the total rebuilt from its parts, the rate is the one its VAT line prints (or implies)
    vat_read = reading.vat if by_parts is result else None
    result = by_parts
    subtotal, vat = result["subtotal"], result["vat_amount"]
    vat_line = _label_over(vat_read[2] if vat_read else vat.line if vat else None, lines)
    vat_value = vat.value if vat else None
    several = reading.several_rates  # a VAT summed over several rates has no single rate
    if several and vat_value == several[1][0]:
        rate = None
    else:
        rate = rate_of(vat_value, subtotal.value if subtotal else None, vat_line)
    read = vat_read or reading.total or reading.subtotal
    anchor = read[2] if read else next((item.line for item in result.values() if item is not None), None)
    confidence = min(reading.confidence, vat.confidence) if vat else reading.confidence
    rate_found = Found(rate[0], rate[1], anchor, confidence) if rate and anchor else None
    return Totals(subtotal, vat, result["total"], rate_found, found)


def _completed(
    result: dict[str, Found | None], found: Candidates, lines: list[Line]
) -> dict[str, Found | None]:
    """The amounts the labels did not give, from what the page prints beside the ones they did."""
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
        result["total"] = total_from_included_tax(found, lines) or total_with_point_lost(lines)
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
    elif (total := _total_beside_vat_without_cents(result)) and (
        split := parts_by_total_and_rate(total, lines)
    ):
        # '209);77=' read as a VAT of 77: the total at its VAT line's printed rate, to the cent
        result["subtotal"], result["vat_amount"] = split
    return _fill_missing(result, lines)


def _total_beside_vat_without_cents(result: dict[str, Found | None]) -> Found | None:
    """The total, where the VAT beside it was read without its cents ('77' of '209);77=') and no net."""
    vat = result["vat_amount"]
    if result["subtotal"] is not None or vat is None or not vat.raw or CENTS_AT_END.search(vat.raw):
        return None
    return result["total"]


def _checked(
    result: dict[str, Found | None], found: Candidates, lines: list[Line]
) -> dict[str, Found | None]:
    """The total checked against rounding, payments and the other amounts; parts that no longer add up
    to it re-chosen or doubted; repairs that need the whole set."""
    result["total"] = due_after_groups(found, rounded_total(found, result["total"], lines))
    result["total"] = due_mended_by_groups(found, result["total"])
    checked = total_by_agreement(found, total_by_payment(found, result["total"], lines), lines)
    if checked is not None and checked.value != (result["total"].value if result["total"] else None):
        result = _doubt_unsupported_parts(result, checked)
    result["total"] = checked
    result = with_total_by_parts(result, found, lines)
    derived_total = result["total"] is not None and not result["total"].raw
    kept = _parts_add_up(result) and (not derived_total or _read_at_printed_rate(result))
    result = result if kept else by_order(result, found, lines)
    # a tax summary's printed net beats one derived from the total (that carries the cash rounding)
    derived_net = result["subtotal"] is not None and not result["subtotal"].raw
    if not _parts_add_up(result) or derived_net:
        result["subtotal"], result["vat_amount"] = parts_from_summary(lines, checked) or (
            result["subtotal"],
            result["vat_amount"],
        )
    late_repairs(result, found, lines)
    return parts_by_included_rate(repaired_by_rate(result, found), lines)


def _read_at_printed_rate(result: dict[str, Found | None]) -> bool:
    """Net and VAT both read at their labels, the VAT its line's printed rate of the net to the cent
    ('מע"מ 18% 626.40' under a net of 3,480.00): a total OCR lost is theirs, derived, and no run of
    lone amounts elsewhere (an item table's 3,000 + 480 = 3,480) is a better reading of it."""
    net, vat = result["subtotal"], result["vat_amount"]
    if net is None or vat is None or not net.raw or not vat.raw or not net.value or vat.line is None:
        return False
    rate = percent_in(vat.line.text)  # none over 30 %: '179%' is OCR's 17 %, not this line's word
    return rate is not None and 0 < rate <= 0.3 and abs(net.value * rate - vat.value) <= HALF_CENT


def _label_over(amount_line: Line | None, lines: list[Line]) -> Line | None:
    """The VAT label's line for a VAT amount printed alone under it ('VAT (17%)' / '2,202.18'):
    the rate is printed with the label."""
    if amount_line is None or amount_line.index == 0 or percent_in(amount_line.text) is not None:
        return amount_line
    above = lines[amount_line.index - 1]
    if above.page == amount_line.page and not row_money(above) and labels.VAT.search(above.text):
        return above
    return amount_line


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
    elif subtotal and vat and not total and plausible_rate(vat.value, subtotal.value):
        result["total"] = Found(round(subtotal.value + vat.value, 2), "", subtotal.line, 0.6)
    elif subtotal and not total:
        # no VAT, or one no tax rate makes of the subtotal (a tax-inclusive total misread as the
        # VAT: 'Total (Inc lusive of GST) 4.80' beside the 4.80 net of a zero-rated slip)
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
