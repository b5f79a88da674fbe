"""Totals that rest on arithmetic and order rather than on label words, for layouts whose labels no
lexicon knows (a designer's own word, another language, a label OCR garbled):

- `several_rates_triple`: a net, two or more VAT lines each printing its own rate (or all one rate,
  with distinct amounts summing to the net's VAT at it), and a total, where the VAT lines sum to
  total - net to the cent ('VAT 7% ... VAT 19% ...'): the VAT is their sum.
- `ordered_triple`: three amounts on lines of their own (one amount each, whatever the words beside
  it), in reading order net, VAT, total, within a few lines, that add up to the cent with the VAT
  the net's VAT at the rate its line prints or at a standard rate. The last such run on the page wins
  (the totals block comes after the items).
- `included_at_printed_rate`: the VAT inside a total, on a line that prints its rate, to the cent.
- `by_order`: the above applied to a reading whose parts do not add up; with nothing read at all,
  the largest amount, alone on the last line that prints money, is the total as a guess (0.5);
  with the lone amount before it a standard rate of their difference, VAT and total (0.7).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from . import labels
from .amount_agreement import is_standard_rate
from .amount_candidates import Candidate, Candidates
from .amounts import CENT, adds_up, money_in, parse_amount, percent_in, percents_in, row_money
from .exact_rates import EXACT_RATES, HALF_CENT, exact_rate, on_rate_step
from .lines import Found, Line
from .rate_lines_repair import one_rate_lines
from .repair import may_be_misread, misread_variants

_INCLUSIVE = re.compile(r"\bincl|inkl|inclus|כולל", re.I)
RUN_SPAN = 8  # lines from the net to the total (a label printed on its own line between each)


def several_rates_triple(
    found: Candidates, lines: list[Line] | None = None
) -> tuple[Candidate, Candidate, Candidate] | None:
    """(net, summed VAT, total): VAT lines at printed rates, each its rate of part of the net,
    adding up with the net to a labelled total, or else (its label garbled) to an amount printed
    within RUN_SPAN lines after the last VAT line; its raw text joins the lines' ('43,63 + 3.020,12').
    A credit note's parts are all negative: one sign throughout, either sign."""
    vats = one_rate_lines(found)
    printed = {percents_in(vat[2].text)[0] for vat in vats}
    # one rate on every line (a VAT line per item or delivery): distinct amounts, summing to the net's VAT
    one_rate = len(printed) == 1 and len({vat[0] for vat in vats}) == len(vats)
    if len(vats) < 2 or (len(printed) != len(vats) and not one_rate):
        return None
    if len({vat[0] > 0 for vat in vats}) != 1:
        return None
    vat_sum = round(sum(vat[0] for vat in vats), 2)
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    if lines is not None:
        last = max(vat[2].index for vat in vats)
        after = lines[last + 1 : last + RUN_SPAN + 1]
        totals = totals + [(value, raw, line) for line in after for value, raw in row_money(line)]
    for net, total in itertools.product(found.get("subtotal", []), totals):
        same_sign = (net[0] > 0) == (vat_sum > 0)
        at_rate = not one_rate or abs(round(net[0] * min(printed), 2) - vat_sum) <= CENT * len(vats)
        if same_sign and at_rate and abs(vat_sum) < abs(net[0]) * 0.3 and adds_up(net[0], vat_sum, total[0]):
            return net, (vat_sum, " + ".join(vat[1] for vat in vats), vats[0][2]), total
    return None


Slot = tuple[Line, str, float, str]  # the line, the text around the amount, the amount, its raw text


def _slots(lines: list[Line]) -> list[Slot]:
    """Amounts standing alone, in reading order: a line's one money amount, or on a line of cells
    (a strip of labels over amounts) each cell's one amount."""
    slots: list[Slot] = []
    for line in lines:
        cells = [cell.text for cell in line.cells] or [line.text]
        if len(cells) > 1 and len(row_money(line)) == 1:
            cells = [line.text]
        for text in cells:
            money = money_in(text)
            if len(money) == 1:
                slots.append((line, text, *money[0]))
    return slots


def _rate_fits(vat: float, net: float, vat_text: str) -> bool:
    printed = percent_in(vat_text)
    if printed is not None and 0 < printed <= 0.3:
        return abs(net * printed - vat) <= HALF_CENT
    return exact_rate(vat, net) is not None or on_rate_step(vat, net)


def ordered_triple(lines: list[Line]) -> tuple[Found, Found, Found] | None:
    """The last (net, VAT, total) of three lone amounts in reading order on one page, within RUN_SPAN
    lines, that add up to the cent at the VAT's printed rate (or a standard or quarter-step one)."""
    slots = _slots(lines)
    found = None
    for index, (net_line, _, net, net_raw) in enumerate(slots):
        if net <= 0:
            continue
        later = [
            slot
            for slot in slots[index + 1 :]
            if slot[0].page == net_line.page and slot[0].index - net_line.index <= RUN_SPAN
        ]
        for vat_slot, total_slot in itertools.combinations(later, 2):
            (vat_line, vat_text, vat, vat_raw), (total_line, _, total, total_raw) = vat_slot, total_slot
            if not adds_up(net, vat, total) or not _rate_fits(vat, net, vat_text):
                continue
            found = (
                Found(net, net_raw, net_line, 0.75),
                Found(vat, vat_raw, vat_line, 0.75),
                Found(total, total_raw, total_line, 0.75),
            )
    return found


def included_at_printed_rate(total: Found, lines: list[Line], window: int = 4) -> Found | None:
    """The VAT inside `total`: an amount within `window` lines of it whose line prints a rate r, equal
    to the cent to total x r / (1 + r)."""
    start = max(0, total.line.index - window)
    for line in lines[start : total.line.index + window + 1]:
        rate = percent_in(line.text)
        if rate is None or not 0 < rate <= 0.3 or line.page != total.line.page:
            continue
        for value, raw in row_money(line):
            if 0 < value < abs(total.value) and abs(abs(total.value) * rate / (1 + rate) - value) <= CENT:
                return Found(value if total.value > 0 else -value, raw, line, 0.7)
    return None


def by_order(
    result: dict[str, Found | None], found: Candidates, lines: list[Line]
) -> dict[str, Found | None]:
    """Parts that do not add up (the caller checks), or were never labelled, give way to three lone
    amounts that do, in the order net, VAT, total (`ordered_triple`), unless a labelled total read with
    confidence says otherwise; with no parts at all, a VAT printed with its rate inside the total
    (or, with nothing read, inside the page's largest amount)."""
    total = result["total"]
    labelled = [c[0] for c in found.get("total_strong", []) + found.get("total_plain", [])]
    sure = (
        total is not None and total.confidence >= 0.9 and any(abs(v - total.value) <= CENT for v in labelled)
    )
    run = ordered_triple(lines)
    # an amount due larger than the run (one rate's sum of several, charges after it) stays the total
    floor = max((abs(c[0]) for c in found.get("total_strong", [])), default=0.0)
    run = run if run is not None and abs(run[2].value) >= floor - CENT else None
    if run is not None and _same_parts(result, run):
        return result  # the labelled parts are the run's: the total after them differs (rounding)
    if run is not None and (total is None or not sure or abs(run[2].value - total.value) <= CENT):
        return {**result, "subtotal": run[0], "vat_amount": run[1], "total": run[2]}
    unread_total = total is None or not total.raw  # none, or derived from the parts
    permuted = _permuted_triple(found) if unread_total else None
    if permuted is not None and permuted[2].value >= floor - CENT:
        return {**result, "subtotal": permuted[0], "vat_amount": permuted[1], "total": permuted[2]}
    if (inclusive := _vat_that_is_a_total(result)) is not None:
        return inclusive
    if total is None and result["subtotal"] is None and result["vat_amount"] is not None:
        if (repaired := _total_around_vat(result["vat_amount"], lines)) is not None:
            return {**result, "subtotal": repaired[0], "vat_amount": repaired[1], "total": repaired[2]}
    if result["subtotal"] is not None or result["vat_amount"] is not None:
        return result
    largest = total or _largest_amount(lines)
    if largest is not None and (vat := included_at_printed_rate(largest, lines)) is not None:
        net = Found(round(largest.value - vat.value, 2), "", largest.line, 0.6)
        return {**result, "subtotal": net, "vat_amount": vat, "total": total or largest}
    if total is None and largest is not None and _last_amount(largest, lines):
        # nothing labelled at all (the label garbled or a word no lexicon knows): a page ends on
        # its total, the largest amount it prints; a guess, said as one
        if (parts := vat_just_before(largest, lines)) is not None:
            return {**result, "subtotal": parts[0], "vat_amount": parts[1], "total": parts[2]}
        return {**result, "total": replace(largest, confidence=0.5)}
    return result


def vat_just_before(total: Found, lines: list[Line]) -> tuple[Found, Found, Found] | None:
    """The page's last amount and the lone amount on the line just before it, where that one is a
    standard rate of their difference to the cent: VAT and total, the net line between the items and
    them lost (labels on a dark band gone, the net's row with them). The arithmetic makes the guess a
    reading: (net derived, VAT, total)."""
    above = next((line for line in reversed(lines[: total.line.index]) if row_money(line)), None)
    money = row_money(above) if above is not None and above.page == total.line.page else []
    if above is None or len(money) != 1 or len(money_in(above.text)) != 1:
        return None
    vat, raw = money[0]
    net = round(total.value - vat, 2)
    if exact_rate(vat, net) is None:
        return None
    return (
        Found(net, "", total.line, 0.6),
        Found(vat, raw, above, 0.7),
        replace(total, confidence=0.7),
    )


def _largest_amount(lines: list[Line]) -> Found | None:
    """The page's largest amount on a row no word sets aside from the total ('Total Item Discount:
    6.00' under a total whose amount OCR lost)."""
    rows = [row for row in lines if not _ASIDE.search(row.text)]
    amounts = [(value, raw, row) for row in rows for value, raw in row_money(row) if value > 0]
    if not amounts:
        return None
    value, raw, row = max(amounts, key=lambda amount: (amount[0], amount[2].index))
    return Found(value, raw, row, 0.7)


def _same_parts(result: dict[str, Found | None], run: tuple[Found, Found, Found]) -> bool:
    subtotal, vat = result["subtotal"], result["vat_amount"]
    return (
        subtotal is not None
        and vat is not None
        and abs(subtotal.value - run[0].value) <= CENT
        and abs(vat.value - run[1].value) <= CENT
    )


def _last_amount(largest: Found, lines: list[Line]) -> bool:
    """The largest amount stands alone on its line (not an item's row: price and amount) and no other
    amount is printed after it (a change or balance line would be)."""
    if len(row_money(largest.line)) != 1:
        return False
    return all(
        abs(value - largest.value) <= CENT
        for row in lines[largest.line.index + 1 :]
        if not _ASIDE.search(row.text)  # a discount or saving printed after the total is no later sum
        for value, _ in row_money(row)
    )


_ASIDE = labels.any_of(r"discount", r"saving", r"points", r"\bqty\b", r"quantity")


def _permuted_triple(found: Candidates) -> tuple[Found, Found, Found] | None:
    """Labelled amounts that add up under other roles than their labels say (a garbled 'Total
    (excl. GST)' read as the total, the subtotal of a tax-inclusive receipt): the largest is the sum
    of the other two, the smaller of which is a standard rate of the larger to 0.2 %."""
    pool = {
        round(c[0], 2): c
        for kind in ("subtotal", "vat", "total_strong", "total_plain")
        for c in found.get(kind, [])
    }
    amounts = sorted((c for c in pool.values() if c[0] > 0), key=lambda c: c[0])
    for net, vat, total in itertools.permutations(amounts, 3):
        if (
            vat[0] < net[0] < total[0]
            and adds_up(net[0], vat[0], total[0])
            and is_standard_rate(vat[0], net[0])
        ):
            return Found(net[0], net[1], net[2], 0.7), Found(vat[0], vat[1], vat[2], 0.7), Found(*total, 0.7)
    return None


def _vat_that_is_a_total(result: dict[str, Found | None]) -> dict[str, Found | None] | None:
    """A 'VAT' larger than any VAT rate of the net, read on a line that says the amount includes
    tax ('Total (GST incl.)' with its 'Total' garbled): it is the tax-inclusive total."""
    subtotal, vat = result["subtotal"], result["vat_amount"]
    if subtotal is None or vat is None or not subtotal.value or vat.value <= abs(subtotal.value) * 0.3:
        return None
    if not _INCLUSIVE.search(vat.line.text):
        return None
    doubted = replace(subtotal, confidence=min(subtotal.confidence, 0.5))
    return {**result, "subtotal": doubted, "vat_amount": None, "total": replace(vat, confidence=0.5)}


_NUMBER_TOKEN = re.compile(r"\d[\d.,']*\d")


def _readings(line: Line) -> list[tuple[float, str]]:
    """Every number token of an OCR'd line as read and as OCR may have damaged it
    (repair.misread_variants: a currency sign read as a digit, a decimal point lost)."""
    found: list[tuple[float, str]] = []
    for match in _NUMBER_TOKEN.finditer(line.text):
        raw = match.group()
        value = parse_amount(raw)
        values = ([value] if value is not None else []) + misread_variants(value or 0.0, raw)
        found += [(v, raw) for v in values if v > 0]
    return found


def _total_around_vat(vat: Found, lines: list[Line], window: int = 4) -> tuple[Found, Found, Found] | None:
    """A VAT read alone (the net and total labels garbled, the amounts damaged): the VAT as read or
    repaired, and a number within `window` lines (as read or repaired) whose difference from it is
    its net at the VAT line's printed rate (or a standard one) to the half cent. Repaired: 0.7."""
    printed = percent_in(vat.line.text)
    rates = (printed,) if printed is not None and 0 < printed <= 0.3 else EXACT_RATES
    if not may_be_misread(vat.line):
        return None  # a text layer's amounts are as printed: nothing to repair
    vat_values = [vat.value, *misread_variants(vat.value, vat.raw)] if vat.raw else [vat.value]
    start = max(0, vat.line.index - window)
    for line in lines[start : vat.line.index + window + 1]:
        if line.page != vat.line.page or line.index == vat.line.index:
            continue
        for gross, raw in _readings(line):
            for tax in vat_values:
                net = round(gross - tax, 2)
                if 0 < tax < net and any(abs(net * rate - tax) <= HALF_CENT for rate in rates):
                    return (
                        Found(net, "", line, 0.6),
                        replace(vat, value=tax, confidence=0.7),
                        Found(gross, raw, line, 0.7),
                    )
    return None
