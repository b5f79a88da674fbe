"""The currency printed beside the total: when the page's marks leave the currency in doubt (marks
of several currencies: a '$' OCR made of an 8 or of a legal form's 'S.L.U.'), the one amount every
invoice prints with its currency decides."""

from __future__ import annotations

from . import labels
from .amounts import without_restatement
from .lines import Found
from .references import CONVERSION

SETTLED_CURRENCY = 0.9  # a currency read at this confidence or above (one currency marked) stays


def _total_text(total: Found) -> str:
    """The total's cell (or its line, without cells), its restatement in another currency left out."""
    cells = [cell.text for cell in total.line.cells if total.raw and total.raw in cell.text]
    return without_restatement(cells[0] if cells else total.line.text)


def currency_of_total(currency: Found | None, total: Found | None) -> Found | None:
    """The one currency marked beside the total, over a doubtful reading of the page's marks."""
    if total is None or currency is None or currency.confidence >= SETTLED_CURRENCY:
        return currency
    if CONVERSION.search(total.line.text):
        return currency  # a total taken from a conversion line ('לידיעה: 8,306.97 USD (שער 0.2677)')
    text = _total_text(total)
    marked = [(code, match) for code, pattern in labels.CURRENCIES if (match := pattern.search(text))]
    if len(marked) != 1 or marked[0][0] == currency.value:
        return currency
    code, match = marked[0]
    return Found(code, match.group(0), total.line, min(currency.confidence, 0.75))
