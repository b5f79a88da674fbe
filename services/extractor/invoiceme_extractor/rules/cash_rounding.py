"""Cash rounding on receipts: the rounded total is what is paid (labelled so, or under a rounding
line), and subtotal + VAT + the printed rounding = the total."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from . import labels
from .amount_agreement import parts_repaired
from .amount_candidates import Candidate, Candidates
from .amounts import row_money
from .lines import Found, Line
from .payments import card_charges, paid_amounts
from .repair import may_be_misread


def rounded_total(found: Candidates, total: Found | None, lines: list[Line]) -> Found | None:
    """Cash rounding: what is paid is the rounded total printed beside the exact one: labelled so,
    or a total printed under a rounding line that differs from the exact total by that rounding
    ('TOTAL INCL GST 269.45 / Rounding Adj. (0.05) / TOTAL 269.40')."""
    if total is None:
        return None
    for value, raw, line in found.get("total_strong", []):
        if labels.ROUNDED_TOTAL.search(line.text) and 0 < abs(value - total.value) <= 0.1:
            return Found(value, raw, line, min(total.confidence, 0.85))
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    for rounding, rounding_line in rounding_rows(lines):
        if rounding_line.index < total.line.index:
            continue  # a rounding printed above the exact total rounds nothing of it
        for value, raw, line in totals:
            if line.index > rounding_line.index and _moved_by(rounding, value, total.value):
                return Found(value, raw, line, min(total.confidence, 0.9))
        # the rounded total's label unknown: the amount right under the rounding line
        for line in lines[rounding_line.index + 1 : rounding_line.index + 3]:
            for value, raw in row_money(line):
                if _moved_by(rounding, value, total.value):
                    return Found(value, raw, line, min(total.confidence, 0.8))
        if (paid := _paid_rounded(rounding, rounding_line, total, lines)) is not None:
            return paid
    return _rounded_under_unread_rounding(totals, total, lines) or total


def _paid_rounded(rounding: float, rounding_line: Line, total: Found, lines: list[Line]) -> Found | None:
    """No rounded total printed (or OCR lost it), but what was paid under the rounding line, a card's
    charge or cash tendered less change ('Rounding Adj: 0.02' ... 'VISA 65,55' under a total of
    65.53, other rows between), is the exact total moved by the printed rounding: two readings agree
    on the rounded total, which is what the customer paid."""
    paid = card_charges(lines) + [(value, "", change) for value, _, change in paid_amounts(lines)]
    for value, raw, line in paid:
        if line.index > rounding_line.index and _moved_by(rounding, value, total.value):
            return Found(value, raw, line, min(total.confidence, 0.8))
    # the rounding's own amount misread ('-0.01' for -0.04): an exact total off the coin's step and
    # cash paid a coin from it, on the step, is the rounded total (the slip says it rounds)
    for value, _, change in paid_amounts(lines):
        if change.index > rounding_line.index and _on_step(value) and not _on_step(total.value):
            if moved_by_a_coin(value, total.value):
                return Found(value, "", change, min(total.confidence, 0.75))
    return None


OFF_THE_STEP = 0.6  # confidence left to a rounded total that is no multiple of the smallest coin


def off_the_coin_step(total: Found | None, lines: list[Line]) -> Found | None:
    """On a slip that rounds for cash (a rounded total's label, or a rounding row that moves the total),
    what is paid is a multiple of the smallest coin: a total that is not was misread ('TOTAL ROUNDED RM
    30.96' for 30.90, 'Amt Payable : 7.48' under 'Rounding Adjustment : (0.01)'), or is the exact total
    whose rounded one OCR lost, and is less sure. Its value stands: another read or the user decides."""
    if total is None or _on_step(total.value) or total.confidence <= OFF_THE_STEP:
        return total
    rounds = labels.ROUNDED_TOTAL.search(total.line.text) is not None or bool(rounding_rows(lines))
    return replace(total, confidence=OFF_THE_STEP) if rounds else total


def _on_step(value: float) -> bool:
    """A multiple of the smallest coin, as cash rounding leaves a total."""
    return abs(value / CASH_STEP - round(value / CASH_STEP)) < 0.001


def _moved_by(rounding: float, value: float, exact: float) -> bool:
    """`value` is the exact total moved by the printed rounding (either way)."""
    moved = abs(value - exact)
    return 0 < moved and abs(moved - abs(rounding)) < 0.005


CASH_STEP = 0.05  # the smallest coin cash totals are rounded to


def moved_by_a_coin(value: float, exact: float) -> bool:
    """`value` is `exact` moved by a cash rounding: more than nothing, at most the smallest coin."""
    return 0 < abs(value - exact) <= CASH_STEP + 0.001


def _rounded_under_unread_rounding(totals: list[Candidate], total: Found, lines: list[Line]) -> Found | None:
    """A total on the row right under a rounding line whose amount OCR misread ('Rounding Adj.
    8.85-' for 0.05-, 'RM 02' for .02): moved from the exact total by at most one coin, onto a
    multiple of it; its label may be damaged too ('TATAL 78.10') or only say 'Rounding' (the total
    after rounding). An exact total derived from its parts (no raw text) stands nowhere: a rounding
    line anywhere may follow it."""
    for line in lines[total.line.index + 1 if total.raw else 0 :]:
        if not _ROUNDING.search(line.text) or labels.ROUNDED_TOTAL.search(line.text):
            continue
        under = [c for c in totals if c[2].index == line.index + 1]
        if line.index + 1 < len(lines) and lines[line.index + 1].page == line.page:
            under += [(value, raw, lines[line.index + 1]) for value, raw in row_money(lines[line.index + 1])]
        for value, raw, total_line in under:
            if moved_by_a_coin(value, total.value) and _on_step(value):
                return Found(value, raw, total_line, min(total.confidence, 0.8))
    return None


_ROUNDING = labels.any_of(r"round", r"arrondi", r"rundung", r"redondeo", r"arredond", r"עיגול")


def rounding_rows(lines: list[Line]) -> list[tuple[float, Line]]:
    """'Arrondi 0,02', 'Rounding Adj -0.01': cash rounding printed between the tax and the total."""
    found = []
    for line in lines:
        money = row_money(line) if _ROUNDING.search(line.text) else []
        if not money or labels.ROUNDED_TOTAL.search(line.text):
            continue
        if 0 < abs(money[-1][0]) < 1:
            found.append((money[-1][0], line))
        elif (unit_misread := _zero_misread(*money[-1], line)) is not None:
            found.append((unit_misread, line))
    return found


# '8.03-' / '(8.04)' for 0.03 / 0.04: a rounding's 0 OCR read as a round digit ('8', '6', '9')
_ZERO_MISREAD = re.compile(r"[-(]?\s?[689][.,]\d{2}\)?-?")
_MOST_ROUNDED = 0.1  # a till rounds to a coin of 0.05 or 0.10: never more than this


def _zero_misread(value: float, raw: str, line: Line) -> float | None:
    """A rounding amount with its leading 0 misread, as the cents it stands for (signed as read);
    only on an OCR'd line and only a coin's worth."""
    if not _ZERO_MISREAD.fullmatch(raw.strip()) or not may_be_misread(line):
        return None
    cents = round(abs(value) % 1, 2)
    return (cents if value > 0 else -cents) if 0 < cents <= _MOST_ROUNDED else None


def rounding_amounts(lines: list[Line]) -> list[float]:
    return [amount for amount, _ in rounding_rows(lines)]


MaybeTrio = tuple[Candidate | None, Candidate | None, Candidate | None] | None


Finder = Callable[[Candidates], MaybeTrio]


def triple_with_rounding(
    found: Candidates, lines: list[Line], consistent: Finder, repaired: Finder = parts_repaired
) -> tuple[Candidate, Candidate, Candidate] | None:
    """'Montant HT 343,48 / TVA 20% 68,70 / Arrondi 0,02 / Total TTC 412,20': subtotal + VAT + the
    printed rounding = total (either sign: OCR drops a minus). `consistent` finds the triple in
    candidates whose totals are shifted by the rounding; the total returned is the printed one.
    Only when no rounding makes the amounts as read agree, `repaired` may undo a misread net or VAT
    ('Tax (23%) 2.78' for 2.70 over 'ROUNDING (0.04)' and 'TOTAL 14.40')."""
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    for finder in (consistent, repaired):
        for rounding in rounding_amounts(lines):
            for signed in (rounding, -rounding):
                shifted = {
                    kind: [(round(c[0] - signed, 2), c[1], c[2]) for c in found.get(kind, [])]
                    for kind in ("total_strong", "total_plain")
                }
                net, vat, moved = finder({**found, **shifted}) or (None, None, None)
                if net is None or vat is None or moved is None:
                    continue
                printed = next((c for c in totals if c[1] == moved[1] and c[2] is moved[2]), None)
                if printed is not None:  # a total repaired is no printed one: the rounding moved it
                    return net, vat, printed
    return None


def rounding_confidence(trio: tuple[Candidate, Candidate, Candidate], lines: list[Line]) -> float:
    """A triple that adds up through a printed rounding: surer read as printed than with a misread
    net or VAT undone, or through a rounding whose 0 was misread ('8.03-')."""
    repaired_rounding = any(abs(row_money(line)[-1][0]) >= 1 for _, line in rounding_rows(lines))
    return 0.8 if repaired_rounding or any(part[1].endswith("(misread)") for part in trio) else 0.9
