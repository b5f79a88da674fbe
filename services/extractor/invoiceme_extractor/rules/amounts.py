"""Money amounts as printed: thousands separators, decimal comma or point, currency marks."""

from __future__ import annotations

import functools
import re
from typing import Any

CENT = 0.011  # two amounts agree: rounded to the cent, plus float error


def same_or_head_lost(value: float, raw: str, amount: float) -> bool:
    """The read amount is `amount`, or its tail read with a zero opening it ('02.55' for 7,002.55:
    no amount is printed so; OCR lost the digits before the zero at a band's edge)."""
    if abs(value - amount) <= CENT:
        return True
    read, whole = re.sub(r"\D", "", raw), f"{abs(amount):.2f}".replace(".", "")
    return raw.strip().startswith("0") and 3 <= len(read) < len(whole) and whole.endswith(read)


def adds_up(net: float, vat: float, total: float) -> bool:
    """Net + VAT = total to the cent: the tax law's sum, which two or three readings agree on."""
    return abs(net + vat - total) <= CENT


# One amount token: optional sign, digits with , . ' groups (or space groups before a decimal comma,
# "4 432,89" as French and Nordic invoices print it; or the Indian lakh's groups of two before the
# last three, "1,23,456.00"), optional 1-2 decimals.
AMOUNT_TOKEN = re.compile(
    r"(?<![\w.,/:])(?P<sign>-\s?)?(?P<num>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"
    r"|\d{1,3}(?: \d{3})+,\d{2}|\d{1,3}(?:[,.'](?:\d{3}))+(?:[.,]\d{1,2})?"
    r"|\d+(?:[.,]\d{1,2})?)"
    r"(?P<minus>-)?(?![\w]|[.,]\d|/\d|:\d)(?P<pct>\s?%)?"
)
_PERCENT = re.compile(r"(\d{1,2}(?:[.,]\d{1,2})?)\s?%")


@functools.lru_cache(maxsize=4096)  # pure; the same tokens are parsed by many rules
def parse_amount(raw: str) -> float | None:
    """'1,234.50' / '1.234,50' / "1'234.50" / '-12' -> float; None when it is not a number."""
    text = raw.strip().replace(" ", "").replace("'", "")
    negative = text.startswith("-") or text.endswith("-") or (text.startswith("(") and text.endswith(")"))
    text = text.strip("-()")
    if not text or not re.fullmatch(r"[\d.,]+", text):
        return None
    last_dot, last_comma = text.rfind("."), text.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        decimal = "." if last_dot > last_comma else ","
    elif last_comma >= 0:
        decimal = "," if len(text) - last_comma - 1 in (1, 2) else ""
    elif last_dot >= 0:
        decimal = "." if (len(text) - last_dot - 1 in (1, 2) or text.count(".") == 1) else ""
    else:
        decimal = ""
    thousands = {",", "."} - {decimal}
    for mark in thousands:
        text = text.replace(mark, "")
    if decimal and text.count(decimal) > 1:
        # OCR read the thousands mark as the decimal one ('5,048,13' for '5.048,13'): the last one,
        # two digits from the end, is the decimal mark, the others group thousands
        head, _, cents = text.rpartition(decimal)
        text = head.replace(decimal, "") + decimal + cents
    if decimal == ",":
        text = text.replace(",", ".")
    try:
        value = round(float(text), 2)
    except ValueError:
        return None
    return -value if negative else value


_CODE_BEFORE_DIGIT = re.compile(r"\b(RM|USD|EUR|NIS|ILS|GBP|CHF|MYR|INR|Rs\.?)(?=[\dO])")
# OCR: 'RN152. 00', 'RH152.00' - a slip's RM (ringgit) with its M read as N or H, glued to an amount
# with its cents
_RINGGIT_LOOKALIKE = re.compile(r"\bR[NH](?=\d{1,6}[.,]\s?\d{2}(?![\d.,]))")
_SPACE_AFTER_POINT = re.compile(r"(?<=\d)([.,]) (?=\d{2}(?!\d))")  # OCR: "79. 35"
# A shekel sign OCR read as a lower-case m or w (and an i: its second stroke) glued to the amount
# ('m8,567.72', 'mi1,354.28' for ₪8,567.72 and ₪1,354.28 on a dev scan, seed 8): no word, a sign
_SHEKEL_AS_LETTERS = re.compile(r"(?<![A-Za-z])[mw]i?(?=\d{1,3}(?:,\d{3})*\.\d{2}(?![\d.,]))")
_GLUED_LETTERS = re.compile(r"(\d[.,]\d{2})(?=[A-Za-z\u05d0-\u05ea])")  # OCR: "8,293.76M annette"
# a bold 5 read as §, its digits after it or the cents ('§.30' for 5.30)
_SECTION_AS_FIVE = re.compile(r"§(?=\d|[.,]\d{2}(?!\d))")
# OCR: 'CASH ~~: —/18.00' - a rule or colon read as a slash glued to the amount (after a mark, not a
# digit or a word: no date or fraction)
_SLASH_BEFORE_AMOUNT = re.compile(r"(?<=[^\w\s/.,])/(?=\d{1,6}[.,]\d{2}(?![\d.,/]))")
_UNDERSCORE_AT_DIGIT = re.compile(r"_(?=\d)|(?<=\d)_")  # OCR: "<RM_34.80"
# OCR: "₪626 94" — the decimal point lost; after a currency sign two digits apart are the cents
_LOST_POINT_AFTER_SIGN = re.compile(
    r"(?<=[₪$€£])(\d{1,3}(?:,\d{3})+|\d+) (\d{2})(?![\d.,])"
)  # Tesseract reads a bold 5 as §
# OCR: '6.02125 €' for 6.021,25 € — the decimal mark lost after a thousands group, before the currency
# sign: five digits after one mark make no amount (an exchange rate's 1.12834 has no sign after it)
_LOST_DECIMAL_BEFORE_SIGN = re.compile(
    r"(?<![\d.,])(\d{1,3}([.,])\d{3})(\d{2})(?=\s?(?:€|₪|\$|£|EUR\b|ש\"ח))"
)
# OCR: '-7:091,14', '23:305,21' — a thousands mark (a point, or the thin space of '7 091,14') read as a
# colon, or a comma read as a semicolon ('10;162.84'); no time of day has three digits after its colon
# and two decimals after them. Or two marks where one groups the thousands ('34,.025,74': a speck
# beside the point)
_COLON_IN_THOUSANDS = re.compile(r"(?<=\d)(?:[:;]|[.,]{2})(?=\d{3}[.,]\d{2}(?![\d.,]))")
# OCR: '5.432;68' — the decimal comma after thousands groups read as a semicolon: the groups' mark
# says the decimal one is the other ('Items 3;4' has no groups and stays)
_SEMICOLON_FOR_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3}(?:([.,])\d{3})+);(\d{2})(?![\d.,;])")

# OCR: '₪20, 534.32' — a space after the thousands comma of an amount with decimals, after its currency
# sign (a point after the group: the comma is no decimal mark; the sign: no list of numbers), after
# a credit's minus sign ('-13, 256.48': no list of numbers opens with a negative, '28, 742.85-' ends
# with none), or inside the brackets of an accounting negative ('(18, 606.87)': closed right after the
# cents)
_SPACE_AFTER_THOUSANDS = re.compile(
    r"(?:(?<=[₪$€£])|(?<![\w.,-]-)(?<=-)|(?<=\()(?=\d{1,3}, \d{3}\.\d{2}\))"
    r"|(?<![\w.,])(?=\d{1,3}, \d{3}\.\d{2}-(?![\w.,])))"
    r"(\d{1,3}), (?=\d{3}\.\d{2}(?![\d.,]))"
)
# OCR: '€2188 , 50' — spaces around the decimal comma of an amount after its currency sign
_SPACED_MARK_AFTER_SIGN = re.compile(r"(?<=[₪$€£])(\d+) ([.,]) ?(\d{2})(?![\d.,])")
# OCR: '18.885 ,53' — a space before the decimal mark of an amount with thousands groups: the mark
# differs from the groups' one, so it can only be the decimal one and the cents belong to the amount
_SPACE_BEFORE_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3}(?:([.,])\d{3})+) ((?!\2)[.,]\d{2})(?![\d.,])")
# OCR: 'Netto ~145,96' — a credit note's minus read as a tilde, right before the amount's digits
# (not an approximate restatement: '(~ 1,345.67 USD)')
_TILDE_FOR_MINUS = re.compile(r"(?<![\w.,~(=])(?<!\( )~ ?(?=\d)")
# OCR: 'RM10U. 00' - a 0 read as U between a digit and the decimal mark
_LETTER_U_FOR_ZERO = re.compile(r"(?<=\d)U(?=[.,]\s?\d{2}(?!\d))")
_LETTER_O_IN_NUMBER = re.compile(r"(?<=[\s\d])O(?=[.,]\d{2}(?!\d))|(?<=\d[.,])O(?=\d)|(?<=\d[.,]\d)O")


# OCR: '73,40 0.76' for '73,400.76' — a space inside the last thousands group: the group's digits on
# both sides make three, the marks before and after it differ (a thousands mark, then the decimal one)
_SPACE_IN_GROUP = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:([,.])\d{3})*[,.])(\d{1,2}) (\d{1,2})((?!\2)[.,]\d{2})(?![\d.,])"
)


def _join_group(match: re.Match[str]) -> str:
    head, mark, left, right, cents = match.group(1, 2, 3, 4, 5)
    if len(left) + len(right) != 3 or head[-1] == cents[0] or (mark and mark != head[-1]):
        return match.group(0)
    return f"{head}{left}{right}{cents}"


def _decimal_mark_restored(match: re.Match[str]) -> str:
    """(groups)(their mark)(cents) -> the groups, the other mark as the decimal one, the cents."""
    groups, mark, cents = match.group(1, 2, 3)
    return f"{groups}{',' if mark == '.' else '.'}{cents}"


# OCR: 'סה"כ ללא מע"מ .18,621.95' — a speck read as a point before an amount in thousands groups
# (no amount opens with its decimal mark and goes on in groups: '.50' stays fifty cents)
_SPECK_BEFORE_GROUPS = re.compile(r"(?<![\w.,])\.(?=\d{1,3}(?:([,.])\d{3})+(?!\1)[.,]\d{2}(?![\d.,]))")


def repair_ocr_numbers(line: str) -> str:
    """Undo common OCR damage around amounts: 'RM9.20', 'RMO.55', '79. 35', '7:091,14', 'm8,567.72'."""
    line = _SPECK_BEFORE_GROUPS.sub(" ", line)
    line = _SPACE_IN_GROUP.sub(_join_group, _TILDE_FOR_MINUS.sub("-", _LETTER_U_FOR_ZERO.sub("0", line)))
    line = _RINGGIT_LOOKALIKE.sub("RM ", line)
    line = _SEMICOLON_FOR_DECIMAL.sub(_decimal_mark_restored, line)
    line = _LOST_DECIMAL_BEFORE_SIGN.sub(_decimal_mark_restored, line)
    line = _COLON_IN_THOUSANDS.sub("", _CODE_BEFORE_DIGIT.sub(r"\1 ", line))
    line = _SPACE_AFTER_POINT.sub(r"\1", _SPACED_MARK_AFTER_SIGN.sub(r"\1\2\3", line))
    line = _SPACE_AFTER_THOUSANDS.sub(r"\1,", _SPACE_BEFORE_DECIMAL.sub(r"\1\3", line))
    line = _LOST_POINT_AFTER_SIGN.sub(r"\1.\2", _UNDERSCORE_AT_DIGIT.sub(" ", line))
    line = _SHEKEL_AS_LETTERS.sub(" ", _SLASH_BEFORE_AMOUNT.sub(" ", line))
    line = _GLUED_LETTERS.sub(r"\1 ", _SECTION_AS_FIVE.sub("5", line))
    return _LETTER_O_IN_NUMBER.sub("0", line)


def amounts_in(line: str) -> list[tuple[float, str]]:
    """Every money-like number in a line (percentages, dates and times excluded), with its raw text."""
    return list(_amounts_in(line))


# Pure, and the same cell or line is asked by many rules (6 of 10 calls repeat one of the document's)
@functools.lru_cache(maxsize=4096)
def _amounts_in(line: str) -> tuple[tuple[float, str], ...]:
    line = repair_ocr_numbers(line)
    found: list[tuple[float, str]] = []
    for match in AMOUNT_TOKEN.finditer(line):
        if match.group("pct"):
            continue
        raw = (match.group("sign") or "") + match.group("num") + (match.group("minus") or "")
        value = parse_amount(raw)
        if value is not None:
            found.append((value, match.group(0).strip()))
    return tuple(found)


CENTS_AT_END = re.compile(r"[.,]\d{2}-?$")  # an amount written with its cents, a minus after them or not
_THOUSANDS_GROUP = re.compile(r"\d[,.']\d{3}")


def money_in(line: str) -> list[tuple[float, str]]:
    """Amounts that look like money: with decimals, or thousands groups, or next to a currency mark."""
    return list(_money_in(line))


@functools.lru_cache(maxsize=4096)  # pure, asked again like amounts_in
def _money_in(line: str) -> tuple[tuple[float, str], ...]:
    # a minus after the amount ("6558.75-": accounting style, or RTL order) keeps it money
    return tuple(
        (value, raw)
        for value, raw in _amounts_in(line)
        if CENTS_AT_END.search(raw) or _THOUSANDS_GROUP.search(raw)
    )


def percent_in(line: str) -> float | None:
    match = percent_match(line)
    return round(float(match.group(1).replace(",", ".")) / 100, 4) if match else None


def percent_match(line: str) -> re.Match[str] | None:
    """The first percentage printed in a line ('18%', '17,5 %')."""
    return _PERCENT.search(line)


# a lone 5 OCR read as its look-alike S before the percent sign ('VAT @ S% 14.07-')
_S_FOR_FIVE_PERCENT = re.compile(r"(?<![\w.,])S(?=\s?%)")


def percents_in(text: str) -> list[float]:
    """Every percentage printed in a text, as fractions."""
    text = _S_FOR_FIVE_PERCENT.sub("5", text)
    return [round(float(m.group(1).replace(",", ".")) / 100, 4) for m in _PERCENT.finditer(text)]


def row_amounts(row: Any) -> list[tuple[float, str]]:
    """amounts_in over a row's cells one by one (a Line with cells), so that a quantity cell and
    a price cell ('1 | 162,92') never read as one space-grouped amount ('1 162,92')."""
    cells = getattr(row, "cells", ())
    if not cells:
        return amounts_in(row.text)
    return [found for cell in cells for found in amounts_in(cell.text)]


def row_money(row: Any) -> list[tuple[float, str]]:
    """money_in over a row's cells one by one (see row_amounts)."""
    cells = getattr(row, "cells", ())
    if not cells:
        return money_in(row.text)
    return [found for cell in cells for found in money_in(cell.text)]


def printed_on_another_row(value: float, line: Any, lines: list[Any]) -> bool:
    """Another row than `line` prints `value` to the cent: a second reading of the same amount."""
    return any(
        abs(amount - value) < 0.005 for other in lines if other is not line for amount, _ in row_money(other)
    )


# "1,234.50 EUR (≈ 1,345.67 USD)": an amount restated in another currency in brackets at the line's end
# (a right-to-left line may move or mirror the closing bracket: '176.00 ש"ח (= )USD 45.38', '(USD 2.90(';
# a negative in brackets may sit inside: '(= (7,626.28) USD)')
_BRACKETED = r"(?:[^()]|\([^()]*\))"
# not always last: a Hebrew line keeps its label at the end ('22,238.31 USD (21,412.93 EUR) לתשלום');
# the label's words are set apart by spaces, so a failed match backtracks over words, not letters
_RESTATED = re.compile(
    rf"\s*\(\s*(?:≈|=|~|approx\.?)?\s*\)?(?P<inner>{_BRACKETED}+)[()]?\s*[.;]?\s*"
    r"(?P<label>(?:[\u05d0-\u05ea][\u05d0-\u05ea\"'״׳:]*(?:\s+|$))*)$",
    re.I,
)
_MONEY_MARK = re.compile(r'[₪$€£]|ש"ח|\b[A-Z]{3}\b')


# '6,725.69 (USD 1,873.27 =) ש"ח', '6,725.69 ש"ח )= 1,873.27 (USD': the same restatement in a line
# Tesseract read right to left, its '=' at either end of the bracket, either bracket mirrored, and
# not always last; the '=' tells it from an accounting negative
_EQUATED = re.compile(r"[()]\s*(?:[=≈~][^()]*|[^()=≈~]*[=≈~])\s*[()](?:\s*[A-Z]{3}\b)?")


def without_restatement(text: str) -> str:
    """The line without a bracketed restatement of its amount in another currency: the bracket
    names a currency and holds an amount, and an amount stands before it outside the bracket."""
    match = _RESTATED.search(text)
    if match is None or not _MONEY_MARK.search(match.group("inner")) or not amounts_in(match.group("inner")):
        return _without_equated(text)
    before = text[: match.start()]
    inner_marks = set(_MONEY_MARK.findall(match.group("inner")))
    if not amounts_in(before) or inner_marks <= set(_MONEY_MARK.findall(before)):
        return _without_equated(text)  # nothing before it, or the same currency: a negative, a note
    return f"{before} {match.group('label')}".rstrip()


# '(21,412.93 EUR)' in the middle of a line Tesseract read right to left ('לתשלום USD (21,412.93 EUR)
# 22,238.31'): an amount and its currency alone in a bracket, a restatement when the line's other
# amount is in another currency
# (either bracket mirrored by a right-to-left read: 'ILS (11,386.55 USD( 43,970.04')
_PRICED_BRACKET = re.compile(
    r"[()]\s*(?:[A-Z]{3}|[$€£₪])\s*[\d.,]+\d\s*[()]|[()]\s*[\d.,]*\d\s*(?:[A-Z]{3}|[$€£₪])\s*[()]"
)


# '7,002.55 ש"ח (USD. )1,808.66': a right-to-left read of '(1,808.66 USD)' that left only the code
# inside the bracket and put the amount after its mirrored close: a restatement by its shape alone
_CODE_BRACKET_THEN_AMOUNT = re.compile(r"\(\s*[A-Z]{3}\.?\s*\)\s*\d[\d.,]*\d")


def _without_equated(text: str) -> str:
    """The line without an '= amount currency' bracket (`_EQUATED`) when an amount stands outside it,
    or without a priced bracket (`_PRICED_BRACKET`) when the amount outside it is in another currency."""
    for match in _EQUATED.finditer(text):
        inner, rest = match.group(0), text[: match.start()] + " " + text[match.end() :]
        if _MONEY_MARK.search(inner) and amounts_in(inner) and amounts_in(rest):
            return rest
    for match in _PRICED_BRACKET.finditer(text):
        inner, rest = match.group(0), text[: match.start()] + " " + text[match.end() :]
        outside = set(_MONEY_MARK.findall(rest))
        if amounts_in(rest) and outside and not set(_MONEY_MARK.findall(inner)) & outside:
            return rest
    for match in _CODE_BRACKET_THEN_AMOUNT.finditer(text):
        inner, rest = match.group(0), text[: match.start()] + " " + text[match.end() :]
        if amounts_in(rest) and not set(_MONEY_MARK.findall(inner)) & set(_MONEY_MARK.findall(rest)):
            return rest  # the mark outside may be one OCR damaged ('ח"ח' for ש"ח): the shape tells
    return text
