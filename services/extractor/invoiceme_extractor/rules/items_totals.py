"""Subtotal and total from the line items, when OCR damaged the totals block but kept the VAT.

A photo often loses digits of the subtotal or the whole total line ('4 006,23' for '-17.006,23')
while the items and the VAT amount read well. If the VAT is, to the cent, a rate of the items' sum
(prices before VAT) or the share of that rate included in it (prices with VAT, 'dont TVA 20 %'), the
items are the subtotal (or the total) and the other amount follows: two independent readings agree
through the tax law's arithmetic. Tried only when the amounts as read do not add up. With no total,
net or VAT read at all, a printed amount that is the items' sum is the total (`total_from_items`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..contract import LineItem
from . import labels
from .amount_candidates import Candidate, classify
from .amounts import CENT, CENTS_AT_END, adds_up, money_in, parse_amount, percent_in, row_money
from .cash_rounding import moved_by_a_coin
from .exact_rates import exact_rate
from .lines import Found, Line
from .rate_repair import match_strength, one_dropped
from .rates import HIGH_RATES, STANDARD_RATES
from .repair import may_be_misread, misread_variants
from .sum_row import one_digit_apart
from .tables import is_header_row
from .unread_total import sum_beside_unread_total


def _adds_up(found: dict[str, Found | None]) -> bool:
    subtotal, vat, total = found.get("subtotal"), found.get("vat_amount"), found.get("total")
    if subtotal is None or vat is None or total is None:
        return False
    return adds_up(subtotal.value, vat.value, total.value)


def _vat_changed(found: dict[str, Found | None]) -> bool:
    """The VAT is not the amount it was read from ('12.22' taken as 2.22 to fit a total that is an
    item's price): amounts that add up only through such a change do not outweigh the items."""
    vat = found.get("vat_amount")
    read = money_in(vat.raw) if vat is not None and vat.raw else []
    return len(read) == 1 and vat is not None and abs(abs(read[0][0]) - abs(vat.value)) > CENT


def split_by_vat(items_sum: float, vat: float, rates: tuple[float, ...]) -> tuple[float, float, float] | None:
    """(subtotal, total, rate) when `vat` is a rate of `items_sum` (net prices) or the part of it a
    rate includes (gross prices), to the cent; None when no rate fits."""
    for rate in rates:
        if abs(vat - items_sum * rate) <= CENT:
            return items_sum, round(items_sum + vat, 2), rate
        if abs(vat - items_sum * rate / (1 + rate)) <= CENT:
            return round(items_sum - vat, 2), items_sum, rate
    return None


def unsigned_items_sum(items_amounts: list[float | None], least: int = 2) -> float | None:
    """The sum of `least` or more items' amounts, signs aside (the callers sign it as the total or the
    VAT is); None with fewer items, or with an item whose amount was not read."""
    if len(items_amounts) < least or any(amount is None for amount in items_amounts):
        return None
    return round(sum(abs(amount or 0.0) for amount in items_amounts), 2)


def printed_tax_rates(lines: Sequence[Line]) -> tuple[float, ...]:
    """The non-zero rates the page prints beside a tax word ('GST @6%', 'Total 6% supplies (excl.
    GST)'): where the VAT's own line prints none, the page's rate is still the one in force."""
    rates = {percent_in(line.text) for line in lines if labels.VAT.search(line.text)}
    return tuple(sorted(rate for rate in rates if rate and rate <= 0.3))


def amounts_from_items(
    found: dict[str, Found | None],
    items_amounts: list[float | None],
    vat_candidates: list[Candidate],
    lines: Sequence[Line] = (),
) -> None:
    """Replace a subtotal and total that do not add up by what the items and a VAT amount agree on,
    at the VAT line's printed rate, else at a rate the page prints, else at any rate in use."""
    total = found.get("total")
    if (_adds_up(found) and not _vat_changed(found)) or (total is not None and total.confidence >= 0.85):
        return
    # one item will do: its amount and the VAT read beside the total must still agree to the cent
    items_sum = unsigned_items_sum(items_amounts, least=1)
    if items_sum is None or not vat_candidates:
        return
    page_rates = printed_tax_rates(lines)  # here, not per document: most pages return above
    for vat_value, raw, line in vat_candidates:
        printed = percent_in(line.text)
        # any rate in use: 23 % too, as the split must hold to the cent
        rates = (printed,) if printed else page_rates or (*STANDARD_RATES[1:], *HIGH_RATES)
        split = split_by_vat(items_sum, abs(vat_value), rates)
        if split is None or not vat_value:
            continue
        sign = -1.0 if vat_value < 0 or (total is not None and total.value < 0) else 1.0
        subtotal, gross, rate = split
        found["subtotal"] = Found(sign * subtotal, "", line, 0.75)
        found["vat_amount"] = Found(sign * abs(vat_value), raw, line, 0.75)
        if not _rounded_for_cash(total, sign * gross):
            found["total"] = Found(sign * gross, "", line, 0.75)
        found["vat_rate"] = Found(rate, raw, line, 0.75)
        return


def _rounded_for_cash(total: Found | None, exact: float) -> bool:
    """The printed total is the items' exact sum moved onto the next coin (a till slip's cash
    rounding, its rounding line garbled): what is paid is the printed one."""
    return total is not None and bool(total.raw) and moved_by_a_coin(total.value, exact)


def net_from_items(found: dict[str, Found | None], items_amounts: list[float | None]) -> None:
    """A total read whose subtotal does not agree with it (one digit misread: '7,959.73' for
    7,559.73) and whose VAT was lost or derived: when the items' sum is, to the cent, the net the
    total holds at a standard rate, and the subtotal read (if any) is that sum with one digit
    changed, dropped or added, the sum is the subtotal and the VAT is the rest."""
    total, subtotal, vat = found.get("total"), found.get("subtotal"), found.get("vat_amount")
    if total is None or not total.raw or (vat is not None and vat.raw) or _adds_up_exactly(found):
        return
    items_sum = unsigned_items_sum(items_amounts)
    if items_sum is None:
        return
    rest = round(abs(total.value) - items_sum, 2)
    if not exact_rate(rest, items_sum):
        return
    if subtotal is not None and not match_strength(round(items_sum * 100), round(abs(subtotal.value) * 100)):
        return
    sign = -1.0 if total.value < 0 else 1.0
    line = subtotal.line if subtotal is not None else total.line
    found["subtotal"] = Found(sign * items_sum, "", line, 0.7)
    found["vat_amount"] = Found(sign * rest, "", total.line, 0.65)
    found["vat_rate"] = Found(exact_rate(rest, items_sum) or 0.0, "", total.line, 0.65)


def _adds_up_exactly(found: dict[str, Found | None]) -> bool:
    subtotal, vat = found.get("subtotal"), found.get("vat_amount")
    return (
        _adds_up(found)
        and subtotal is not None
        and vat is not None
        and bool(exact_rate(vat.value, subtotal.value))
    )


def total_from_items(
    found: dict[str, Found | None], items_amounts: list[float | None], lines: list[Line]
) -> None:
    """No total found (its label is a word no lexicon knows, or OCR lost it): an amount printed on the
    page that is, to the cent, the sum of the line items is the total (of one item: printed again
    below it); two independent readings agree. Only where no net or VAT was read either: with them,
    `_fill_missing` derives it."""
    if (
        found.get("total") is not None
        or found.get("subtotal") is not None
        or found.get("vat_amount") is not None
    ):
        return
    if not items_amounts or any(amount is None for amount in items_amounts):
        return
    items_sum = round(sum(amount or 0.0 for amount in items_amounts), 2)
    printed = [
        (value, raw, line)
        for line in lines
        for value, raw in row_money(line)
        if abs(value - items_sum) <= CENT
    ]
    # one item: its own row prints the sum too, so the sum must be printed again
    if not items_sum or len(printed) < (2 if len(items_amounts) == 1 else 1):
        if len(items_amounts) >= 2:
            found["total"] = (
                _sum_cut_short(items_sum, lines)
                or _sum_after_letters(items_sum, lines)
                or _unprinted_sum(items_sum, items_amounts, lines)
                or sum_beside_unread_total(items_sum, lines)
            )
        return
    value, raw, line = printed[-1]  # the sum closes the table: the last one, past the notes
    found["total"] = Found(value, raw, line, 0.75)


UNPRINTED_SUM_CONFIDENCE = 0.45  # a guess: nothing printed confirms it


def _unprinted_sum(items_sum: float, items_amounts: list[float | None], lines: list[Line]) -> Found | None:
    """No total, net or VAT read anywhere (a photo lost the totals block): the items' sum is the
    best guess of the total, said with low confidence so the web app asks for it (a total's label
    whose amount OCR lost, 'סה"יכ לתשלום 64', says no more). Not where the page names a net or a
    VAT (the sum is then as likely the net), nor where it prints money on a row that is no item's
    (a total OCR garbled)."""
    if any(classify(line.text) in ("subtotal", "vat") and not is_header_row(line) for line in lines):
        return None  # ('Item | Qty | Line Total': a column header names no total)
    for line in lines:
        money = [value for value, _ in row_money(line)]
        if money and not any(abs(value - (item or 0.0)) <= CENT for value in money for item in items_amounts):
            return None
    last = lines[-1] if lines else None
    return (
        Found(items_sum, "", last, UNPRINTED_SUM_CONFIDENCE) if last is not None and items_sum > 0 else None
    )


def _sum_cut_short(items_sum: float, lines: list[Line]) -> Found | None:
    """The items' sum printed with its leading digits lost ('567.72' for ₪8,567.72: OCR dropped the
    sign and the first digit): the last printed amount whose digits, five or more with the cents,
    are the sum's last ones. The sum is the total, said with less confidence."""
    whole = f"{abs(items_sum):.2f}".replace(".", "")
    for line in reversed(lines):
        for _, raw in reversed(row_money(line)):
            digits = re.sub(r"\D", "", raw)
            if CENTS_AT_END.search(raw) and 5 <= len(digits) < len(whole) and whole.endswith(digits):
                return Found(items_sum, f"{raw} (leading digits lost)", line, 0.6)
    return None


# an amount glued to the letters before it: 'RI18,211.64' (₪18,211.64, its sign read as letters)
_AFTER_LETTERS = re.compile(r"(?<=[^\W\d_])\d{1,3}(?:([,.])\d{3})*[.,]\d{2}(?![\d.,])")


def _sum_after_letters(items_sum: float, lines: list[Line]) -> Found | None:
    """The items' sum printed with its currency sign read as letters glued to it ('RI18,211.64'),
    under or beside a total's label (a net's label says it is the net, and it sums the items too):
    money_in skips an amount glued to a word, but the sum to the cent says what it is."""
    for line in reversed(lines):
        label = " ".join(other.text for other in lines[max(line.index - 1, 0) : line.index + 1])
        if labels.SUBTOTAL.search(label) or not (
            labels.TOTAL_STRONG.search(label) or labels.TOTAL_PLAIN.search(label)
        ):
            continue
        for match in reversed(list(_AFTER_LETTERS.finditer(line.text))):
            if parse_amount(match.group(0)) == items_sum:
                return Found(items_sum, match.group(0), line, 0.7)
    return None


def without_total_row(items: list[LineItem]) -> list[LineItem]:
    """The items without a last row that only sums the rows above it ('<a word we do not know>
    89,128.57' under two items of 69,129.12 and 19,999.45): no quantity or unit price of its own and,
    to the cent, the sum of two or more items above (of one, only when that one has a quantity or
    price, so two equal bare rows stay two items)."""
    if len(items) < 2:
        return items
    *above, last = items
    if last.amount is None or last.quantity is not None or last.unit_price is not None:
        return items
    if any(item.amount is None for item in above):
        return items
    if len(above) == 1 and above[0].quantity is None and above[0].unit_price is None:
        return items
    if abs(sum(item.amount or 0.0 for item in above) - last.amount) > CENT:
        return items
    return above


def total_sign_by_items(found: dict[str, Found | None], items_amounts: list[float | None]) -> Found | None:
    """The total as read with its currency sign read as a digit ('16,675.00' for ₪6,675.00), where
    the line items add up to what it reads without it and no net or VAT was read: two readings
    agree on the repaired one (as a payment does in `receipt_totals`)."""
    total = found.get("total")
    if total is None or not total.raw or found.get("subtotal") or found.get("vat_amount"):
        return total
    if not items_amounts or any(amount is None for amount in items_amounts) or not may_be_misread(total.line):
        return total
    items_sum = round(sum(amount or 0.0 for amount in items_amounts), 2)
    if abs(total.value - items_sum) <= CENT:
        return total
    for variant in misread_variants(total.value, total.raw):
        if abs(variant) < abs(total.value) and abs(variant - items_sum) <= CENT:
            return Found(variant, f"{total.raw} (misread)", total.line, 0.7)
    return total


_ZERO_BEFORE_GROUP = re.compile(r"-?0[,.']\d{3}")


def total_with_digit_lost(found: dict[str, Found | None], items: list[LineItem]) -> Found | None:
    """The total read with one digit lost ('135.90' for 1,435.90) and no net or VAT read, where the
    items' sum is it with that digit and every item proves its amount by quantity x unit price: the
    sum, said as a guess."""
    total = found.get("total")
    if total is None or not total.raw or found.get("subtotal") or found.get("vat_amount") or not items:
        return total
    if any(item.amount is None for item in items) or not may_be_misread(total.line):
        return total
    items_sum = round(sum(item.amount or 0.0 for item in items), 2)
    read, whole = f"{abs(total.value):.2f}".replace(".", ""), f"{abs(items_sum):.2f}".replace(".", "")
    # ... or its head read as a 0 ('0,800.32' for 30,800.32: no amount is printed so), one digit of it
    # lost or misread
    printed = re.sub(r"\D", "", total.raw)
    head_damaged = bool(_ZERO_BEFORE_GROUP.match(total.raw.strip())) and (
        one_dropped(whole, printed) or one_digit_apart(total.raw, items_sum)
    )
    if not one_dropped(whole, read) and not head_damaged:
        return total
    if not all(
        item.quantity is not None
        and item.unit_price is not None
        and abs(item.quantity * item.unit_price - (item.amount or 0.0)) <= CENT
        for item in items
    ):
        return total
    return Found(items_sum, f"{total.raw} (a digit lost)", total.line, 0.6)
