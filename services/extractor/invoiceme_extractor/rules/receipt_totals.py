"""Totals as receipts print them: tax-inclusive prices (the VAT named as "included in the total"),
cash rounding (the rounded total is what is paid: `cash_rounding`), and a tax-inclusive subtotal
beside the net amount.

Each reading rests on arithmetic between printed amounts, not on a label alone: OCR damages labels
on till slips more than it damages the amounts' agreement.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from . import labels
from .agreed_readings import after_discount, one_digit_apart
from .amount_candidates import Candidate, Candidates
from .amounts import adds_up, percent_in, row_money
from .cash_rounding import moved_by_a_coin, rounding_amounts
from .exact_rates import exact_rate
from .lines import Found, Line
from .lost_labels import WINDOW
from .payments import card_charges, paid_amounts, paid_readings
from .printed_rate import rate_of
from .rates import STANDARD_RATES
from .repair import confusion_variants, may_be_misread, misread_variants

INCLUDED = re.compile(r"incl|inkl|inclu|כולל", re.I)


def included_tax(found: Candidates, lines: list[Line]) -> Candidates:
    """'GST @6% included in total RM 1.97', '(Total Included GST @6%: 1.42)': a total-labelled amount
    that is exactly the tax inside another printed amount (gross x r / (1 + r) at a standard rate r)
    is that VAT, and the gross amount is the total (tax-inclusive prices, as receipts print them)."""
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    printed = totals + [(*money[-1], line) for line in lines if (money := row_money(line))]
    for tax in [c for c in totals if labels.VAT.search(c[2].text) and INCLUDED.search(c[2].text)]:
        gross = next(
            (
                other
                for other in printed
                if abs(other[0]) > 3 * abs(tax[0])
                and any(abs(other[0] * r / (1 + r) - tax[0]) <= 0.006 for r in STANDARD_RATES[1:])
            ),
            None,
        )
        if gross is None:
            continue
        found = {kind: [c for c in items if c is not tax] for kind, items in found.items()}
        found.setdefault("vat", []).append(tax)
        if all(c[0] != gross[0] for c in found.get("total_strong", []) + found.get("total_plain", [])):
            found.setdefault("total_plain", []).append(gross)
    return found


def printed_vat_lines(found: Candidates) -> list[Candidate]:
    """The VAT amounts read under a VAT label whose line states a rate ('IVA incluido 21% 8.879,33'):
    with one read, the VAT's label was not lost, so no VAT is looked for by arithmetic alone (an
    item's amount near another's, '3.390,72' beside '47.771,12', is about 7 % of it by chance)."""
    return [vat for vat in found.get("vat", []) if percent_in(vat[2].text) is not None]


def unlabelled_vat_triple(
    found: Candidates, lines: list[Line], is_rate: Callable[[float, float], bool]
) -> tuple[Candidate, Candidate, Candidate] | None:
    """'Total (Excluding GST) 41.42', '6%GS 2.48', 'SUBTOTAL 43.90': a VAT whose label OCR lost, found
    by arithmetic: an amount printed near a net amount, at a standard rate of it (`is_rate`), that adds
    up with it to another labelled amount, which is then the total whatever its label says (receipts
    call the tax-inclusive sum a subtotal)."""
    labelled = [c for items in found.values() for c in items]
    # an amount due printed larger than the sum is the total (several rates, or charges after it)
    floor = max((abs(c[0]) for c in found.get("total_strong", [])), default=0.0)
    if printed_vat_lines(found):
        return None  # the VAT's own line is read, rate and amount: an amount near a net is no VAT
    for net in found.get("subtotal", []):
        row = net[2].index
        for line in lines[max(0, row - WINDOW) : row + WINDOW + 1]:
            for value, raw in row_money(line):
                if value <= 0 or line is net[2] or not is_rate(value, net[0]):
                    continue
                total = next(
                    (c for c in labelled if c[2] is not net[2] and adds_up(net[0], value, c[0])), None
                )
                if total is not None and abs(total[0]) >= floor:
                    return net, (value, raw, line), total
    return None


def included_vats(found: Candidates) -> Iterator[tuple[Candidate, float]]:
    """Each positive VAT read on a line that says it is included in the total and prints its rate
    ('IVA incluido 21% 326,28', 'incl. VAT 23% 19,497.97'), with that rate."""
    for vat in found.get("vat", []):
        rate = percent_in(vat[2].text)
        if rate and vat[0] > 0 and INCLUDED.search(vat[2].text):
            yield vat, rate


def total_from_included_tax(found: Candidates, lines: list[Line]) -> Found | None:
    """'incl. VAT 23% 19,497.97' with the total's line lost: the item amounts printed above it that
    add up to a gross amount whose tax at the printed rate that is (gross x r / (1 + r)). Without a
    printed rate, exact_rates.total_by_exact_rate finds the gross."""
    for (value, _, line), rate in included_vats(found):
        above = [
            money[-1][0] for row in lines[max(0, line.index - 40) : line.index] if (money := row_money(row))
        ]
        running = 0.0
        for amount in reversed(above):
            running = round(running + amount, 2)
            if abs(running * rate / (1 + rate) - value) <= 0.006:
                return Found(running, "", line, 0.7)
    return None


_OF_WHICH = re.compile(
    r"\bdont\b|\bdavon\b|\bdarin\b|enthalten|incl|inkl|including|כולל|\bde\s*los\s*cuales\b", re.I
)


def vat_from_included_rate(lines: list[Line], total: Found) -> tuple[Found, Found] | None:
    """'dont TVA 20%' / 'inkl. 19% MwSt.' printed without its amount: the (net, VAT) inside the total
    at that rate, the net rounded to the cent as invoicing software does."""
    for line in lines:
        rate = percent_in(line.text)
        if not rate or not labels.VAT.search(line.text) or not _OF_WHICH.search(line.text):
            continue
        if labels.TOTAL_PLAIN.search(line.text) or row_money(line):
            continue  # a total's own line, or the tax amount is printed after all
        exact = Decimal(str(total.value)) / (1 + Decimal(str(rate)))
        net = float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        return Found(net, "", line, 0.55), Found(round(total.value - net, 2), "", line, 0.55)
    return None


def parts_by_included_rate(result: dict[str, Found | None], lines: list[Line]) -> dict[str, Found | None]:
    """A net and VAT at no rate (two item amounts adding up to the total: '1,760.00' and '7.19')
    while the page prints the rate the total includes ('incl. VAT 23%', its amount garbled): the net
    and VAT inside the total at that rate (`vat_from_included_rate`)."""
    total, net, vat = result["total"], result["subtotal"], result["vat_amount"]
    if total is None or net is None or vat is None or rate_of(vat.value, net.value, None) is not None:
        return result
    derived = vat_from_included_rate(lines, total)
    return result if derived is None else {**result, "subtotal": derived[0], "vat_amount": derived[1]}


_CENT = 0.005  # what was paid matches to the cent: 22.91 before cash rounding is not the 22.90 paid


def total_by_payment(found: Candidates, total: Found | None, lines: list[Line]) -> Found | None:
    """The total the payment confirms: the chosen total when tendered - change (or a card's charge)
    equals it (two readings agree: surer), else the total-labelled amount that equals it. A digit
    OCR confused is never undone this way: the tendered amount is as likely misread as the total
    ('CASH 50.06' for 50.00)."""
    payments = paid_amounts(lines)
    paid = [value for value, *read_from in payments if total is None or total.line not in read_from]
    # a card's charge confirms but never picks: an instalment paid by card is part of the total
    charged = [value for value, _, line in card_charges(lines) if total is None or line is not total.line]
    confirming = [
        value for value, *read_from in paid_readings(lines) if total is None or total.line not in read_from
    ]
    if (
        total is not None
        and total.raw
        and any(abs(total.value - value) < _CENT for value in confirming + charged)
    ):
        return replace(total, confidence=max(total.confidence, 0.9))
    if (repaired := _sign_read_as_digit(total, paid + charged)) is not None:
        return repaired
    labelled = found.get("total_strong", []) + found.get("total_plain", [])
    for value in paid:
        match = next((c for c in labelled if abs(c[0] - value) < _CENT), None)
        if match is not None:
            return Found(match[0], match[1], match[2], 0.85)
    if total is not None and any(moved_by_a_coin(value, total.value) for value in paid):
        return total  # cash paid is the total rounded to a coin: no other total is read
    return _paid_printed(payments, lines) or total


def _paid_printed(payments: list[tuple[float, Line, Line]], lines: list[Line]) -> Found | None:
    """Cash tendered less change that the slip prints as an amount on another row, whose total label
    OCR lost or damaged ('clusive of GST) : 80.90', '29.80' alone): two readings of what was paid
    agree, and what was paid is the total. Only one such value: several say nothing."""
    agreed: dict[float, Found] = {}
    for value, tendered, change in payments:
        for line in lines:
            if line is tendered or line is change:
                continue
            raw = next((raw for amount, raw in row_money(line) if abs(amount - value) < _CENT), None)
            if raw is not None:
                agreed.setdefault(value, Found(value, raw, line, 0.75))
                break
    return agreed.popitem()[1] if len(agreed) == 1 else None


def _sign_read_as_digit(total: Found | None, payments: list[float]) -> Found | None:
    """The total as read with its currency sign read as a digit ('1416.32' for ₪416.32), where a
    payment ('Credit ****9148 416.32') is what it reads without it: two readings agree on the
    repaired one. An instalment is a share of the total, never its digits less the first."""
    if total is None or not total.raw or not may_be_misread(total.line):
        return None
    for variant in misread_variants(total.value, total.raw):
        if abs(variant) < abs(total.value) and any(abs(variant - value) < _CENT for value in payments):
            return Found(variant, f"{total.raw} (misread)", total.line, 0.85)
    return None


def _summary_rows(lines: list[Line]) -> list[tuple[Candidate, Candidate]]:
    """'SR 6% 58.49 3.51': the rows of a tax summary, an amount and the tax on it at a standard
    rate or the one the row prints, side by side (in either order: a right-to-left row reads the
    tax first)."""
    rows = []
    for line in lines:
        money = row_money(line)
        printed = percent_in(line.text)
        rates = (*STANDARD_RATES[1:], printed) if printed else STANDARD_RATES[1:]
        for first, second in itertools.pairwise(money):
            (amount, amount_raw), (tax, tax_raw) = (
                (first, second) if first[0] >= second[0] else (second, first)
            )
            if amount > 0 and any(abs(tax / amount - rate) < 0.002 for rate in rates):
                rows.append(((amount, amount_raw, line), (tax, tax_raw, line)))
    return rows


def _summary_gross(lines: list[Line]) -> list[float]:
    """What each tax summary row charges: its amount and its tax together."""
    return [round(amount[0] + tax[0], 2) for amount, tax in _summary_rows(lines)]


def _cash_rounded_row(row: tuple[Candidate, Candidate], total: Found) -> bool:
    """A summary row whose tax is its amount's rate to the cent and whose sum is the total less a
    cash rounding the slip prints on a line OCR garbled ('עשינול אגנורות 0.03'): at most one coin."""
    (net, _, _), (tax, _, _) = row
    return exact_rate(tax, net) is not None and moved_by_a_coin(total.value, round(net + tax, 2))


def parts_from_summary(lines: list[Line], total: Found | None) -> tuple[Found, Found] | None:
    """The one tax summary row whose amount and tax add up to the total (or to it before a printed
    cash rounding): the subtotal and the VAT as the slip itemises them (a column header over them is
    easily misaligned by OCR)."""
    if total is None:
        return None
    roundings = rounding_amounts(lines)  # printed with either sign
    exact = [total.value, *(total.value - rounding for rounding in roundings)]
    exact += [total.value + rounding for rounding in roundings]
    rows = [
        row
        for row in _summary_rows(lines)
        if any(adds_up(row[0][0], row[1][0], value) for value in exact) or _cash_rounded_row(row, total)
    ]
    if len({(net[0], tax[0]) for net, tax in rows}) != 1:
        return None  # none, or several rates (the summary's own 'Total' row repeats a single rate's)
    (net, net_raw, line), (tax, tax_raw, _) = rows[0]
    confidence = min(total.confidence, 0.85)
    return Found(net, net_raw, line, confidence), Found(tax, tax_raw, line, confidence)


def total_by_agreement(found: Candidates, total: Found | None, lines: list[Line]) -> Found | None:
    """'TOTAL INCL GST 62.06' that nothing else on the slip repeats, where the subtotal (62.00), a tax
    summary row (58.49 + 3.51), the payment or a card's charge agree on a value one OCR-confused digit
    away: two other readings agreeing outvote the total's one. A guess, so said at 0.7."""
    if total is None or not total.raw or total.confidence >= 0.9:
        return total
    readings = [
        [c[0] for c in found.get("subtotal", [])],
        [value for value, *_ in paid_amounts(lines)],
        [value for value, *_ in card_charges(lines)],
        after_discount(found, lines),
    ]

    def support(value: float) -> int:
        return sum(any(abs(value - seen) < _CENT for seen in values) for values in readings)

    misread = may_be_misread(total.line)
    variants = [v for v in confusion_variants(total.value, total.raw) if misread and support(v)]
    # two readings agreeing outvote the total on any one digit, confused or not ('30.50' for 30.90)
    variants += [v for v in itertools.chain(*readings) if misread and one_digit_apart(v, total.raw)]
    # what was paid and the subtotal less its discount agreeing to the cent outvote it on any
    # digits ('Grand Total 33.80' under 'Sub-Total 57.00' / 'Coupon Discount 17.40', 'Payment 40.00'
    # / 'Change 00.40'): two independent sums do not meet by chance
    paid, after = readings[1] + readings[2], readings[3]
    variants += [v for v in paid if misread and any(abs(v - sum_) < _CENT for sum_ in after)]
    if not variants or support(total.value):
        return total  # the tax summary (the slowest reading) is read only when it can decide
    readings.append(_summary_gross(lines))
    if support(total.value):
        return total
    agreed = list({v for v in variants if support(v) >= 2})
    if len(agreed) != 1:
        return total
    return Found(agreed[0], f"{total.raw} (misread)", total.line, 0.7)
