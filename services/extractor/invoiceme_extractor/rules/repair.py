"""Amounts OCR misread in ways the arithmetic can undo.

Tried only when no set of amounts as read adds up, and never on a text layer (`may_be_misread`):
a currency sign read as a leading digit (`₪2,480.00` -> `12480.00`, `$1,995.20` -> `91995.20`,
`S` for `$` -> `5`), and a decimal point lost (`19220.94` -> `1922094`). A variant is kept only
if it makes subtotal + VAT = total hold, so a correct reading is never changed; the result carries
lower confidence.

Digits Tesseract confuses with each other in small print (0/6/8/9, 1/4/7, 3/8, 5/6/8) make a second,
weaker set of variants, tried for triples only: three amounts agreeing to the cent after one such
change is evidence; two agreeing through some VAT rate is not.
"""

from __future__ import annotations

import re
from typing import Any

from .amounts import CENTS_AT_END, parse_amount


def may_be_misread(line: Any) -> bool:
    """Whether OCR read the line: a text layer's words (confidence 1.0 in every cell) are the
    characters the PDF holds, and a repair there would only turn a right amount into a wrong one.
    A line without cells (plain text of unknown origin) may have been OCR'd."""
    cells = getattr(line, "cells", ())
    return not cells or any(cell.confidence < 1.0 for cell in cells)


# Digits a currency sign is misread as: ₪ -> 1/7, $ -> 9/8/5/S, € -> 6/C, £ -> 2/E
_SIGN_AS_DIGIT = "125789"


# the decimal point lost after thousands groups: "36,75142" for 36,751.42, "1.06011" for 1.060,11
_POINT_LOST_AFTER_GROUPS = re.compile(r"\d{1,3}(?:[.,']\d{3})*[.,']\d{5}")


def misread_variants(value: float, raw: str) -> list[float]:
    """Other values the printed amount may have had (never the value itself)."""
    text = raw.strip()
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("-").strip()
    variants: list[float] = []
    digits = re.sub(r"\D", "", body)
    if len(digits) >= 4 and body[:1] in _SIGN_AS_DIGIT:
        rest = body[1:].lstrip(",.' ")
        dropped = parse_amount(sign + rest) if rest else None
        if dropped is not None:
            variants.append(dropped)
    # the wide ₪ read as two digits ("₪5,606.15" -> "195,606.15")
    if len(digits) >= 6 and body[:2].isdigit() and all(ch in _SIGN_AS_DIGIT for ch in body[:2]):
        dropped = parse_amount(sign + body[2:].lstrip(",.' "))
        if dropped is not None:
            variants.append(dropped)
    if re.fullmatch(r"\d{4,}", body) or _POINT_LOST_AFTER_GROUPS.fullmatch(body):
        variants.append(round(int(digits) / 100 * (-1 if sign else 1), 2))
    return [variant for variant in variants if variant != value]


def split_thousands(value: float, raw: str, line_text: str) -> list[float]:
    """The amount with the thousands OCR set apart from it by a wide gap, or a space-grouped amount
    whose decimal comma it read as a point ('Montant TTC 2 998.71' read as 998.71): the 1-3 digit
    groups right before a bare 'ddd.dd' in its line (never the value itself)."""
    body = raw.strip().lstrip("-").strip()
    if not _BARE_HUNDREDS.fullmatch(body):
        return []
    before = re.search(rf"(?<![\d.,])(-\s?)?(\d{{1,3}}(?: \d{{3}})*) {re.escape(body)}(?!\d)", line_text)
    if before is None:
        return []
    joined = parse_amount(before.group(2).replace(" ", "") + body.replace(",", "."))
    if joined is None:
        return []
    # the minus stands before the thousands: '-2 365.26' of a credit note
    variant = -joined if value < 0 or before.group(1) else joined
    return [variant] if variant != value else []


def plus_for_minus(value: float, raw: str, line_text: str) -> list[float]:
    """A credit note's minus read as a plus ('+2,678.69'): an invoice prints no plus before an
    amount, so the amount may be its negative (never the value itself)."""
    body = raw.strip()
    if value <= 0 or not re.search(rf"\+\s?{re.escape(body)}(?![\d.,])", line_text):
        return []
    return [-value]


# three digits and their cents, no thousands mark: what is left of an amount whose head stands apart
_BARE_HUNDREDS = re.compile(r"\d{3}[.,]\d{2}")


def printed_variants(value: float, raw: str, line: Any) -> list[float]:
    """Every value the amount read in `line` may have been printed as: `misread_variants`, then
    `split_thousands` and `plus_for_minus` over the line's text."""
    text = getattr(line, "text", "")
    variants = misread_variants(value, raw)
    for variant in split_thousands(value, raw, text) + plus_for_minus(value, raw, text):
        if variant not in variants:
            variants.append(variant)
    return variants


CONFUSED_DIGITS = {
    "0": "689",
    "1": "47",
    "3": "58",
    "4": "1",
    "5": "368",
    "6": "058",
    "7": "1",
    "8": "03569",
    "9": "08",
}


def confusion_variants(value: float, raw: str) -> list[float]:
    """The amount with one digit replaced by a digit OCR confuses it with (never the value itself)."""
    variants: list[float] = []
    for position, char in enumerate(raw):
        for other in CONFUSED_DIGITS.get(char, ""):
            variant = parse_amount(raw[:position] + other + raw[position + 1 :])
            if variant is not None and variant != value and variant not in variants:
                variants.append(variant)
    return variants


def inserted_digit_variants(value: float, raw: str) -> list[float]:
    """The amount with one digit OCR inserted before its cents taken out ('717,441.80' for 77,441.80:
    a speck read as a 1), the cents kept (never the value itself). For triples only, as the
    confused digits are: three amounts must agree to the cent with it."""
    body = raw.strip()
    digits = re.sub(r"\D", "", body)
    if len(digits) < 5 or not CENTS_AT_END.search(body):
        return []
    sign = -1 if value < 0 else 1
    variants = {round(sign * int(digits[:at] + digits[at + 1 :]) / 100, 2) for at in range(len(digits) - 2)}
    return sorted(variant for variant in variants if variant != value)
