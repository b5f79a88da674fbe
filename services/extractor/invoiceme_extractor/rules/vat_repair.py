"""European and UK VAT numbers OCR misread by one digit, repaired by their check digits; and copies of
one id on a page, one read whole and one damaged.

A VAT number's check digits (Germany's ISO 7064 digit, France's two, the UK's mod-97 pair, Spain's
and Ireland's check characters) fail on nearly every single misread digit. Like an Israeli id
(`id_repair`), a number that fails is read again one confused digit at a time (the round 0/3/5/6/8/9,
the thin 1/4/7): when exactly one reading passes, that is what was printed. A number made up for an
example fails its check too and is read right, so the repair is only for a read OCR was unsure of.
"""

from __future__ import annotations

import re

from invoiceme_common.tax_id_formats import eu_vat_well_formed, vat_number_valid

from .. import israel
from .id_repair import CONFUSED_DIGITS
from .lines import Line

# Below this OCR confidence a number's read is in doubt (correct reads of ids on dev scans and photos
# are mostly 0.9 and above; misread digits came with 0.2-0.85)
READ_UNSURE = 0.9


def read_unsure(line: Line, raw: str) -> bool:
    """OCR read the id's word (of 6+ digits) with less than READ_UNSURE confidence."""
    return any(raw in cell.text and cell.number_confidence < READ_UNSURE for cell in line.cells)


def vat_digit_readings(value: str) -> list[str]:
    """Every VAT number one confused digit away from `value` that passes its check."""
    readings = []
    for position in range(2, len(value)):
        for other in CONFUSED_DIGITS.get(value[position], ""):
            reading = value[:position] + other + value[position + 1 :]
            if vat_number_valid(reading):
                readings.append(reading)
    return readings


def repair_vat_digits(value: str) -> str | None:
    """The one valid VAT number a well-formed `value` that fails its check was misread from, or None
    (valid already, not a VAT number, or no single reading)."""
    if not re.fullmatch(r"[A-Z]{2}[0-9A-Z]{8,12}", value) or not eu_vat_well_formed(value):
        return None
    if vat_number_valid(value):
        return None
    readings = vat_digit_readings(value)
    return readings[0] if len(readings) == 1 else None


# A letter and the digit OCR reads it as, either way round ('IE6441369O' read 'IE64413690', 'ESA47913140'
# read 'ESAA7913140', a photo's 'IE1014502L' read 'IE10145021')
_LOOKALIKES = {
    "O": "0", "D": "0", "I": "1", "L": "1", "Z": "2", "A": "4", "S": "5", "G": "6", "T": "7", "B": "8"
}  # fmt: skip
_LOOKALIKES |= {digit: "".join(k for k, v in _LOOKALIKES.items() if v == digit) for digit in "01245678"}


def repair_vat_lookalike(value: str) -> str | None:
    """A number whose country's format wants a letter where a digit was read (a check letter: Ireland's
    last character, Spain's first or last) or a digit where a letter was: the one reading with one
    character swapped for its lookalike that passes the check, or None. Unlike a digit misread for
    another digit, the read breaks the format: it is repaired however surely OCR read it (a text
    layer's number, printed as it is, is not: the caller asks only of what OCR read)."""
    if not re.fullmatch(r"[A-Z]{2}[0-9A-Z]{8,12}", value) or eu_vat_well_formed(value):
        return None
    readings = [
        reading
        for position in range(2, len(value))
        for other in _LOOKALIKES.get(value[position], "")
        if vat_number_valid(reading := value[:position] + other + value[position + 1 :])
    ]
    return readings[0] if len(readings) == 1 else None


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def damaged_copy(damaged: str, whole: str) -> bool:
    """`damaged` (an id that fails its check or its country's format) reads as `whole` (one that
    passes) but for a digit or two changed, dropped or added, or its country prefix: the same id
    printed twice ('GB 858 5321 62' in the footer, 'GB 858 5321 02' in the header)."""
    if damaged == whole or not _checks(whole) or _checks(damaged):
        return False
    first, second = _digits(damaged), _digits(whole)
    if min(len(first), len(second)) < 7:
        return False
    return _edits(first, second) <= 2


def _checks(value: str) -> bool:
    if re.fullmatch(r"[A-Z]{2}[0-9A-Z]{8,12}", value):
        return vat_number_valid(value)
    return israel.is_israeli_id_shape(value) and israel.israeli_id_is_valid(value)


def _edits(first: str, second: str) -> int:
    """Levenshtein distance (short strings)."""
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]
