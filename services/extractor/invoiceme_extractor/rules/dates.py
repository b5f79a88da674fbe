"""Dates as printed on invoices: numeric (d/m/y, m/d/y, y-m-d, two-digit years) and written months."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from .month_lookalikes import with_month_j_restored
from .month_names import MONTHS, accent_lost, merged_letters_undone, misread_initial, one_edit_apart
from .repair import CONFUSED_DIGITS
from .till_codes import with_year_before_codes

_MONTH_WORD = r"(?:ב|ל)?(?P<{name}>[^\W\d_]{{3,10}})\.?"
# not inside a longer number or a time, but right after a label's colon ('DATE:25/03/2018') or a
# stray dot OCR stuck to the date ('.02.03.2024', a speck or the label's own dot read as one), also
# right after the colon ('Date:.23/10/2024'), or a colon set apart from its label ('Date :28/04/18')
_START = r"(?:(?<![\d.:/-])|(?<=[^\W\d_]:)|(?<=[^\W\d_] :)|(?<=(?<![\d.:/-])\.)|(?<=[^\W\d_]:\.))"
NUMERIC = re.compile(_START + r"(\d{1,2})\s?([./-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d])")
# OCR lost both separators ('25 03 2018'): only with a four-digit year of this era, said as a repair
_SPACED = re.compile(_START + r"(\d{1,2}) {1,2}(\d{1,2}) {1,2}((?:19|20)\d{2})(?![\d.,])")
# OCR damaged a separator: a mark beside it ('05-=31-—2025') or a dot read as a colon ('27.9:2025');
# one separator at least still a true one and a four-digit year of this era, said as a repair
_DAMAGED_SEPARATORS = re.compile(
    _START + r"(\d{1,2})([./-][=—–~]?|:)(\d{1,2})([./-][=—–~]?|:)((?:19|20)\d{2})(?![\d.,])"
)
# Receipts print the date before the time; OCR there turns a separator into ". " ("25. 03-18 18:47")
# or doubles it ("27- -04- 18 16:40"): mixed or doubled separators are trusted only where a time follows.
_BEFORE_TIME_SEPARATOR = r"\s?(?:-\s?-|\.\s?\.|/\s?/|[./-])\s?"
_BEFORE_TIME = re.compile(
    rf"{_START}(\d{{1,2}}){_BEFORE_TIME_SEPARATOR}(\d{{1,2}}){_BEFORE_TIME_SEPARATOR}"
    r"(\d{4}|\d{2})(?=\s+\d{1,2}:\d{2})"
)
_DOUBLED_SEPARATOR = re.compile(r"-\s?-|\.\s?\.|/\s?/")
_ISO = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})[-/.](\d{1,2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    # '25MAR2018': OCR lost the spaces; '252 Januar': the day's period read as a digit
    # '8, April 2025': the day's period read as a comma
    # '11dediciembre de 2024': the spaces around 'de' lost
    # '1º de marzo': an ordinal indicator (or a speck read as a degree sign: '21° בנובמבר 2025')
    # ... never a time's minutes ('18:37 May 28 2025' is May 28)
    # '3rd of August 2014': British prose
    r"(?<!\d)(?<!\d:)(?P<day>\d{1,2})(?P<stray>\d)?(?:st|nd|rd|th|er|[º°])?[\s,./-]*(?:de\s*|of\s+)?"
    + _MONTH_WORD.format(name="month")
    # "08 Mar '2025": OCR made a speck before the year an apostrophe (as in "Mar '25")
    + r"[\s,./-]*(?:de\s+)?'?(?P<year>\d{4}|\d{2})(?!\d)",
)
# the comma after the day set apart ('August 3 , 2014', as typeset text layers space it) or glued to
# the year ('Aug 3,2014'); or hyphens or slashes between the parts ('AUG-03-2014', as databases print)
_MONTH_DAY_YEAR = re.compile(
    _MONTH_WORD.format(name="month")
    + r"(?:\s+|\s?(?P<sep>[-/])\s?)(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    + r"(?:\s?,\s*|\s+|\s?(?(sep)(?P=sep)|[-/])\s?)(?P<year>\d{4})(?!\d)"
)
# '2014-Aug-03': the ISO order with the month's name
_YEAR_MONTH_DAY = re.compile(
    r"(?<![\d.,:/-])(?P<year>(?:19|20)\d{2})([-/.])"
    + _MONTH_WORD.format(name="month")
    + r"\2(?P<day>\d{1,2})(?![\d.,:/-])"
)

# A right-to-left line whose date came out in the opposite order: its words ('2024 באוקטובר 31' for
# 31 באוקטובר 2024), or its day split off at a separator OCR lost ('09.2025 12' for 12.09.2025)
_REVERSED_WORDS = re.compile(
    r"(?<![\d.,:/-])(?P<year>(?:19|20)\d{2})\s+"
    + _MONTH_WORD.format(name="month")
    + r"\s+(?P<day>\d{1,2})(?![\d.,:/-])"
)
_REVERSED_SPLIT = re.compile(
    r"(?<![\d.,:/-])(?P<month>\d{1,2})[./-](?P<year>(?:19|20)\d{2}) (?P<day>\d{1,2})(?![\d.,:/-])"
)


@dataclass(frozen=True)
class FoundDate:
    value: date
    raw: str
    start: int
    ambiguous: bool  # day and month could be swapped
    repaired: bool = False  # a digit OCR confused was undone to make it a date: a guess


def _month_number(word: str) -> int | None:
    word = word.lower()
    if word in MONTHS:
        return MONTHS[word]
    if len(word) >= 3 and not HEBREW.search(word):  # abbreviations: 'Sep', 'févr', 'Mär', 'dic'
        for name, number in MONTHS.items():
            if not HEBREW.search(name) and name.startswith(word):
                return number
    return None


def _misread_month(word: str) -> int | None:
    """A month name with one letter OCR changed ('Marx' for 'März'/'Mars'), when every name that
    close is the same month; or two letters read as one (`month_names.merged_letters_undone`)."""
    word = word.lower()
    if (merged := merged_letters_undone(word, MONTHS)) is not None:
        return merged
    shortest = 3 if HEBREW.search(word) else 4  # 'חרץ' for מרץ: Hebrew has three-letter months
    if len(word) == 3 and shortest == 4:
        return misread_initial(word, MONTHS) or accent_lost(word, MONTHS)
    if len(word) < shortest:
        return None
    close = {
        number for name, number in MONTHS.items() if len(name) >= shortest and one_edit_apart(word, name)
    }
    return close.pop() if len(close) == 1 else None


HEBREW = re.compile(r"[\u05d0-\u05ea]")
# A date-shaped token (three groups, two separators) where OCR read some digits as letters:
# 'O' for 0, 'l'/'I'/'i'/'|' for 1, 'S' for 5, 'B' for 8, 'Z' for 2 ('2O/O3/2Ol8', 'Oi-11-17').
_DATE_SHAPED = re.compile(r"(?<!\w)[\dOoIilSBZ]{1,4}(?:\s?[./-]\s?[\dOoIilSBZ]{1,4}){2}(?!\w)")
_LETTER_AS_DIGIT = str.maketrans("OoIilSBZQ", "001115820")


def _letters_as_digits(line: str) -> str:
    """The line with digit-like letters read as digits inside date-shaped tokens that are mostly
    digits already (same length, so positions still point into the printed line)."""

    def digits(match: re.Match[str]) -> str:
        token = match.group(0)
        return token.translate(_LETTER_AS_DIGIT) if sum(ch.isdigit() for ch in token) >= 4 else token

    return _DATE_SHAPED.sub(digits, line)


def _only_fix(text: str, valid: Callable[[int], bool]) -> str | None:
    """The printed number, or the one reading with a single OCR-confused digit undone that is valid
    ('16' as a month -> '10'); None when there is none or more than one."""
    if valid(int(text)):
        return text
    fixes = {
        text[:i] + other + text[i + 1 :]
        for i, char in enumerate(text)
        for other in CONFUSED_DIGITS.get(char, "")
    }
    valid_fixes = [fix for fix in fixes if valid(int(fix))]
    return valid_fixes[0] if len(valid_fixes) == 1 else None


def _repaired_day(day: str, month: int, year: int) -> date | None:
    """The date with its day's one OCR-confused digit undone, when one reading only is a day of the month."""
    fixed = _only_fix(day, lambda value: make_date(year, month, value) is not None)
    return make_date(year, month, int(fixed)) if fixed else None


def _repaired_numeric(day: str, month: str, year: str) -> date | None:
    """'24/16/2617' (24/10/2017 with two 0s read as 6): each impossible part with its one possible
    repair. Never changes a part that is possible as printed."""
    fixed_day = _only_fix(day, lambda value: 1 <= value <= 31)
    fixed_month = _only_fix(month, lambda value: 1 <= value <= 12)
    fixed_year = _only_fix(year, lambda value: value < 100 or 1990 <= value <= 2100)
    if fixed_day is None or fixed_month is None or fixed_year is None:
        return None
    return make_date(int(fixed_year), int(fixed_month), int(fixed_day))


def _full_year(year: int) -> int:
    return year + 2000 if year < 100 else year


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        found = date(_full_year(year), month, day)
    except ValueError:
        return None
    return found if 1990 <= found.year <= 2100 else None


def dates_in(line: str, month_first: bool = False) -> list[FoundDate]:
    """All dates in a line, in order. `month_first` settles 03/04/2025 (US style) when nothing else can."""
    if sum(map(str.isdigit, line)) < 3:
        return []  # every date has a day and a year: three digits at least (most lines have none)
    return list(_dates_in(line, month_first))


# Pure (FoundDate is frozen), and half the calls repeat a line the document's rules asked before
@functools.lru_cache(maxsize=4096)
def _dates_in(line: str, month_first: bool) -> tuple[FoundDate, ...]:
    found: list[FoundDate] = []
    printed, line = line, _letters_as_digits(with_month_j_restored(with_year_before_codes(line)))
    for match in _ISO.finditer(line):
        value = make_date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if value:
            found.append(FoundDate(value, match.group(0), match.start(), False))
        # '2024-61-64' (2024-01-04 with its 0s read as 6s): each impossible part's one repair
        elif repaired := _repaired_numeric(match.group(4), match.group(3), match.group(1)):
            found.append(FoundDate(repaired, match.group(0), match.start(), False, repaired=True))
    numeric = [(m, m.group(1), m.group(3), m.group(4)) for m in NUMERIC.finditer(line)]
    numeric += [(m, m.group(1), m.group(2), m.group(3)) for m in _BEFORE_TIME.finditer(line)]
    numeric += [(m, m.group(1), m.group(2), m.group(3)) for m in _SPACED.finditer(line)]
    for m in _DAMAGED_SEPARATORS.finditer(line):
        separators = (m.group(2), m.group(4))
        damaged = any(sep == ":" or len(sep) == 2 for sep in separators)
        if damaged and separators != (":", ":"):  # never two colons: a time's
            numeric.append((m, m.group(1), m.group(3), m.group(5)))
    for match, first_text, second_text, year_text in numeric:
        first, second, year = int(first_text), int(second_text), int(year_text)
        ambiguous = first <= 12 and second <= 12 and first != second
        # '04.08.2024' is 4 August even on a US-style page: m/d/y is written with slashes or hyphens
        month_first_here = month_first and not (match.re is NUMERIC and match.group(2) == ".")
        if first > 12 or (not month_first_here and second <= 12):
            value = make_date(year, second, first)
        else:
            value = make_date(year, first, second)
        if value:
            lost = match.re is _SPACED or match.re is _DAMAGED_SEPARATORS or _doubled(match)
            found.append(FoundDate(value, match.group(0), match.start(), ambiguous, repaired=lost))
            continue
        day, month = (second_text, first_text) if month_first_here else (first_text, second_text)
        repaired = _repaired_numeric(day, month, year_text)
        if repaired:
            found.append(FoundDate(repaired, match.group(0), match.start(), ambiguous, repaired=True))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _YEAR_MONTH_DAY):
        for match in pattern.finditer(line):
            month = _month_number(match.group("month"))
            misread = month is None or bool(match.groupdict().get("stray"))
            if month is None and pattern is _DAY_MONTH_YEAR:  # a day before it, a year after
                month = _misread_month(match.group("month"))
            value = make_date(int(match.group("year")), month, int(match.group("day"))) if month else None
            if value is None and month:  # '41th May 2024': a day no month has, one digit misread
                # ... or a year of no era ('13 Jan. 2625': a 0 read as 6)
                fixed_year = _only_fix(
                    match.group("year"), lambda value: value < 100 or 1990 <= value <= 2100
                )
                value = _repaired_day(match.group("day"), month, int(fixed_year)) if fixed_year else None
                misread = True
            if value:
                found.append(FoundDate(value, match.group(0), match.start(), False, repaired=misread))
    found += _letter_days(line)
    found += _reversed_in_rtl(line)
    found = [_as_printed(item, printed) for item in found]
    unique: dict[int, FoundDate] = {}
    for item in sorted(found, key=lambda item: item.start):
        if not any(
            item.start < other.start + len(other.raw)
            for other in unique.values()
            if other.start <= item.start
        ):
            unique[item.start] = item
    return tuple(unique.values())


# 'le S janvier 2024': a day OCR read as letters that look like digits, before a written month and a
# four-digit year (the two make it a date; the day is a repair)
# ('1QAPR2024' for 10APR2024: a receipt's spaceless date, its 0 read Q; spaceless only with a digit)
# ('Ath November 2024' for 4th: an A before an ordinal's 'th' is a 4; 'Ist' a 1st)
# ('Qi-Nov-2017' for 01-Nov-2017: a till slip's hyphenated date, its 1 read as a dotted i)
_LETTER_DAY = re.compile(
    r"(?<!\w)(?P<day>[\dOoIlSBZQ]?[OoIlSBZQ]|[\dOoIlSBZQ]i|[OoIlSBZQ][\d]|A(?=th))(?:st|nd|rd|th)?"
    r"(?:\s+|-|(?<=\d[OoIilSBZQ])|(?<=[OoIlSBZQ]\d))"
    + _MONTH_WORD.format(name="month")
    + r"[\s,./-]*(?P<year>(?:19|20)\d{2})(?!\d)"
)


def _letter_days(line: str) -> list[FoundDate]:
    found = []
    for match in _LETTER_DAY.finditer(line):
        month = _month_number(match.group("month"))
        day = int(match.group("day").translate(_LETTER_AS_DIGIT).replace("A", "4"))
        value = make_date(int(match.group("year")), month, day) if month and day else None
        if value:
            found.append(FoundDate(value, match.group(0), match.start(), False, repaired=True))
    return found


def _reversed_in_rtl(line: str) -> list[FoundDate]:
    """Dates of a right-to-left row that OCR gave in the opposite order. A Hebrew month name pins
    each number's part (read whole); a split numeric date is a guess (a separator was lost), read
    also where the row's Hebrew label sits in another cell ('09.2025 12' alone)."""
    found = []
    for pattern in (_REVERSED_WORDS, _REVERSED_SPLIT):
        for match in pattern.finditer(line):
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else _month_number(month_text)
            if not month or (pattern is _REVERSED_WORDS and not HEBREW.search(month_text)):
                continue
            value = make_date(int(match.group("year")), month, int(match.group("day")))
            if value:
                split = pattern is _REVERSED_SPLIT
                found.append(FoundDate(value, match.group(0), match.start(), False, repaired=split))
    return found


def _as_printed(item: FoundDate, printed: str) -> FoundDate:
    """The raw text as printed; a date read through letters taken for digits is a repair too."""
    raw = printed[item.start : item.start + len(item.raw)]
    return item if raw == item.raw else replace(item, raw=raw, repaired=True)


def _doubled(match: re.Match[str]) -> bool:
    """A date before a time with a separator OCR doubled ('27- -04- 18'): read, but as a repair."""
    return match.re is _BEFORE_TIME and _DOUBLED_SEPARATOR.search(match.group(0)) is not None
