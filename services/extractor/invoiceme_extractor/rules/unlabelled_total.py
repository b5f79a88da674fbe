"""Net, VAT and total whose labels no lexicon knows ("Balance payable", "Montant final", a designer's
own word, or a label OCR garbled), found by arithmetic between printed amounts:

- `unlabelled_total_triple`: a labelled net and VAT add up, to the cent, to an amount printed just
  below them. Two printed amounts and their printed sum beat a labelled "total" the parts contradict
  (an items' gross before a discount) and a VAT found by arithmetic alone beside a labelled one.
- `unlabelled_net_triple`: a labelled total and VAT whose difference is printed above them.
- `included_vat`: an amount beside a tax-inclusive total that is exactly its VAT at some rate.
- `printed_parts`, `total_by_arithmetic`: two printed amounts that make the total at a printed or
  standard rate (exact_rates.parts_by_exact_rate needs only the net printed, at a standard rate to the
  half cent, and runs first; this one also takes the page's printed rate and 22-24 %), and with no total
  read at all the page's largest amount when two amounts above it make it.
"""

from __future__ import annotations

import re

from .amount_agreement import is_standard_rate
from .amount_candidates import Candidate, Candidates
from .amounts import CENT, adds_up, percent_in, row_money
from .lines import Found, Line
from .lost_labels import WINDOW, plausible_rate
from .rates import HIGH_RATES, STANDARD_RATES
from .repair import may_be_misread

# '4,922.62' read as ')492262(': OCR lost the point and the comma; a bare run of digits is one more
# reading of an amount, its last two digits the cents
_DIGIT_RUN = re.compile(r"(?<![\d.,])\d{3,8}(?![\d.,])")
_POINT_LOST = " (point lost)"


def rate_agrees(vat: Candidate, net: float) -> bool:
    """The VAT is the rate its own line prints of the net, or a standard rate of it (to 0.2 %)."""
    printed = percent_in(vat[2].text)
    if printed is not None and net and abs(vat[0] / net - printed) < 0.002:
        return True
    return is_standard_rate(vat[0], net)


def unlabelled_total_triple(
    found: Candidates, lines: list[Line], known_rate: bool = True
) -> tuple[Candidate, Candidate, Candidate] | None:
    """(net, VAT, total): the first amount on or within WINDOW lines below the later of a labelled net
    and VAT that is their sum (VAT is not 0, so it is neither of them) and no smaller than any
    strongly labelled total (an amount due larger than the sum: several rates, or charges after it).
    With `known_rate`, only a VAT at the rate printed beside it or a standard one; else any up to 27 %."""
    floor = max((abs(c[0]) for c in found.get("total_strong", [])), default=0.0)
    for read_net in found.get("subtotal", []):
        for vat in found.get("vat", []):
            net = _minus_restored(read_net, vat)
            if vat == net or not vat[0] or not plausible_rate(vat[0], net[0]):
                continue
            if known_rate and not rate_agrees(vat, net[0]):
                continue
            target = round(net[0] + vat[0], 2)
            if abs(target) < floor - CENT or target == 0:
                continue
            last = max(net[2].index, vat[2].index)
            # their own line too: a row of values under a row of labels ('Net | VAT 17% | ???')
            for line in lines[last : last + WINDOW + 1]:
                for value, raw in row_money(line):
                    if abs(value - target) <= CENT:
                        return net, vat, (value, raw, line)
    return None


def _minus_restored(net: Candidate, vat: Candidate) -> Candidate:
    """A credit note's net read positive beside its negative VAT ('4,888.62' over '831.07-'): OCR
    loses a trailing minus far more often than it makes one, so the parts share the VAT's sign."""
    if vat[0] < 0 < net[0] and may_be_misread(net[2]):
        return (-net[0], net[1], net[2])
    return net


def unlabelled_net_triple(
    found: Candidates, lines: list[Line], known_rate: bool = True
) -> tuple[Candidate, Candidate, Candidate] | None:
    """(net, VAT, total) with the net's label unknown: a labelled total and a labelled VAT whose
    difference is printed on or within WINDOW lines above the earlier of them. With `known_rate`, only
    a VAT at the rate printed beside it or a standard one of that difference; else any up to 27 %."""
    for total in found.get("total_strong", []) + found.get("total_plain", []):
        for vat in found.get("vat", []):
            if vat == total or not vat[0] or abs(vat[0]) >= abs(total[0]):
                continue
            target = round(total[0] - vat[0], 2)
            if not plausible_rate(vat[0], target) or (known_rate and not rate_agrees(vat, target)):
                continue
            first = min(total[2].index, vat[2].index)
            for line in lines[max(0, first - WINDOW) : first + 1]:
                for value, raw in row_money(line):
                    if abs(value - target) <= CENT:
                        return (value, raw, line), vat, total
    return None


def included_vat(total: Found, lines: list[Line]) -> Found | None:
    """The VAT inside a tax-inclusive total under a label no lexicon knows: an amount printed within
    WINDOW lines of the total that is, to the cent, total x r / (1 + r) for the rate its line prints
    or else a standard rate (a rate of the total coincides to the cent with some other amount rarely)."""
    start = max(0, total.line.index - WINDOW)
    for line in lines[start : total.line.index + WINDOW + 1]:
        printed = percent_in(line.text)
        rates = (printed,) if printed else STANDARD_RATES[1:]
        for value, raw in row_money(line):
            if value <= 0 or abs(value) >= abs(total.value):
                continue
            if any(abs(abs(total.value) * rate / (1 + rate) - value) <= CENT for rate in rates):
                return Found(value if total.value > 0 else -value, raw, line, 0.75)
    return None


def _rates_of(*rows: Line) -> tuple[float, ...]:
    printed = tuple(rate for row in rows if (rate := percent_in(row.text)) is not None)
    return (*printed, *STANDARD_RATES[1:], *HIGH_RATES)


def printed_parts(total: Found, lines: list[Line]) -> tuple[Found, Found] | None:
    """Net and VAT of a total whose parts' labels are unknown (or lost): two amounts printed on or
    within 2 x WINDOW lines above the total's that add up to it to the cent, the smaller a rate of
    the larger (printed on their lines, or a standard one); the pair nearest the total wins."""
    rows = lines[max(0, total.line.index - 2 * WINDOW) : total.line.index + 1]
    same_sign = [
        (value, raw, row) for row in rows for value, raw in row_money(row) if value * total.value > 0
    ]
    amounts = [(abs(value), raw, row) for value, raw, row in same_sign] + _point_lost(rows)
    best: tuple[int, Candidate, Candidate] | None = None
    for index, first in enumerate(amounts):
        for second in amounts[index + 1 :]:
            if first[1].endswith(_POINT_LOST) and second[1].endswith(_POINT_LOST):
                continue  # one printed amount must stand as read
            net, vat = (first, second) if first[0] >= second[0] else (second, first)
            if not adds_up(net[0], vat[0], abs(total.value)):
                continue
            if not any(abs(vat[0] / net[0] - rate) < 0.002 for rate in _rates_of(net[2], vat[2])):
                continue
            distance = total.line.index - min(net[2].index, vat[2].index)
            if best is None or distance < best[0]:
                best = (distance, net, vat)
    if best is None:
        return None
    sign = -1.0 if total.value < 0 else 1.0
    (_, (net_value, net_raw, net_line), (vat_value, vat_raw, vat_line)) = best
    return Found(sign * net_value, net_raw, net_line, 0.7), Found(sign * vat_value, vat_raw, vat_line, 0.7)


def _point_lost(rows: list[Line]) -> list[Candidate]:
    """Bare digit runs on OCR'd rows read as amounts with their point lost (`_DIGIT_RUN`)."""
    return [
        (int(match.group()) / 100, match.group() + _POINT_LOST, row)
        for row in rows
        if may_be_misread(row)
        for match in _DIGIT_RUN.finditer(row.text)
    ]


def total_by_arithmetic(lines: list[Line]) -> tuple[Found, Found, Found] | None:
    """No total read at all (every label unknown, or OCR lost them): the page's largest amount, when
    two amounts printed above it are its net and VAT (`printed_parts`). (net, VAT, total), said at 0.7."""
    amounts = [(value, raw, row) for row in lines for value, raw in row_money(row) if value]
    if not amounts:
        return None
    # a credit note's amounts are negative: its total is the largest in size
    value, raw, row = max(amounts, key=lambda amount: (abs(amount[0]), amount[2].index))
    total = Found(value, raw, row, 0.7)
    parts = printed_parts(total, lines)
    return (parts[0], parts[1], total) if parts else None
