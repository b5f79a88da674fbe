"""An issue date OCR read years ahead of today: its year's digits read for look-alikes.

Tesseract reads a receipt's small '1' as '4' or '7' ('29 Mar 2048', '02/05/2078' for 2018). No invoice
is issued years after it is read, so where one look-alike digit of the year gives a date not after
today, the latest such date is taken, as a guess: its confidence drops and the user sees it unsure.
The rules know no today (they are pure over the text); this runs where the pipeline does.

Where another year the page prints is one of those look-alikes, it is taken over a later one: a dev
photo's '25 מרץ 2028' beside a payment dated '24 אפריל 2025' and a number '2025-4122' was 2025, not
2026 (8 read for 5 or for 6 alike). A document's dates and numbered series name the year it was issued.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from .contract import Extraction
from .rules.repair import CONFUSED_DIGITS

AHEAD = timedelta(days=366)  # a date this far past today is no issue date
GUESSED = 0.5  # confidence of a year mended by one look-alike digit
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def mend_future_year(extraction: Extraction, pages: Sequence[Any], today: date) -> None:
    """The issue date with a year read years ahead mended (OCR'd pages only: a text layer is what the
    issuer typed)."""
    value = extraction.invoice_date
    if value is None or not any(getattr(page, "method", "") == "ocr" for page in pages):
        return
    issued = date.fromisoformat(value)
    if issued <= today + AHEAD:
        return
    printed = {int(year) for page in pages for year in _YEAR.findall(getattr(page, "text", "") or "")}
    mended = past_year_by_one_lookalike(issued, today, printed)
    if mended is not None:
        extraction.invoice_date = mended.isoformat()
        read = extraction.confidence.get("invoice_date", GUESSED)
        extraction.confidence["invoice_date"] = min(read, GUESSED)


def past_year_by_one_lookalike(issued: date, today: date, printed: set[int] | None = None) -> date | None:
    """The latest date not after today whose year differs from `issued`'s in one of its last two digits,
    by a digit OCR confuses with it ('2048' -> 2018), of those a year the page prints elsewhere
    (`printed`) when one is; None when there is none."""
    year = f"{issued.year:04d}"
    found = []
    for position in (2, 3):
        for other in CONFUSED_DIGITS.get(year[position], ""):
            candidate = int(year[:position] + other + year[position + 1 :])
            try:
                moved = issued.replace(year=candidate)
            except ValueError:  # 29 February in a year without one
                continue
            if moved <= today:
                found.append(moved)
    in_print = [moved for moved in found if moved.year in (printed or set())]
    return max(in_print or found, default=None)
