"""The currency printed beside the total: when the page's marks leave the currency in doubt (marks
of several currencies: a '$' OCR made of an 8 or of a legal form's 'S.L.U.'), the one amount every
invoice prints with its currency decides."""

from __future__ import annotations

import re

from . import labels
from .amounts import CENT, money_in, same_or_head_lost, without_restatement
from .lines import Found, Line
from .references import CONVERSION

SETTLED_CURRENCY = 0.9  # a currency read at this confidence or above (one currency marked) stays


def _total_text(total: Found) -> str:
    """The total's cell (or its line, without cells), its restatement in another currency left out."""
    cells = [cell.text for cell in total.line.cells if total.raw and total.raw in cell.text]
    return without_restatement(cells[0] if cells else total.line.text)


def _marks(text: str) -> list[tuple[str, re.Match[str]]]:
    return [(code, match) for code, pattern in labels.CURRENCIES if (match := pattern.search(text))]


_SIGN_GLUED = re.compile(r"[$€£₪](?=(0\d*[.,]\d{2})(?![\d.,]))")


def _without_sign_for_head(text: str, total: float) -> str:
    """The text without a sign glued to the total's tail ('$06.82' for 806.82): OCR read the total's
    first digit as that sign, which marks no currency."""

    def unmarked(match: re.Match[str]) -> str:
        tail = match.group(1)
        value = float(tail.replace(",", "."))
        return " " if same_or_head_lost(value, tail, total) and abs(value - total) > CENT else match.group(0)

    return _SIGN_GLUED.sub(unmarked, text)


def _due_line_marks(total: Found, lines: list[Line]) -> tuple[list[tuple[str, re.Match[str]]], Line]:
    """A total read off a sum row with no mark ('סה"ב | 6,129.86 | 872.69 | 7,002.55'): the marks of
    the amount-due line under it that reads the same amount, or its tail ('סה"כ לתשלום 02.55 ש"ח')."""
    for line in lines[total.line.index + 1 : total.line.index + 3]:
        text = without_restatement(line.text)
        if line.page != total.line.page or not labels.TOTAL_STRONG.search(text):
            continue
        if any(same_or_head_lost(value, raw, total.value) for value, raw in money_in(text)):
            return _marks(text), line
    return [], total.line


def currency_of_total(
    currency: Found | None, total: Found | None, lines: list[Line] | None = None
) -> Found | None:
    """The one currency marked beside the total (or beside the amount due that restates it), over a
    doubtful reading of the page's marks."""
    if total is None or currency is None or currency.confidence >= SETTLED_CURRENCY:
        return currency
    if CONVERSION.search(total.line.text):
        return currency  # a total taken from a conversion line ('לידיעה: 8,306.97 USD (שער 0.2677)')
    marked, line = _marks(_without_sign_for_head(_total_text(total), total.value)), total.line
    if not marked and lines is not None and total.line.index < len(lines):
        marked, line = _due_line_marks(total, lines)
    if len(marked) != 1 or marked[0][0] == currency.value:
        return currency
    code, match = marked[0]
    return Found(code, match.group(0), line, min(currency.confidence, 0.75))
