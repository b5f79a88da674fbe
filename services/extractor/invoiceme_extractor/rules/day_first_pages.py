"""Pages from countries that write the day first although OCR (or the page) shows a dollar sign.

A receipt's '5' or 'S' is often read '$' ('Total : $9.09' on a Malaysian till receipt), which would
make its '04/12/2017' the 12th of April. A goods and services tax (GST, or Malaysia's SST since
2018) is never a US tax: the countries that print one (Malaysia, Singapore, India, Australia, New
Zealand) write the day first, and so do those whose company forms a page names (Sdn Bhd, Pte Ltd,
Pty Ltd, Pvt Ltd).
"""

from __future__ import annotations

import re

_DAY_FIRST_SIGN = re.compile(
    r"\b(?:GST|SST)\b|\b(?:SDN\.?\s*BHD|PTE\.?\s*LTD|PTY\.?\s*LTD|PVT\.?\s*LTD)\b", re.I
)


def names_day_first_country(lines: list[str]) -> bool:
    """Whether a line names a goods and services tax or a company form of a day-first country."""
    return any(_DAY_FIRST_SIGN.search(line) for line in lines)
