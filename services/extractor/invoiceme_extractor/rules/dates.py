"""Dates as printed on invoices: numeric (d/m/y, m/d/y, y-m-d, two-digit years) and written months."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    # English, German, French, Hebrew; three-letter prefixes are matched too.
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "sept": 9,
    "januar": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "marz": 3,  # OCR drops the umlaut
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    "ינואר": 1,
    "פברואר": 2,
    "מרץ": 3,
    "מרס": 3,
    "אפריל": 4,
    "מאי": 5,
    "יוני": 6,
    "יולי": 7,
    "אוגוסט": 8,
    "ספטמבר": 9,
    "אוקטובר": 10,
    "נובמבר": 11,
    "דצמבר": 12,
}
_MONTH_WORD = r"(?:ב|ל)?(?P<{name}>[A-Za-zäéûÄ\u05d0-\u05ea]{{3,10}})\.?"
_NUMERIC = re.compile(r"(?<![\d.:/-])(\d{1,2})\s?([./-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d])")
# Receipts print the date before the time; OCR there turns a separator into ". " ("25. 03-18 18:47"):
# mixed separators are trusted only where a time follows.
_BEFORE_TIME = re.compile(
    r"(?<![\d.:/-])(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{4}|\d{2})(?=\s+\d{1,2}:\d{2})"
)
_ISO = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})[-/.](\d{1,2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th|er)?[\s./-]+(?:de\s+)?"
    + _MONTH_WORD.format(name="month")
    + r"[\s,./-]+(?:de\s+)?(?P<year>\d{4}|\d{2})(?!\d)",
)
_MONTH_DAY_YEAR = re.compile(
    _MONTH_WORD.format(name="month") + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?!\d)"
)


@dataclass(frozen=True)
class FoundDate:
    value: date
    raw: str
    start: int
    ambiguous: bool  # day and month could be swapped


def _month_number(word: str) -> int | None:
    word = word.lower()
    if word in MONTHS:
        return MONTHS[word]
    if len(word) >= 3 and word.isascii():
        for name, number in MONTHS.items():
            if name.isascii() and name.startswith(word):
                return number
    return None


def _full_year(year: int) -> int:
    return year + 2000 if year < 100 else year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        found = date(_full_year(year), month, day)
    except ValueError:
        return None
    return found if 1990 <= found.year <= 2100 else None


def dates_in(line: str, month_first: bool = False) -> list[FoundDate]:
    """All dates in a line, in order. `month_first` settles 03/04/2025 (US style) when nothing else can."""
    found: list[FoundDate] = []
    for match in _ISO.finditer(line):
        value = _make(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if value:
            found.append(FoundDate(value, match.group(0), match.start(), False))
    numeric = [(m, m.group(1), m.group(3), m.group(4)) for m in _NUMERIC.finditer(line)]
    numeric += [(m, m.group(1), m.group(2), m.group(3)) for m in _BEFORE_TIME.finditer(line)]
    for match, first_text, second_text, year_text in numeric:
        first, second, year = int(first_text), int(second_text), int(year_text)
        ambiguous = first <= 12 and second <= 12 and first != second
        if first > 12 or (not month_first and second <= 12):
            value = _make(year, second, first)
        else:
            value = _make(year, first, second)
        if value:
            found.append(FoundDate(value, match.group(0), match.start(), ambiguous))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(line):
            month = _month_number(match.group("month"))
            value = _make(int(match.group("year")), month, int(match.group("day"))) if month else None
            if value:
                found.append(FoundDate(value, match.group(0), match.start(), False))
    unique: dict[int, FoundDate] = {}
    for item in sorted(found, key=lambda item: item.start):
        if not any(
            item.start < other.start + len(other.raw)
            for other in unique.values()
            if other.start <= item.start
        ):
            unique[item.start] = item
    return list(unique.values())


def prefers_month_first(lines: list[str], language: str, currency: str | None) -> bool:
    """US-style m/d/y only for English documents in dollars, unless a date on the page proves otherwise.
    Hebrew documents are always day-first (an OCR-garbled '10/15' must not flip them)."""
    if language == "he":
        return False
    for line in lines:
        for match in _NUMERIC.finditer(line):
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second:
                return False
            if second > 12 >= first:
                return True
    return language == "en" and currency == "USD"
