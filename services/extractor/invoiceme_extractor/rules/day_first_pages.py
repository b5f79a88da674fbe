"""Which order a page writes its dates in: day first, unless an English page in dollars says month first.

Pages from countries that write the day first may still show a dollar sign: a receipt's '5' or 'S' is
often read '$' ('Total : $9.09' on a Malaysian till receipt), which would
make its '04/12/2017' the 12th of April. A goods and services tax (GST, or Malaysia's SST since
2018) is never a US tax: the countries that print one (Malaysia, Singapore, India, Australia, New
Zealand) write the day first, and so do those whose company forms a page names (Sdn Bhd, Pte Ltd,
Pty Ltd, Pvt Ltd).
"""

from __future__ import annotations

import re

from .dates import NUMERIC

_DAY_FIRST_SIGN = re.compile(
    r"\b(?:GST|SST)\b|\b(?:SDN\.?\s*BHD|PTE\.?\s*LTD|PTY\.?\s*LTD|PVT\.?\s*LTD)\b", re.I
)


def names_day_first_country(lines: list[str]) -> bool:
    """Whether a line names a goods and services tax or a company form of a day-first country."""
    return any(_DAY_FIRST_SIGN.search(line) for line in lines)


def prefers_month_first(lines: list[str], language: str, currency: str | None) -> bool:
    """US-style m/d/y only for English documents in dollars, unless a date on the page proves otherwise
    or the page names a day-first country's tax or company form. Hebrew documents
    are always day-first (an OCR-garbled '10/15' must not flip them)."""
    if language == "he":
        return False
    for line in lines:
        for match in NUMERIC.finditer(line):
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second:
                return False
            if second > 12 >= first and match.group(2) != ".":
                return True  # a dotted one proves nothing: no page writes m.d.y, and '2.13.12' is a price
    return language == "en" and currency == "USD" and not names_day_first_country(lines)
