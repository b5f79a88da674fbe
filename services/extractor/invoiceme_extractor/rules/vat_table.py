"""A VAT summary table per rate ("19 % | 1,000.00 | 190.00 | 1,190.00" and "7 % | 200.00 | 14.00 |
214.00"): with two or more rates no single line holds the invoice's net or VAT, and the columns'
labels (Net, VAT, Gross) sit over every row, so the labelled-amount reading takes one rate's row
for the whole. Each row proves itself by arithmetic (net x rate = VAT to the cent, net + VAT =
gross); the rows' sums are the invoice's amounts when the page prints the gross sum again."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .amounts import CENT, adds_up, money_in, percent_match, row_money
from .lines import Found, Line

_NEAR = 4  # rows of one table sit within a few lines of each other


@dataclass(frozen=True)
class RateRow:
    rate: float
    net: float
    vat: float
    gross: float | None
    line: Line


def _agree(rate: float, net: float, vat: float) -> bool:
    return abs(round(net * rate, 2) - vat) <= CENT and (net != 0 or vat == 0)


def _amounts_after_rate(line: Line) -> list[float]:
    """Money in the row from the rate's cell on (the rate left out); without cells, in the whole
    line (a right-to-left line in visual order prints the rate last)."""
    if not line.cells:
        return [value for value, _ in money_in(line.text)]
    texts = [cell.text for cell in line.cells]
    at = next(index for index, text in enumerate(texts) if percent_match(text))
    rate = percent_match(texts[at])
    after = [texts[at][rate.end() :] if rate else "", *texts[at + 1 :]]
    return [value for text in after for value, _ in money_in(text)]


def rate_row(line: Line) -> RateRow | None:
    """The row's rate and the amounts after it that agree with it: net and VAT, maybe gross (also
    read backwards: a right-to-left row without cells may come in either order)."""
    match = percent_match(line.text)
    if match is None or (line.cells and not any(percent_match(cell.text) for cell in line.cells)):
        return None
    rate = round(float(match.group(1).replace(",", ".")) / 100, 4)
    amounts = _amounts_after_rate(line)
    for ordered in (amounts, amounts[::-1]):
        for index in range(len(ordered) - 1):
            net, vat = ordered[index], ordered[index + 1]
            if not _agree(rate, net, vat):
                continue
            gross = ordered[index + 2] if index + 2 < len(ordered) else None
            if gross is not None and not adds_up(net, vat, gross):
                gross = None
            return RateRow(rate, net, vat, gross, line)
    return _zero_rate_row(rate, amounts, line)


def _zero_rate_row(rate: float, amounts: list[float], line: Line) -> RateRow | None:
    """A 0 % row whose VAT OCR could not read ('0% | 44,151.80 | .0.00 | 44,151.80'): at no rate the
    gross is the net again, so a net printed twice side by side is the row, with no VAT."""
    if rate != 0:
        return None
    twice = [net for net, gross in pairwise(amounts) if net and net == gross]
    return RateRow(rate, twice[0], 0.0, twice[0], line) if twice else None


@dataclass(frozen=True)
class RateSummary:
    net: float
    vat: float
    gross: float
    rows: tuple[RateRow, ...]


def vat_summary(lines: list[Line]) -> RateSummary | None:
    """The sums of a table of two or more rate rows (distinct rates, a few lines apart), when the
    gross sum is printed elsewhere on the page (a sum row or the total due): one confirmation that
    the rows are the whole invoice, not a part of it."""
    rows: list[RateRow] = []
    for line in lines:
        row = rate_row(line)
        if row is None:
            continue
        if rows and (line.index - rows[-1].line.index > _NEAR or line.page != rows[-1].line.page):
            if len(rows) >= 2:
                break
            rows = []
        rows.append(row)
    if len({row.rate for row in rows if row.net}) < 2:
        return None  # one rate (a 0 % row with nothing in it is no second rate): the labels decide
    net = round(sum(row.net for row in rows), 2)
    vat = round(sum(row.vat for row in rows), 2)
    gross = round(net + vat, 2)
    table = {row.line.index for row in rows}
    printed = any(
        abs(abs(value) - abs(gross)) <= CENT
        for line in lines
        if line.index not in table
        for value, _ in row_money(line)
    )
    return RateSummary(net, vat, gross, tuple(rows)) if printed else None


def parts_by_rate_row(lines: list[Line], total: Found) -> tuple[Found, Found, Found] | None:
    """(subtotal, VAT, total) for a total read alone, from a row that proves itself by its rate ('18% |
    399.16 | 71.85', a till slip's VAT breakdown): its net and VAT when they add up to the total; and
    the total derived from them when the one read is smaller than the net, which no total is (OCR
    kept only its last digits: '2.01' for 471.01)."""
    for line in lines:
        row = rate_row(line) if line.page == total.line.page else None
        if row is None or row.net <= 0 or row.vat <= 0:
            continue
        net, vat = Found(row.net, "", line, 0.8), Found(row.vat, "", line, 0.8)
        if adds_up(row.net, row.vat, total.value):
            return net, vat, total
        if 0 < total.value < row.net:
            return net, vat, Found(round(row.net + row.vat, 2), "", line, 0.7)
    return None
