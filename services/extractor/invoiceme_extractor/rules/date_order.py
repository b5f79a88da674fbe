"""An issue date and a due date read in the wrong order: a digit OCR misread into another valid date.

A due date never falls before the issue date. When the two read that way ('21.05.2024' issued,
'20.04.2024' due: the 3 of 21.03 read as 5), one of them holds a misread digit; the readings one
confused digit away (repair.CONFUSED_DIGITS) that put the due date 0-120 days after the issue date
are the candidates, and a single one (or a single one at a round payment term) is taken as a repair.
A pair in the right order is never changed. Dates two or more years apart had a year misread: the
later one is moved next to the other (`years_apart_undone`), as is an issue date two or more years
after its copy elsewhere on the page (`issue_year_by_copy`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from .dates import dates_in
from .lines import Found, Line
from .repair import CONFUSED_DIGITS, may_be_misread

_DECADE = 10  # years: an issue date this much after its copy had its year's decade misread
_LONGEST_TERM = 120  # days: beyond it a due date is not a payment term
# payment terms as printed ('Net 30', 'שוטף + 60'): a tie between repairs goes to the one that lands on one
_ROUND_TERMS = frozenset({0, 7, 10, 14, 15, 21, 28, 30, 45, 60, 75, 90, 120})


def one_digit_readings(raw: str, month_first: bool) -> set[date]:
    """The dates the printed text reads as with one digit changed into one OCR confuses it with
    (never the date as read)."""
    printed = dates_in(raw, month_first)
    as_read = printed[0].value if printed else None
    readings: set[date] = set()
    for position, char in enumerate(raw):
        for other in CONFUSED_DIGITS.get(char, ""):
            variant = dates_in(raw[:position] + other + raw[position + 1 :], month_first)
            if variant and variant[0].value != as_read:
                readings.add(variant[0].value)
    return readings


def _in_term(issued: date, due: date) -> bool:
    return 0 <= (due - issued).days <= _LONGEST_TERM


def reordered(
    issued: date, issued_raw: str, due: date, due_raw: str, month_first: bool
) -> tuple[date, date] | None:
    """The (issue, due) pair with one misread digit undone when the due date reads before the issue
    date; None when they are in order or no single repair puts them in it."""
    if due >= issued:
        return None
    pairs = {(issued, other) for other in one_digit_readings(due_raw, month_first) if _in_term(issued, other)}
    pairs |= {(other, due) for other in one_digit_readings(issued_raw, month_first) if _in_term(other, due)}
    if len(pairs) > 1:
        pairs = {pair for pair in pairs if (pair[1] - pair[0]).days in _ROUND_TERMS}
    return pairs.pop() if len(pairs) == 1 else None


def in_order(issued: Found, due: Found, month_first: bool) -> tuple[Found, Found]:
    """The issue and due dates as read, or with the one misread digit undone that puts them in
    order (`reordered`), the repaired one said with a guess's confidence. Never on a text layer:
    its characters are the PDF's, and some invoices do state a due date before the issue date."""
    if not (may_be_misread(issued.line) and may_be_misread(due.line)):
        return issued, due
    pair = reordered(
        date.fromisoformat(issued.value), issued.raw, date.fromisoformat(due.value), due.raw, month_first
    )
    if pair is None:
        return issued, due
    fixed_issued, fixed_due = (
        item if item.value == value.isoformat() else replace(item, value=value.isoformat(), confidence=0.6)
        for item, value in zip((issued, due), pair, strict=True)
    )
    return fixed_issued, fixed_due


def years_apart_undone(issued: Found, due: Found) -> tuple[Found, Found]:
    """Issue and due dates two or more years apart: the later one's year was misread; it is moved
    next to the other and said with a guess's confidence. An issue date is moved only where OCR
    read it: a text layer's '13.11.2019' is as printed, and the due date beside it another date."""
    issue_day, due_day = date.fromisoformat(issued.value), date.fromisoformat(due.value)
    if moved := due_in_issue_year(issue_day, due_day):
        return issued, Found(moved.isoformat(), due.raw, due.line, min(due.confidence, 0.6))
    if may_be_misread(issued.line) and (moved := issue_in_due_year(issue_day, due_day)):
        return Found(moved.isoformat(), issued.raw, issued.line, min(issued.confidence, 0.6)), due
    return issued, due


def issue_year_by_copy(issued: Found, printed: list[date]) -> Found:
    """An issue date a decade or more after another date the page prints on the same day and month
    ('03/07/2095' issued, a payment of '03/07/2025' in the table): its year's decade was misread (OCR's
    look-alikes of a year's digits mostly read later years); it takes the copy's year, said with a
    guess's confidence. A copy a few years earlier may be a real date (a contract's anniversary), so
    a unit's digit is never changed. Only where OCR read it, and only when one copy's year is printed."""
    if not may_be_misread(issued.line):
        return issued
    day = date.fromisoformat(issued.value)
    same_day = [d.year for d in printed if (d.month, d.day) == (day.month, day.day)]
    # a year no era prints ('08/10/2601', guessed as 2001) was repaired: a clean copy's year, earlier or later
    printed_years = re.findall(r"(?<!\d)\d{4}(?!\d)", issued.raw)
    guessed = bool(printed_years) and str(day.year) not in printed_years
    years = {year for year in same_day if day.year - year >= _DECADE or (guessed and year != day.year)}
    if len(years) != 1:
        return issued
    return replace(
        issued, value=day.replace(year=years.pop()).isoformat(), confidence=min(issued.confidence, 0.6)
    )


def due_in_issue_year(issued: date, due: date) -> date | None:
    """A due date two or more years after the issue date is a year OCR misread ('28-10-2094' beside an
    issue date of 14-10-2024): the same day and month in the issue's year or the next, the first
    that falls on or after the issue date. None when the due date is plausible as read."""
    if due.year - issued.year < 2:
        return None
    for year in (issued.year, issued.year + 1):
        moved = _in_year(due, year)
        if moved is not None and moved >= issued:
            return moved
    return None


def issue_in_due_year(issued: date, due: date) -> date | None:
    """An issue date two or more years after the due date is the misread one ('18-08-2094' above a
    due date of 27-08-2024; OCR's look-alikes of a year's digits mostly read later years): the same
    day and month in the due date's year or the one before, the first on or before the due date.
    None when the pair is plausible as read or the due date is the later one (`due_in_issue_year`)."""
    if issued.year - due.year < 2:
        return None
    for year in (due.year, due.year - 1):
        moved = _in_year(issued, year)
        if moved is not None and moved <= due:
            return moved
    return None


def _in_year(day: date, year: int) -> date | None:
    """The same day and month in another year; None for 29 February in a common year."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


# a payment term as printed: 'Net 30', 'שוטף + 30', '30 days', '30 Tage', '30 jours', '30 días', '30 ימים'
# (not the net amount: 'Net 3,288.07')
_PAYMENT_TERM = re.compile(
    r"(?:\bnet|\bnetto|שוטף\s*\+?)\s*(\d{1,3})(?![\d.,])|\b(\d{1,3})\s*(?:days|tage|jours|d[ií]as|ימים)", re.I
)


def _printed_terms(lines: list[Line]) -> set[int]:
    return {
        int(match.group(1) or match.group(2))
        for line in lines
        for match in _PAYMENT_TERM.finditer(line.text)
        if 0 < int(match.group(1) or match.group(2)) <= _LONGEST_TERM
    }


def _after_term(issued: date, due: date, term: int) -> bool:
    """`due` is `term` days after `issued`, or after the end of its month ('שוטף + 30')."""
    month_end = issued.replace(day=calendar.monthrange(issued.year, issued.month)[1])
    return due in (issued + timedelta(days=term), month_end + timedelta(days=term))


def by_printed_term(unlabelled: list[Found], lines: list[Line]) -> tuple[Found, Found] | None:
    """Issue and due dates whose labels OCR lost, read side by side in one block ('12 בדצמבר 2025 |
    127207 | 12 בנובמבר 2025 | שוטף + 30'): the one pair of them that lies exactly a payment term
    the page prints apart is the issue date (the earlier) and the due date, in whatever order read."""
    terms = _printed_terms(lines)
    pairs = [
        (first, second)
        for first in unlabelled
        for second in unlabelled
        if first.line.page == second.line.page
        and abs(first.line.index - second.line.index) <= 4
        and any(
            _after_term(date.fromisoformat(first.value), date.fromisoformat(second.value), term)
            for term in terms
        )
    ]
    if len(pairs) != 1:
        return None
    issued, due = pairs[0]
    return replace(issued, confidence=0.55), replace(due, confidence=0.6)
