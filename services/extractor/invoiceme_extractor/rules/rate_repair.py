"""Subtotal, VAT and total rebuilt from one amount read right and a VAT rate, when the amounts as
read do not agree: the other two checked digit by digit against what the page's read holds.

On dev photos and scans the totals block is where OCR damages digits: a leading group lost at a
dark band's edge ('126484.60' read as 26484.60, '12,953.98' as 953.98), one digit read for another
('6,461.70' as 6,401.70), one digit doubled ('44385.57' as 443385.57). The arithmetic repairs of
repair.py undo one known damage at a time; here the decision runs the other way. Each read amount
in turn is taken as the net, the VAT or the total, at each standard rate (and any rate the page
prints); that fixes the other two to the cent (a VAT to within the rounding of its net), and each
is scored against the amounts read: the same amount 2, a tail of five or more of its digits (its
head lost) 2, one digit changed, dropped or added 1. A rate printed on the page counts 1.

A hypothesis is taken only with at least two of its three amounts matched and a score of 4 or
more; a total the page labels must be one of them (a pair that agrees while the printed total
says otherwise is a mismatch to review, not a repair). It is tried only when the amounts chosen
do not already agree, so a page whose read adds up costs nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .amount_candidates import Candidate, Candidates
from .amounts import adds_up, percents_in
from .cash_rounding import moved_by_a_coin
from .exact_rates import EXACT_RATES, HALF_CENT, exact_rate, included_exact_rate
from .lines import Found
from .repair import CONFUSED_DIGITS, may_be_misread

MIN_SCORE = 4
LONG_TAIL = 5  # digits (cents included) a tail must keep to say which amount it is the end of
MIN_VAT_RATE = 0.05  # a VAT anchor pins its net only to within a cent over the rate: 20 cents at 5 %
CONFIDENCE = 0.7
ROLES = ("subtotal", "vat_amount", "total")


@dataclass(frozen=True)
class Hypothesis:
    cents: tuple[int, int, int]  # net, VAT, total, in cents (sign apart)
    rate: float
    score: int
    matched: tuple[Candidate | None, Candidate | None, Candidate | None]


def _digits(cents: int) -> str:
    return str(abs(cents))


def one_dropped(longer: str, shorter: str) -> bool:
    """`shorter` is `longer` with one character removed."""
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def tail_of(want: str, got: str, least: int) -> bool:
    """`got` is the end of `want` with its head lost, `least` digits or more of it kept."""
    return len(want) > len(got) >= least and want.endswith(got)


def match_strength(implied: int, read: int) -> int:
    """How well a read amount (cents) matches the implied one: 2 for the same or a long tail of it
    (its head lost), 1 for one digit changed, dropped or added (five digits or more), else 0."""
    want, got = _digits(implied), _digits(read)
    if want == got:
        return 2
    if tail_of(want, got, LONG_TAIL):
        return 2
    if min(len(want), len(got)) < LONG_TAIL:
        return 0  # a short amount is one digit away from too many others
    if len(want) == len(got):
        return 1 if sum(a != b for a, b in zip(want, got, strict=True)) == 1 else 0
    if abs(len(want) - len(got)) == 1:
        longer, shorter = (want, got) if len(want) > len(got) else (got, want)
        return 1 if one_dropped(longer, shorter) else 0
    return 0


def _cents(value: float) -> int:
    return round(abs(value) * 100)


def _vats_of(net: int, rate: float) -> list[int]:
    """The VAT amounts (cents) that are `net` times `rate` to within the rounding of a cent."""
    exact = net * rate
    return [v for v in range(math.floor(exact - 0.51), math.ceil(exact + 0.51) + 1) if abs(v - exact) <= 0.51]


def _triples(anchor: int, role: int, rate: float) -> list[tuple[int, int, int]]:
    """Every (net, VAT, total) in cents that `anchor` (in role 0 net, 1 VAT, 2 total) fixes at `rate`."""
    if role == 0:
        return [(anchor, vat, anchor + vat) for vat in _vats_of(anchor, rate)]
    if role == 2:
        middle = round(anchor / (1 + rate))
        nets = range(middle - 1, middle + 2)
        return [(n, anchor - n, anchor) for n in nets if (anchor - n) in _vats_of(n, rate)]
    if rate < MIN_VAT_RATE:
        return []
    low, high = math.ceil((anchor - 0.51) / rate), math.floor((anchor + 0.51) / rate)
    return [(n, anchor, n + anchor) for n in range(low, high + 1) if anchor in _vats_of(n, rate)]


def _strength(implied: int, candidate: Candidate) -> int:
    """`match_strength`, where only an amount OCR read may differ from what was printed."""
    read = _cents(candidate[0])
    if implied == read:
        return 2  # match_strength's own answer for the same amount
    return match_strength(implied, read) if may_be_misread(candidate[2]) else 0


SHORT_TAIL = 3  # digits (cents included) a labelled total OCR cut short must keep to agree with one


def head_lost(implied: int, candidate: Candidate) -> bool:
    """A labelled total OCR read with its head lost ('לתשלום 06.94' for 2,506.94): too short to say
    which amount it is the end of, it does not say the implied total is wrong either."""
    want, got = _digits(implied), _digits(_cents(candidate[0]))
    return tail_of(want, got, SHORT_TAIL) and may_be_misread(candidate[2])


def _best(implied: int, pool: list[Candidate]) -> tuple[int, Candidate | None]:
    """The first of the strongest matches in `pool` (as max() picks it), or (0, None)."""
    best: tuple[int, Candidate | None] = (0, None)
    for candidate in pool:
        strength = _strength(implied, candidate)
        if strength > best[0]:
            best = (strength, candidate)
            if strength == 2:
                break  # none matches more strongly: the rest of the pool cannot change the answer
    return best


# a rate whose '%' OCR read as a 9 ('מע"מ 179' for 17 %): two digits and a 9, alone on the VAT's line
_PERCENT_AS_NINE = re.compile(r"(?<![\d.,])(\d{1,2})9(?![\d.,%])")


def _rates(pool: list[Candidate], vats: list[Candidate]) -> tuple[list[float], set[float]]:
    printed = {rate for c in pool for rate in percents_in(c[2].text) if 0 < rate <= 0.3}
    printed |= {
        rate
        for c in vats
        if not percents_in(c[2].text)
        for match in _PERCENT_AS_NINE.finditer(c[2].text)
        if (rate := int(match.group(1)) / 100) in EXACT_RATES
    }
    return sorted(printed | set(EXACT_RATES)), printed


def hypotheses(found: Candidates) -> list[Hypothesis]:
    """Every (net, VAT, total) one read amount fixes at a rate, scored against the amounts read."""
    pool = [c for kind in found.values() for c in kind if c[0]]
    # a total under a strong label ('Grand Total', 'Total Rounded') where there is one: a plain one
    # may be an item's row ('2 ChicMcMuffin 11.00' under 'QTY ITEM TOTAL')
    labelled_totals = found.get("total_strong") or found.get("total_plain", [])
    rates, printed = _rates(pool, found.get("vat", []))
    found_hypotheses = []
    for anchor in pool:
        others = [c for c in pool if not (c[2] is anchor[2] and c[0] == anchor[0])]  # the anchor's copies
        for role in range(3):
            if role == 1 and anchor not in found.get("vat", []):
                continue  # a VAT pins its net only loosely: only an amount labelled VAT is one
            for rate in rates:
                for triple in _triples(_cents(anchor[0]), role, rate):
                    found_hypotheses += _scored(triple, role, anchor, rate, others, labelled_totals, printed)
    return found_hypotheses


def _scored(
    triple: tuple[int, int, int],
    role: int,
    anchor: Candidate,
    rate: float,
    others: list[Candidate],
    labelled_totals: list[Candidate],
    printed: set[float],
) -> list[Hypothesis]:
    """The triple's hypothesis when enough of it matches `others` (the pool but the anchor's copies)."""
    matched: list[Candidate | None] = [None, None, None]
    matched[role] = anchor
    score = 2 + (1 if any(abs(rate - p) < 1e-9 for p in printed) else 0)
    for other in range(3):
        if other == role:
            continue
        strength, candidate = _best(triple[other], others)
        score += strength
        matched[other] = candidate
    if sum(m is not None for m in matched) < 2 or score < MIN_SCORE:
        return []
    if labelled_totals and not any(matched[2] is c for c in labelled_totals):
        if not any(_strength(triple[2], c) or head_lost(triple[2], c) for c in labelled_totals):
            return []
    return [Hypothesis(triple, rate, score, (matched[0], matched[1], matched[2]))]


def agrees(result: dict[str, Found | None], found: Candidates | None = None) -> bool:
    """The chosen amounts already agree: two of them through a standard rate to the cent (a total
    cash-rounded after them aside), all three as read adding up (or, with `found`, net and VAT adding
    up to a printed total that the chosen one cash-rounds), or a VAT of 0 printed."""
    net_found, vat_found, total_found = (result[name] for name in ROLES)
    if vat_found is not None and vat_found.value == 0 and vat_found.raw:
        return True  # a VAT of 0 printed (one derived from a net equal to the total may be a lost sign)
    net = net_found.value if net_found else None
    vat = vat_found.value if vat_found else None
    total = total_found.value if total_found else None
    if net is not None and vat is not None and exact_rate(vat, net):
        return True
    if _at_printed_rate(net_found, vat_found):
        return True
    if total is not None and vat is not None and exact_rate(vat, round(total - vat, 2)):
        return True
    # ... or the VAT a till computes from the gross ('Includes tax 60.00' in 359.97 at 20 %: 59.995)
    if total is not None and vat is not None and included_exact_rate(vat, round(total - vat, 2)):
        return True
    if total is not None and net is not None and exact_rate(round(total - net, 2), net):
        return True
    if net_found is None or vat_found is None or total_found is None:
        return False
    read = bool(net_found.raw and vat_found.raw and total_found.raw)
    exact = net_found.value + vat_found.value
    if read and found is not None and _cash_rounded_sum(exact, total_found.value, found):
        return True
    return read and adds_up(net_found.value, vat_found.value, total_found.value)


def _cash_rounded_sum(exact: float, total: float, found: Candidates) -> bool:
    """Net + VAT printed as a total ('Total Sales Incl. GST -237.26') and the chosen total that sum
    cash-rounded to 5 or 10 cents ('Grand Total -237.30'): a local rate no list holds (8.75 %)
    must not send the net to a standard rate one digit away (-318.17 at 6 %)."""
    exact = round(exact, 2)
    if _cents(total) % 5 or not moved_by_a_coin(total, exact):
        return False
    totals = found.get("total_strong", []) + found.get("total_plain", [])
    return any(abs(value - exact) <= HALF_CENT for value, _, _ in totals)


def _at_printed_rate(net: Found | None, vat: Found | None) -> bool:
    """Net and VAT both read, the VAT the net times the rate printed on the VAT's row to the cent
    ('GST 8.75% 23.88' over a net of 272.94): a local rate no list holds agrees as well as a standard
    one (the total may be cash-rounded after them: 'Rounding Adj. (0.02)')."""
    if net is None or vat is None or not net.raw or not vat.raw or not net.value:
        return False
    rates = [rate for rate in percents_in(vat.line.text) if 0 < rate <= 0.3]
    return any(abs(net.value * rate - vat.value) <= HALF_CENT for rate in rates)


def _found(cents: int, sign: float, candidate: Candidate | None, anchor: Candidate) -> Found:
    value = round(sign * cents / 100, 2)
    if candidate is None:
        return Found(value, "", anchor[2], CONFIDENCE - 0.1)
    raw = candidate[1] if _cents(candidate[0]) == cents else f"{candidate[1]} (repaired)"
    return Found(value, re.sub(r"\s+", " ", raw), candidate[2], CONFIDENCE)


def repaired_by_rate(result: dict[str, Found | None], found: Candidates) -> dict[str, Found | None]:
    """The result, or the best-scored rebuilt triple when the result's amounts do not agree (none
    when two different triples score best alike)."""
    if agrees(result, found):
        return result
    scored = hypotheses(found)
    best = max(scored, key=lambda h: h.score, default=None)
    if best is not None and any(h.score == best.score and h.cents != best.cents for h in scored):
        best = by_known_confusions([h for h in scored if h.score == best.score])
    if best is None:
        return result
    anchor = next(m for m in best.matched if m is not None)
    # a credit note: OCR loses a minus far more often than it makes one, so one minus read decides
    sign = -1.0 if any(m is not None and m[0] < 0 for m in best.matched) else 1.0
    rebuilt = {name: _found(best.cents[i], sign, best.matched[i], anchor) for i, name in enumerate(ROLES)}
    if _paid_after_rounding(result["total"], rebuilt["total"], found):
        del rebuilt["total"]  # 'Amount Due -360.20' under 'TOTAL INCL GST -360.16': what is paid stays
    return {**result, **rebuilt}


def _paid_after_rounding(read: Found | None, rebuilt: Found | None, found: Candidates) -> bool:
    """The total as read is the rebuilt one cash-rounded onto a coin, and the rebuilt one is printed as
    a total too (a till's amount due under its exact total and rounding line): not a misread of it."""
    if read is None or rebuilt is None or not read.raw or (read.value < 0) != (rebuilt.value < 0):
        return False
    return _cash_rounded_sum(rebuilt.value, read.value, found)


def by_known_confusions(tied: list[Hypothesis]) -> Hypothesis | None:
    """Of hypotheses scored alike, the one whose every digit read for another is a confusion OCR
    makes (repair.CONFUSED_DIGITS: '322.60' for 322.66, a 6 read as 0), when only one is: '2,220.66'
    for 2,220.26 would need a 2 read as 6, which OCR does not do. Not when one amount is read exactly
    in every one of them: they differ only by the cent its VAT's rounding leaves open, no misread."""
    exact_in_all = set.intersection(
        *({id(m) for i, m in enumerate(h.matched) if _exact(h.cents[i], m)} for h in tied)
    )
    if exact_in_all:
        return None
    plausible = {h.cents: h for h in tied if all(_confusable(h.cents[i], m) for i, m in enumerate(h.matched))}
    return next(iter(plausible.values())) if len(plausible) == 1 else None


def _confusable(implied: int, read: Candidate | None) -> bool:
    """The read amount is the implied one, or it with digits OCR confuses read for the printed ones."""
    if read is None:
        return True
    want, got = _digits(implied), _digits(_cents(read[0]))
    if len(want) != len(got):
        return False
    return all(a == b or a in CONFUSED_DIGITS.get(b, "") for a, b in zip(want, got, strict=True))


def _exact(implied: int, read: Candidate | None) -> bool:
    return read is not None and _cents(read[0]) == implied
