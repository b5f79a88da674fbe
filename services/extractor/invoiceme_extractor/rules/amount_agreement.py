"""Subtotal, VAT and total that agree: the triple that adds up to the cent, the pair that agrees through a
standard VAT rate when OCR lost the third, and the same after undoing the digits OCR may have garbled
(a currency sign read as a digit, a lost decimal point: repair.py). Pure functions of the labelled
amounts found (amount_candidates.Candidates)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .amount_candidates import Candidate, Candidates
from .amounts import adds_up, percent_in
from .exact_rates import HALF_CENT, exact_rate, included_exact_rate, on_rate_step
from .lost_labels import plausible_rate
from .rates import STANDARD_RATES
from .repair import (
    confusion_variants,
    inserted_digit_variants,
    may_be_misread,
    misread_variants,
    printed_variants,
)

Trio = tuple[Candidate | None, Candidate | None, Candidate | None]  # subtotal, vat, total


def consistent_triple(found: Candidates) -> Trio | None:
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    best = None
    for total in totals:
        for subtotal in found.get("subtotal", []):
            for vat in found.get("vat", []) or [(0.0, "", subtotal[2])]:
                if vat[1] == "" and total[2] is subtotal[2]:
                    continue  # one printed amount read under two labels agrees with itself: no evidence
                if adds_up(subtotal[0], vat[0], total[0]) and total[0] != 0:
                    score = (
                        plausible_rate(vat[0], subtotal[0]),
                        total in found.get("total_strong", []),
                        vat[1] != "",
                        total[2].index,
                    )
                    if best is None or score > best[0]:
                        best = (score, subtotal, vat if vat[1] else None, total)
    return best[1:] if best else None


def is_standard_rate(vat: float, base: float) -> bool:
    return (
        bool(base) and abs(vat) < abs(base) and any(abs(vat / base - r) < 0.002 for r in STANDARD_RATES[1:])
    )


def consistent_pair(found: Candidates) -> Trio | None:
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
            if total is not vat and is_standard_rate(vat[0], base) and not _against_printed_rate(vat, base):
                return None, vat, total
    for subtotal in found.get("subtotal", []):
        for total in totals:
            if is_standard_rate(total[0] - subtotal[0], subtotal[0]):
                return subtotal, None, total
        for vat in found.get("vat", []):
            if abs(subtotal[0]) == largest and is_standard_rate(vat[0], subtotal[0]):
                if not _against_printed_rate(vat, subtotal[0]):
                    return subtotal, vat, None
    return None


def _against_printed_rate(vat: Candidate, base: float) -> bool:
    """The VAT line prints a rate the pair does not have ('18%' beside 931,145.27 and 195,606.15, two
    amounts with the sign read as digits, agreeing with 21 % by chance)."""
    rate = percent_in(vat[2].text)
    return rate is not None and bool(base) and abs(vat[0] / base - rate) > 0.002


def both_signs_misread(triple: Trio | None) -> Trio | None:
    """'₪16,889.53' and '₪19,760.75' both read with the sign as a 1: the amounts still add up (the same
    100,000 added to both) but the VAT is no rate of the subtotal; the sign dropped from both is one."""
    if triple is None:
        return None
    subtotal, vat, total = triple
    if subtotal is None or vat is None or total is None or is_standard_rate(vat[0], subtotal[0]):
        return None
    if on_rate_step(vat[0], subtotal[0]):
        return None  # as read, a local rate to the cent (6.25 %: 9.95 of 159.16): the 1 is printed
    if not (may_be_misread(subtotal[2]) and may_be_misread(total[2])):
        return None
    for net in misread_variants(subtotal[0], subtotal[1]):
        for gross in misread_variants(total[0], total[1]):
            if adds_up(net, vat[0], gross) and is_standard_rate(vat[0], net):
                return (
                    (net, f"{subtotal[1]} (misread)", subtotal[2]),
                    vat,
                    (gross, f"{total[1]} (misread)", total[2]),
                )
    return None


VariantsOf = Callable[[float, str, Any], list[float]]  # amount, its raw text, its line -> other readings


def _confused(value: float, raw: str, _line: Any) -> list[float]:
    return confusion_variants(value, raw) + inserted_digit_variants(value, raw)


def _single_misreads(found: Candidates, variants_of: VariantsOf = printed_variants) -> list[Candidates]:
    """The candidates with one amount replaced by a value OCR may have garbled it from (repair.py)."""
    readings = []
    for kind, items in found.items():
        for position, (value, raw, line) in enumerate(items):
            if not may_be_misread(line):
                continue
            for variant in variants_of(value, raw, line):
                replaced = [*items[:position], (variant, f"{raw} (misread)", line), *items[position + 1 :]]
                readings.append({**found, kind: replaced})
    return readings


def _variants_of(items: list[Candidate]) -> list[Candidate]:
    return [
        (v, f"{raw} (misread)", line)
        for value, raw, line in items
        if may_be_misread(line)
        for v in printed_variants(value, raw, line)
    ]


def _uses_misread(trio: Trio) -> bool:
    """The repair must be what makes the amounts agree, not a bystander."""
    return any(item is not None and item[1].endswith("(misread)") for item in trio)


def repaired_triple(found: Candidates) -> tuple[Trio, float] | None:
    """The first reading with one misread undone in which subtotal + VAT = total to the cent."""
    for reading in _single_misreads(found):
        triple = consistent_triple(reading)
        if triple and triple[0] and triple[2] and _uses_misread(triple):
            if plausible_rate(triple[1][0] if triple[1] else 0.0, triple[0][0]):
                return triple, 0.85
    # a scan can garble all three ("931,145.27", "195,606.15", "36,75142"): undone together, they
    # must still add up to the cent at a standard rate
    every = {kind: items + _variants_of(items) for kind, items in found.items()}
    triple = consistent_triple(every)
    if triple and triple[0] and triple[1] and triple[2] and _uses_misread(triple):
        if is_standard_rate(triple[1][0], triple[0][0]):
            return triple, 0.8
    for reading in _single_misreads(found, _confused):
        triple = consistent_triple(reading)
        if triple and triple[0] and triple[2] and _uses_misread(triple):
            vat = triple[1][0] if triple[1] else 0.0
            # without a printed VAT only a difference in the cents: 62.06 read for 62.00
            if plausible_rate(vat, triple[0][0]) and (triple[1] or abs(triple[2][0] - triple[0][0]) < 1):
                if triple[1] is None or vat_to_the_cent(triple[1], triple[0][0]):
                    return triple, 0.75
    return None


def parts_repaired(found: Candidates) -> Trio | None:
    """`repaired_triple`'s amounts, where the misread undone is the net's or the VAT's."""
    repaired = repaired_triple(found)
    if repaired is None or repaired[0][2] is None or repaired[0][2][1].endswith("(misread)"):
        return None
    return repaired[0]


def vat_to_the_cent(vat: Candidate, net: float) -> bool:
    """The VAT is its net times a rate to the cent (the rate its line prints, where it prints one).
    A confused digit undone must leave the printed VAT exact: a sum that adds up after one change
    is no evidence when the change leaves the VAT a rate's share only roughly ('322.06' of 1,898.00
    at 17 % is 322.66 misread, not a total of 2,220.06 misread as 2,220.66)."""
    rate = exact_rate(vat[0], net) or included_exact_rate(vat[0], net)
    printed = percent_in(vat[2].text)
    return rate is not None and (printed is None or abs(rate - printed) < 1e-9)


def repaired_pair(found: Candidates) -> tuple[Trio, float] | None:
    """The first reading with one misread undone in which two amounts agree through a standard rate."""
    for reading in _single_misreads(found):
        pair = consistent_pair(reading)
        if pair and _uses_misread(pair):
            return pair, 0.75
    # as read, net and VAT at the rate the VAT line prints and a total that is their sum but for its
    # sign (a credit's total read without its minus): no misread to undo, though undoing one in each
    # may agree as well (5,000 at 20 % is 1,000: dropping the first digit of all three adds up)
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    for subtotal in found.get("subtotal", []):
        for vat in found.get("vat", []):
            rate = percent_in(vat[2].text)
            if not rate or not subtotal[0] or abs(vat[0] - subtotal[0] * rate) > HALF_CENT:
                continue
            if any(adds_up(subtotal[0], vat[0], -total[0]) for total in totals):
                return (subtotal, vat, None), 0.8
    # both garbled, the total lost: undone together they must give the rate the VAT line prints
    for subtotal in found.get("subtotal", []) + _variants_of(found.get("subtotal", [])):
        for vat in found.get("vat", []) + _variants_of(found.get("vat", [])):
            rate = percent_in(vat[2].text)
            if rate and subtotal[0] and abs(vat[0] / subtotal[0] - rate) < 0.0005:
                if _uses_misread((subtotal, vat, None)):
                    return (subtotal, vat, None), 0.7
    return None
