"""Israeli ids OCR misread by one digit, repaired by their check digit.

A 9-digit ת.ז. / ע.מ. / ח.פ. carries a Luhn-style check digit, so one misread digit always makes it
fail. Changing one digit to a digit of a similar shape (OCR on a photo confuses the round 0/3/5/6/8/9
and the thin 1/4/7) gives a few readings that pass; issued ids start with 0-3 (people) or 5
(companies, partnerships, non-profits), which usually leaves one. Only a single reading that passes
is taken: two or more mean the page does not say which, and the id stays as read.
"""

from __future__ import annotations

import re

from .. import israel

# Pairs of digits Tesseract reads for each other in small or blurred print (both directions)
_CONFUSED_PAIRS = ("06", "08", "09", "35", "38", "56", "58", "68", "89", "14", "17", "27")
CONFUSED_DIGITS: dict[str, str] = {
    digit: "".join(sorted({pair.replace(digit, "") for pair in _CONFUSED_PAIRS if digit in pair}))
    for digit in "0123456789"
}
# First digits of issued ids: 0-3 identity numbers, 5 companies (51, 52), partnerships, non-profits (58)
ISSUED_FIRST_DIGITS = "01235"


def israeli_id_readings(value: str) -> list[str]:
    """Every id one confused digit away from `value` that passes its check digit and could be issued."""
    readings: list[str] = []
    for position, digit in enumerate(value):
        for other in CONFUSED_DIGITS.get(digit, ""):
            reading = value[:position] + other + value[position + 1 :]
            if reading[0] in ISSUED_FIRST_DIGITS and israel.israeli_id_is_valid(reading):
                readings.append(reading)
    return readings


def repair_israeli_id(value: str) -> str | None:
    """The one valid id `value` was misread from, or None (valid already, not an id, or ambiguous)."""
    if not israel.is_israeli_id_shape(value) or israel.israeli_id_is_valid(value):
        return None
    readings = israeli_id_readings(value)
    return readings[0] if len(readings) == 1 else None


# Letters and signs OCR reads for a digit of an id in small or blurred print ("$12261827" for
# 512261827): the top of a 5 as S or $, round 0 as O, thin 1 as I, l or |, 8 as B or &
_LOOKALIKE_DIGITS = str.maketrans({
    "$": "5", "S": "5", "s": "5", "§": "5", "O": "0", "o": "0", "I": "1", "l": "1", "|": "1",
    "B": "8", "&": "8",
})  # fmt: skip
_LOOKALIKE = r"[\d$§SsOoIl|B&]"
# ... bare, or grouped by dashes as ids are printed ('$22-177-484', '$2024231-4'), or in threes by
# spaces ('GST No. $38 485 681')
LOOKALIKE_ID = re.compile(
    rf"(?<![\w$§&|-])(?:{_LOOKALIKE}{{9}}|{_LOOKALIKE}{{2}}-{_LOOKALIKE}{{6}}-{_LOOKALIKE}|"
    rf"{_LOOKALIKE}{{3}}([- ]){_LOOKALIKE}{{3}}\1{_LOOKALIKE}{{3}}|{_LOOKALIKE}{{8}}-{_LOOKALIKE}|"
    rf"{_LOOKALIKE}{{2}}-{_LOOKALIKE}{{7}})(?![\w$§&|]|-\w)"  # the last: a US EIN's grouping
)
_EIN_LOOKALIKE = re.compile(rf"[1-9$§SsIl|B&]{_LOOKALIKE}-{_LOOKALIKE}{{7}}")


def lookalike_ids(text: str) -> list[str]:
    """9-character tokens (dashes aside) of digits but one look-alike: ids OCR damaged by one
    character."""
    tokens = [match.group(0) for match in LOOKALIKE_ID.finditer(text)]
    return [raw for raw in tokens if sum(not ch.isdigit() for ch in _ungrouped(raw)) == 1]


def _ungrouped(raw: str) -> str:
    return raw.replace("-", "").replace(" ", "")


def id_from_lookalikes(raw: str) -> str | None:
    """The valid, issuable 9-digit id a token with exactly one look-alike character stands for."""
    if raw not in lookalike_ids(raw):
        return None
    value = _ungrouped(raw).translate(_LOOKALIKE_DIGITS)
    valid = value[0] in ISSUED_FIRST_DIGITS and israel.israeli_id_is_valid(value)
    return value if valid else None


_SIGN_FOR_DIGIT = re.compile(r"[$§&|]")


def id_from_sign(raw: str) -> str | None:
    """`id_from_lookalikes` where the look-alike is a sign ('ABN: $37520702' for 537520702), never
    a letter, which may be a code's own on a page in a Latin script ('S12261827')."""
    return id_from_lookalikes(raw) if _SIGN_FOR_DIGIT.search(raw) else None


def ein_from_lookalikes(raw: str) -> str | None:
    """'79-$122361': a US EIN (no check digit to repair it by) with one digit read as a look-alike;
    trusted only where a label names it an id (the caller's part)."""
    if not _EIN_LOOKALIKE.fullmatch(raw) or raw not in lookalike_ids(raw):
        return None
    return raw.replace("-", "").translate(_LOOKALIKE_DIGITS)


# An id split in two by OCR on a right-to-left line, its parts then read right to left as two
# numbers ('586414 511' for 511586414): the parts joined the other way round
_SPLIT_ID = re.compile(r"(?<![\w$§&|.,/:-])(\d{1,8}) (\d{1,8})(?![\w$§&|.,/:-])")


def split_ids(text: str) -> list[str]:
    """Two numbers side by side that, joined in the order they are drawn, make a valid issuable id."""
    return [match.group(0) for match in _SPLIT_ID.finditer(text) if id_from_split(match.group(0))]


def id_from_split(raw: str) -> str | None:
    parts = raw.split()
    if len(parts) != 2:
        return None
    value = parts[1] + parts[0]
    valid = len(value) == 9 and value[0] in ISSUED_FIRST_DIGITS and israel.israeli_id_is_valid(value)
    return value if valid else None


# On a Hebrew page, two Latin capitals a space before a valid Israeli id are a Hebrew label word OCR
# misread ("מס'" as '"DE') that a right-to-left row puts before the id, not a European VAT prefix
_LETTERS_BEFORE_ID = re.compile(r"[A-Z]{2} (\d{9})")


def israeli_id_after_letters(raw: str) -> str | None:
    match = _LETTERS_BEFORE_ID.fullmatch(raw.strip())
    if match is None or not israel.israeli_id_is_valid(match.group(1)):
        return None
    return match.group(1) if match.group(1)[0] in ISSUED_FIRST_DIGITS else None


# An id printed in groups (512 765 587) whose separators OCR read otherwise: a space as a point or a
# comma ('512.765 587', '511,162 919', '533 114.450'), or lost between two groups ('510 102569')
_REGROUPED_ID = re.compile(
    r"(?<![\w.,-])(\d{3}(?:[.,] ?\d{3}[ .,]| \d{3}[.,])\d{3}|\d{3} \d{6}|\d{6} \d{3})(?![\w-]|[.,]\d)"
)


# ... or a US EIN (44-6461039) with a gap OCR read inside its seven digits ('44-646 1039'); no check
# digit says it is one: the caller takes it only beside an id's label
_SPLIT_EIN = re.compile(r"(?<![\w.,-])[1-9]\d-(?:\d{3} \d{4}|\d{4} \d{3})(?![\w-]|[.,]\d)")


def regrouped_ids(text: str) -> list[str]:
    """Digit groups that, read as one number, make a valid issuable Israeli id, or a US EIN."""
    israeli = [match.group(0) for match in _REGROUPED_ID.finditer(text) if id_from_regrouped(match.group(0))]
    return israeli + [match.group(0) for match in _SPLIT_EIN.finditer(text)]


def id_from_regrouped(raw: str) -> str | None:
    if _SPLIT_EIN.fullmatch(raw.strip()):
        return re.sub(r"\D", "", raw)
    if not _REGROUPED_ID.fullmatch(raw.strip()):
        return None
    value = re.sub(r"\D", "", raw)
    valid = value[0] in ISSUED_FIRST_DIGITS and israel.israeli_id_is_valid(value)
    return value if valid else None
