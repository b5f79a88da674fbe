"""What a tax id printed beside its label looks like: an Israeli 9-digit id that passes its check
digit, or an EU VAT number of its country's format; the test `label_values` puts a read through."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.eu import vat as eu_vat
from stdnum.us import ein as us_ein

from invoiceme_common.tax_id_formats import eu_vat_well_formed

from .long_numbers import ISRAELI_ID, LOOKALIKE_DIGITS, passes_check_digit

_EIN = re.compile(r"\d{2}-\d{7}")  # with its dash: bare, nine digits are as likely anything else
MIN_REAL_DIGITS = 6  # of an Israeli id's nine: the rest may be letters read for digits


def valid_id(text: str, ein: bool = False) -> str | None:
    """The id `text` holds: an Israeli 9-digit id that passes its check digit (as printed, with its
    dashes; letters OCR reads for digits undone, 'O9-227442-2') or an EU VAT number of its country's
    format (spaces, dots and dashes dropped; O read for 0 undone); beside an EIN's label (`ein`) also
    a US EIN as printed ('80-6871256'); else None."""
    bare = text.strip(".,:;()[]|'\"")
    as_digits = bare.translate(LOOKALIKE_DIGITS)
    if ein and _EIN.fullmatch(as_digits) and us_ein.is_valid(as_digits):
        return as_digits
    if ISRAELI_ID.fullmatch(as_digits) and sum(ch.isdigit() for ch in bare) >= MIN_REAL_DIGITS:
        digits = as_digits.replace("-", "")
        return as_digits if passes_check_digit(digits) and digits != "0" * 9 else None
    compact = re.sub(r"[\s.\-]", "", bare).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9A-Z+*]{2,12}", compact):
        return None
    prefix, body = compact[:2], compact[2:]
    # only O for 0 undone: with no check digit to say so, a letter read for another digit stays
    readings = [prefix + body, prefix + body.replace("O", "0")]
    shaped = [reading for reading in readings if eu_vat_well_formed(reading)]
    return next((reading for reading in shaped if eu_vat.is_valid(reading)), shaped[0] if shaped else None)


def ids_in(texts: list[str], ein: bool = False) -> Iterator[tuple[int, int, str]]:
    """(first, last, id) for each run of up to three consecutive words that together make a valid
    id ('DE 123 456 789' read as three words); `ein`: as `valid_id`."""
    for first in range(len(texts)):
        for last in range(first, min(first + 3, len(texts))):
            joined = texts[first] if first == last else "".join(texts[first : last + 1])
            if (found := valid_id(joined, ein)) is not None:
                yield first, last, found
                break
