"""A VAT table's sum row ('Total | 2.601,50 | 382,62 | 2.984,12' under 'Base | Cuota IVA | Total'):
net, VAT and gross in one row that add up, the gross printed again as the amount due. The column
labels over the table read their first rate row, which agrees with itself too ('1.113,32 | 233,80 |
1.347,12'); when OCR garbled another rate row the per-rate reading fails, and the sum row is the
invoice's amounts."""

from __future__ import annotations

import re

from . import labels
from .amount_agreement import Trio
from .amount_candidates import Candidates
from .amounts import CENT, adds_up, row_money, same_or_head_lost
from .geometry import is_crumb
from .lines import Line
from .lost_labels import plausible_rate
from .repair import may_be_misread


def _opens_with_total(line: Line) -> bool:
    cells = [cell for cell in line.cells if not is_crumb(cell)]
    # a speck after the label read as a full stop ('סה"ב.') ends no word of it
    return bool(cells) and bool(labels.TOTAL_PLAIN.fullmatch(cells[0].text.strip(" :.")))


def sum_row_triple(found: Candidates, lines: list[Line]) -> Trio | None:
    """Net, VAT and gross of a row labelled only 'Total' that add up, when a total-due label on
    another line reads the same gross (or its tail, its head lost: `same_or_head_lost`)."""
    due = found.get("total_strong", [])
    for line in lines:
        amounts = _sum_row_amounts(line)
        if amounts is None:
            continue
        (net, net_raw), (vat, vat_raw), (gross, gross_raw) = amounts
        if gross == 0 or not adds_up(net, vat, gross) or vat == 0 or not plausible_rate(vat, net):
            continue
        if any(same_or_head_lost(value, raw, gross) and other is not line for value, raw, other in due):
            return (net, net_raw, line), (vat, vat_raw, line), (gross, gross_raw, line)
    return None


def _sum_row_amounts(line: Line) -> list[tuple[float, str]] | None:
    if not _opens_with_total(line):
        return None
    amounts = [(value, raw) for value, raw in row_money(line)]
    return amounts if len(amounts) == 3 else None


def sum_row_with_net_misread(found: Candidates, lines: list[Line]) -> Trio | None:
    """A sum row whose net OCR misread by one digit ('Total | 92,731.15 | 528.82 | 33,259.97' for
    32,731.15): the gross minus the VAT is the net when the gross is printed again under a total's
    label on another line and the VAT is a plausible share of it. Said less surely (the caller)."""
    printed = found.get("total_strong", []) + found.get("total_plain", [])
    for line in lines:
        amounts = _sum_row_amounts(line) if may_be_misread(line) else None
        if amounts is None:
            continue
        (_, net_raw), (vat, vat_raw), (gross, gross_raw) = amounts
        derived = round(gross - vat, 2)
        if vat <= 0 or derived <= 0 or not plausible_rate(vat, derived):
            continue
        if not one_digit_apart(net_raw, derived):
            continue
        if any(abs(value - gross) <= CENT and other is not line for value, _, other in printed):
            return (derived, net_raw, line), (vat, vat_raw, line), (gross, gross_raw, line)
    return None


def one_digit_apart(raw: str, value: float) -> bool:
    """The printed amount differs from `value` in exactly one of its digits (same count of digits)."""
    read, wanted = re.sub(r"\D", "", raw), f"{abs(value):.2f}".replace(".", "")
    return len(read) == len(wanted) and sum(a != b for a, b in zip(read, wanted, strict=True)) == 1
