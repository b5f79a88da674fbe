"""Amounts that agree through a VAT rate to the cent: the strongest evidence two amounts give.

A VAT amount is its base times the rate, rounded to the cent. Two amounts that agree with some rate
only to within 0.2 % (consistent_pair) agree by chance often enough on a photo, where OCR misreads a
currency sign as a digit ('₪72,885.91' read as 172,885.91 agrees with 7 % VAT on 11,118.19 to 0.13 %);
two that agree to the cent almost never do. So a pair exact to the cent, as read or with one misread
undone, is preferred to a pair that only comes close, and a run of bare amounts on consecutive lines
(a totals column whose labels OCR lost or read on other lines) counts only when exact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import labels
from .amount_candidates import Candidate, Candidates
from .amounts import CENT, adds_up, money_in, percent_in, percents_in
from .lines import Found, Line
from .rates import HIGH_RATES, STANDARD_RATES
from .repair import misread_variants

Trio = tuple[Candidate | None, Candidate | None, Candidate | None]  # subtotal, vat, total

HALF_CENT = 0.0051  # a VAT amount is its base times the rate rounded to the nearest cent
# Standard rates, and the 22-27 % ones of Italy, Ireland/Poland/Portugal, Greece, Finland, Hungary:
# to the cent, a wider list costs no false agreements that the 0.2 % test would
EXACT_RATES = tuple(sorted({*STANDARD_RATES[1:], *HIGH_RATES, 0.255, 0.27}))


def exact_rate(vat: float, base: float) -> float | None:
    """The standard rate (not 0 %) at which `vat` is `base`'s VAT to the cent, if any."""
    if not base or not vat or (vat > 0) != (base > 0) or abs(vat) >= abs(base):
        return None
    return next((rate for rate in EXACT_RATES if abs(base * rate - vat) <= HALF_CENT), None)


def included_exact_rate(vat: float, net: float) -> float | None:
    """The standard rate whose share of the gross (net + VAT) `vat` is to the cent: prices with VAT,
    the net then the gross less the VAT (4,707.67 + 941.54 = 5,649.21, whose 20 % share is 941.535)."""
    gross = net + vat
    if not net or not vat or (vat > 0) != (net > 0) or abs(vat) >= abs(net):
        return None
    return next((rate for rate in EXACT_RATES if abs(gross * rate / (1 + rate) - vat) <= HALF_CENT), None)


def rate_on_step(vat: float, base: float) -> float | None:
    """The rate on a quarter-percent step up to 27 % (US sales taxes: 8.75 %, 6.25 %) at which `vat`
    is `base`'s tax to the cent, if any: for an amount found by arithmetic alone beside two that it
    makes add up, where the list of national rates would miss a local one."""
    if not base or not vat or (vat > 0) != (base > 0) or abs(vat) >= abs(base):
        return None
    step = round(vat / base / 0.0025)
    if 0 < step <= 108 and abs(base * step * 0.0025 - vat) <= HALF_CENT:
        return round(step * 0.0025, 4)
    return None


def on_rate_step(vat: float, base: float) -> bool:
    """`vat` is `base`'s tax to the cent at some rate on a quarter-percent step (`rate_on_step`)."""
    return rate_on_step(vat, base) is not None


def _against_printed_rate(vat: Candidate, base: float) -> bool:
    rate = percent_in(vat[2].text)
    return rate is not None and abs(vat[0] - base * rate) > HALF_CENT


def _with_variants(items: list[Candidate]) -> list[Candidate]:
    """The amounts, then what each may have been printed as (repair.misread_variants)."""
    variants = [
        (v, f"{raw} (misread)", line) for value, raw, line in items for v in misread_variants(value, raw)
    ]
    return items + variants


def _last_word(total: Candidate, totals: list[Candidate]) -> bool:
    """No larger total is printed on a later line: a sum per rate ('Total 6% supplies (Inc. GST)')
    agrees with its own VAT, the amount due after it is the total. A later line is larger only if
    every reading of it is ('111863.91', a balance due whose ₪ OCR read as 1, may be 11,863.91)."""
    later = [other[2] for other in totals if other[2] is not total[2] and other[2].index >= total[2].index]
    return not any(
        all(abs(other[0]) > abs(total[0]) for other in totals if other[2] is line) for line in later
    )


def _exact_pair_in(
    subtotals: list[Candidate], vats: list[Candidate], all_totals: list[Candidate]
) -> Trio | None:
    totals = [total for total in all_totals if _last_word(total, all_totals)]
    for vat in vats:
        for total in totals:
            base = total[0] - vat[0]
            if total[2] is not vat[2] and exact_rate(vat[0], base) and not _against_printed_rate(vat, base):
                return None, vat, total
    for subtotal in subtotals:
        for total in totals:
            if total[2] is not subtotal[2] and exact_rate(total[0] - subtotal[0], subtotal[0]):
                return subtotal, None, total
        # a total printed after the subtotal that does not agree is the page's word against the
        # pair (a mismatch to review); one printed above it is some other sum ('Importe bruto')
        if any(total[2].index >= subtotal[2].index for total in all_totals):
            continue
        for vat in vats:
            if exact_rate(vat[0], subtotal[0]) and not _against_printed_rate(vat, subtotal[0]):
                return subtotal, vat, None
    return None


def _total_named(vat: Candidate, lines: list[Line]) -> bool:
    """The VAT's label (on its line, or on the line over an amount printed alone) names a total."""
    line = vat[2]
    if _bare_amount(line) is not None and 0 < line.index < len(lines):
        line = lines[line.index - 1]
    return bool(labels.TOTAL_PLAIN.search(line.text))


def exact_pair(found: Candidates, lines: list[Line] | None = None) -> tuple[Trio, float] | None:
    """Two labelled amounts that agree through a standard rate to the cent (the third derived from
    them): as read, else with one of them repaired (a currency sign read as a digit, a lost point)."""
    subtotals, vats = found.get("subtotal", []), found.get("vat", [])
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    # 'סה"כ … מע"מ' read as a VAT's label may be the total's with its 'including' garbled ('סה"כ 7719
    # מע"מ' for 'סה"כ כולל מע"מ'): a total too, when the printed VAT is exactly its rate's share
    totals += [vat for vat in vats if lines and _total_named(vat, lines) and vat not in totals]
    pair = _exact_pair_in(subtotals, vats, totals)
    if pair is not None:
        return pair, 0.85
    # with the plain readings agreeing nowhere, a pair found here is owed to a repair: an amount
    # repaired, or a later larger total that one of its readings makes smaller (`_last_word`)
    repaired = _exact_pair_in(_with_variants(subtotals), _with_variants(vats), _with_variants(totals))
    return (repaired, 0.75) if repaired is not None else None


# a currency mark as printed or read (ש"ח with its ח read as ת or ה), a minus read as a dash
_OTHER_THAN_AMOUNT = re.compile(r'[\d.,\s₪$€£%()~+\-—–]|ש["\'״]?[חתה]|\b(?:NIS|ILS|EUR|USD|GBP)\b')


def _bare_amount(line: Line) -> tuple[float, str] | None:
    """The line's one amount when the line holds nothing else (a currency mark aside)."""
    money = money_in(line.text)
    if len(money) != 1 or len(_OTHER_THAN_AMOUNT.sub("", line.text)) > 1:
        return None
    return money[0]


def bare_column_triple(lines: list[Line]) -> tuple[Found, Found, Found] | None:
    """Subtotal, VAT and total printed as bare amounts on three consecutive lines (their labels in
    another column OCR read apart, or lost): the last such run where the first two add up to the
    third and the second is the first's VAT to the cent."""
    found = None
    for first, second, third in zip(lines, lines[1:], lines[2:], strict=False):
        if not first.page == second.page == third.page:
            continue
        amounts = [_bare_amount(line) for line in (first, second, third)]
        if any(amount is None for amount in amounts):
            continue
        (net, net_raw), (vat, vat_raw), (gross, gross_raw) = amounts  # type: ignore[misc]  # None excluded above
        # a credit note: OCR loses a minus (or reads it as a dash) far more often than it makes one
        sign = -1.0 if min(net, vat, gross) < 0 else 1.0
        net, vat, gross = (sign * abs(amount) for amount in (net, vat, gross))
        if adds_up(net, vat, gross) and exact_rate(vat, net):
            found = (
                Found(net, net_raw, first, 0.75),
                Found(vat, vat_raw, second, 0.75),
                Found(gross, gross_raw, third, 0.75),
            )
    return found


PARTS_WINDOW = 4  # rows above or below the total where its subtotal may be printed


def _nearest_first(lines: list[Line], anchor: Line) -> list[Line]:
    start, end = max(0, anchor.index - PARTS_WINDOW), anchor.index + PARTS_WINDOW + 1
    return sorted(
        (line for line in lines[start:end] if line.page == anchor.page),
        key=lambda line: abs(line.index - anchor.index),
    )


def total_by_exact_rate(lines: list[Line], vat: Found) -> tuple[Found, Found] | None:
    """Total and subtotal for a VAT read alone ('VAT included 128.28' under a payment row whose
    'Total' label OCR lost): the nearest amount the VAT is included in at a standard rate to the
    cent, the subtotal derived; or the nearest the VAT is that rate of (a till slip's VAT row '18% |
    228.12 | 41.06' under a garbled header, its total lost), the total derived. A rate printed
    beside the VAT ('מע"מ 18% 609.66') is the only one it may be taken at."""
    printed = [rate for rate in percents_in(vat.line.text) if rate > 0]

    def at_rate(base: float) -> bool:
        rate = exact_rate(vat.value, base)
        return rate is not None and (not printed or any(abs(rate - p) < 1e-9 for p in printed))

    for line in _nearest_first(lines, vat.line):
        for value, raw in money_in(line.text):
            if abs(value) > abs(vat.value) and at_rate(round(value - vat.value, 2)):
                return Found(value, raw, line, 0.65), Found(round(value - vat.value, 2), "", line, 0.6)
            if abs(value) > abs(vat.value) and at_rate(value):
                return Found(round(value + vat.value, 2), "", line, 0.6), Found(value, raw, line, 0.65)
    return None


def parts_by_exact_rate(lines: list[Line], total: Found) -> tuple[Found, Found] | None:
    """Subtotal and VAT for a total read alone (their labels lost, or printed in a row of their own
    under a header row): the amount nearest the total whose difference from it is its VAT at a
    standard rate to the cent; the VAT is derived (OCR often garbles it: '3.23118'). Else the
    nearest amount that is the VAT of the rest of the total (the net's row lost, a boxed grid's
    label cells read apart from their amounts); the subtotal is then derived."""
    for line in _nearest_first(lines, total.line):
        for value, raw in money_in(line.text):
            vat = round(total.value - value, 2)
            if value != total.value and exact_rate(vat, value):
                return Found(value, raw, line, 0.7), Found(vat, "", line, 0.6)
            net = round(total.value - value, 2)
            if value != total.value and exact_rate(value, net):
                return Found(net, "", line, 0.6), Found(value, raw, line, 0.7)
    return None


def total_by_exact_net(lines: list[Line], subtotal: Found) -> tuple[Found, Found] | None:
    """Total and VAT for a subtotal read alone (the labels of both lost or garbled: a VAT read
    'ILS 4217' under 'מע"', the total a bare amount): the amount nearest the subtotal that exceeds
    it by its VAT at a standard rate to the cent; the VAT derived."""
    for line in _nearest_first(lines, subtotal.line):
        for value, raw in money_in(line.text):
            vat = round(value - subtotal.value, 2)
            if exact_rate(vat, subtotal.value):
                return Found(value, raw, line, 0.65), Found(vat, "", line, 0.6)
    return None


def vat_by_exact_net(lines: list[Line], subtotal: Found) -> tuple[Found, Found] | None:
    """Total and VAT for a subtotal read alone whose total OCR lost and whose VAT label it garbled
    ('מס My מוסף 17% | 2,319.88', a bare '19% | 4.169,55'): the nearest amount printed after the
    subtotal (or beside it on its row) that is its VAT at a standard rate to the cent (and at the
    rate its line prints, if any); the total derived."""
    for line in _nearest_first(lines, subtotal.line):
        if line.index < subtotal.line.index:
            continue  # the VAT follows its net; the rows above are items
        for value, raw in money_in(line.text):
            if line is subtotal.line and raw == subtotal.raw:
                continue  # on the net's own row ('55,155.57 11,031.11' under garbled labels): another amount
            vat: Candidate = (value, raw, line)
            if exact_rate(value, subtotal.value) and not _against_printed_rate(vat, subtotal.value):
                total = Found(round(subtotal.value + value, 2), "", line, 0.6)
                return total, Found(value, raw, line, 0.65)
    return None


def net_under_total_label(lines: list[Line], total: Found) -> tuple[Found, Found, Found] | None:
    """(subtotal, VAT, total) when the amount read as the total is the net ('סך הכל חייב במע"ם', the
    net's label with its last letter misread, still says 'סך הכל'): after it, its VAT at a standard
    rate to the cent and the sum of the two, on the rows that follow (their labels garbled or lost).
    Three printed amounts agreeing to the cent."""
    after = [line for line in _nearest_first(lines, total.line) if line.index > total.line.index]
    amounts = [(value, raw, line) for line in after for value, raw in money_in(line.text)]
    for vat_value, vat_raw, vat_line in amounts:
        if not exact_rate(vat_value, total.value):
            continue
        gross = round(total.value + vat_value, 2)
        for value, raw, line in amounts:
            if line.index > vat_line.index and abs(value - gross) <= CENT:
                net = replace(total, confidence=min(total.confidence, 0.7))
                return net, Found(vat_value, vat_raw, vat_line, 0.7), Found(value, raw, line, 0.7)
    return None


def lone_vat(lines: list[Line], vat: Found) -> tuple[Found | None, Found | None, Found | None]:
    """(subtotal, VAT, total) for a VAT read alone: when its label names a total ('סה"כ 7719 מע"מ',
    'סה"כ כולל מע"מ' garbled, over '16148.67') and an amount near it is that amount's VAT to the
    cent ('2346.39' on the row above, unlabelled), it is the total and the net is the rest; else
    `total_by_exact_rate` finds its total and net."""
    if _total_named((vat.value, vat.raw, vat.line), lines):
        total = replace(vat, confidence=min(vat.confidence, 0.7))
        parts = parts_by_exact_rate(lines, total)
        if parts is not None and parts[1].raw:  # the VAT printed, not derived
            return parts[0], parts[1], total
    total_found, subtotal = total_by_exact_rate(lines, vat) or (None, None)
    return subtotal, vat, total_found
