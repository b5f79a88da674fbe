"""Dates whose separators OCR lost: both read as digits ('27103124' for 27/03/24), or one dropped
('272.2025' for 27.2.2025, '0407/2025' for 04/07/2025). A number can look the same (an id of eight
digits, a reference 'NNNN/YYYY'), so these are read only as a fallback, on a page where no date reads
otherwise, and as repairs."""

from __future__ import annotations

import re

from .dates import FoundDate, make_date

# '27103124': 27/03/24 with both slashes read as 1s (or 7s), a run no other date pattern reads
_SLASHES_AS_DIGITS = re.compile(r"(?<![\d.,:/-])(\d{2})([17])(\d{2})\2(\d{2}|(?:19|20)\d{2})(?![\d.,:/-])")


def dates_with_lost_slashes(line: str) -> list[FoundDate]:
    """Dates whose two slashes OCR read as the same digit ('1' or '7'), as repairs. Only a fallback
    for a page where no date reads otherwise: an id of eight digits can look the same."""
    found = []
    for match in _SLASHES_AS_DIGITS.finditer(line):
        value = make_date(int(match.group(4)), int(match.group(3)), int(match.group(1)))
        if value:
            found.append(FoundDate(value, match.group(0), match.start(), False, repaired=True))
    return found


# '272.2025', '0407/2025', '62.2025': day and month run together before the one separator left and a
# year of this era ('1400/28' has no year's four digits)
_ONE_SEPARATOR_LOST = re.compile(r"(?<![\d.,:/-])(\d{2,4})([./-])((?:19|20)\d{2})(?![\d.,:/-])")
MONTHS = 12  # two digits up to 12 before a year are its month ('12.2025', a service month), not d.m


def dates_with_a_separator_lost(line: str, month_first: bool) -> list[FoundDate]:
    """Dates whose day and month ran together, where only one split of the digits makes a date in
    the page's order ('272' is 27.2: 2.72 is none; '0407' is 04.07; '62' is 6.2); as repairs."""
    found = []
    for match in _ONE_SEPARATOR_LOST.finditer(line):
        digits, year = match.group(1), int(match.group(3))
        if len(digits) == 2 and int(digits) <= MONTHS:
            continue
        splits = [
            (digits[:cut], digits[cut:])
            for cut in range(1, len(digits))
            if len(digits) - cut <= 2 and cut <= 2
        ]
        readings = set()
        for first, second in splits:
            day, month = (second, first) if month_first and match.group(2) != "." else (first, second)
            value = make_date(year, int(month), int(day))
            if value is not None:
                readings.add(value)
        if len(readings) == 1:
            found.append(FoundDate(readings.pop(), match.group(0), match.start(), False, repaired=True))
    return found
