"""Currency marks OCR invents or that name another currency than the invoice's.

A phone photo or a scan of a coloured band gives runs of one sign ('$$$', '₪₪') along the band's
edge; a Hebrew id whose 5 OCR read as a dollar sign ('$12261827') or an id with a sign between its
digits ('1£27764220') is no price; and a line that
converts the total into another currency ('לידיעה: 11,512.46 USD (שער 0.2704)') names that other
currency. Each of these outweighed the invoice's own damaged mark (ש"ח read as 'טוט"ח') on dev
scans and photos of three families.
"""

from __future__ import annotations

import re

from .amounts import without_restatement
from .lines import Found, Line

# Two or more signs in a row, or signs with nothing but spaces between them: strokes, not money
_SIGN_RUN = re.compile(r"([$€£₪])(?:\s*\1)+")
# A dollar sign or S opening a run of 8 digits, bare or in dash groups ('$12261827', '$22-177-484'):
# a 9-digit id, its 5 misread (money has no dashes between its digits)
_SIGN_FOR_FIVE = re.compile(r"(?<![\w$])[$S]\d(?:-?\d){7}(?![\d.,-])")
# A sign between two digits ('1£27764220', an Irish VAT number's E): a misread letter, never money
_SIGN_BETWEEN_DIGITS = re.compile(r"(?<=\d)[$€£₪](?=\d)")
# A dollar sign glued to a lower-case letter ('$u socio de confianza'): a word's S, never money
_SIGN_BEFORE_LETTER = re.compile(r"\$(?=[a-zà-ÿ])")
# A mark counted from such a run: once per line, at half weight, like a stray mark
RUN_WEIGHT = 0.5


# A sign opening a bare run of 4+ digits (no separators, no cents): an id whose S OCR read as '$'
# ('$242970' for S242970) or a postal code whose 5 it did ('$9030 Valencia') more often than a price
_SIGN_BEFORE_ID = re.compile(r"\d{4,}(?![\d.,])")
# ... the run opening an item's row, its name and a price after it ('$4624 Softwarelizenz 15 20,80'):
# the item's code in the table's first column, its 5 misread; the price follows the description
_CODE_OPENING_ROW = re.compile(r"\d{4,}\s+[^\W\d_]{3}.*\d[.,]\d{2}(?!\d)")
# An ISO code after an amount that OCR joined to the next word ('3,148.58 USDBotal incl. VAT')
_CODE_JOINED = re.compile(r"(?<=\d[.,]\d\d)(\s?)(USD|EUR|GBP|ILS|NIS|CHF|MYR)(?=[A-Za-z])")
# ... and one OCR joined to the cents before it ('9841,80EUR.'): no word boundary before the code
_CODE_AFTER_CENTS = re.compile(r"(?<=\d[.,]\d\d)(USD|EUR|GBP|ILS|NIS|CHF|MYR)(?![A-Za-z])")


def id_mark_share(text: str, mark_end: int) -> float:
    """The share of a full mark's weight that a sign ending at `mark_end` carries: half before a
    bare run of digits shaped like an id (`_SIGN_BEFORE_ID`), a tenth where that run opens the row
    before a word (`_CODE_OPENING_ROW`), else all of it."""
    if not _SIGN_BEFORE_ID.match(text, mark_end):
        return 1.0
    return 0.1 if not text[: mark_end - 1].strip() and _CODE_OPENING_ROW.match(text, mark_end) else 0.5


def codes_set_apart(text: str) -> str:
    """The line with an ISO code joined to the word after it (or to the cents before it) set apart."""
    return _CODE_AFTER_CENTS.sub(r" \1", _CODE_JOINED.sub(r"\1\2 ", text))


def sign_runs(text: str) -> list[re.Match[str]]:
    return list(_SIGN_RUN.finditer(text))


def without_invented_marks(text: str, language: str) -> str:
    """The line without sign runs, signs between digits and a '$' that is a word's S and, on a Hebrew
    page, without a '$' that is an id's first digit."""
    text = _SIGN_RUN.sub(lambda match: " " * len(match.group(0)), text)
    text = _SIGN_BEFORE_LETTER.sub("S", _SIGN_BETWEEN_DIGITS.sub(" ", text))
    if language == "he":
        text = _SIGN_FOR_FIVE.sub(lambda match: "5" + match.group(0)[1:], text)
        if _SHEKEL_WORD.search(text):
            text = _DOLLAR_GLUED.sub(" ", text)  # 'ש"ח $06.82': the amount's 8, the line names shekels
    return text


# A Hebrew line that names shekels in words, and a dollar sign glued to an amount's digits on it: an 8
# or a 5 OCR read as '$' ('ש"ח $06.82 לתשלום' for 806.82, a dev scan of seed 41), not a second currency
_SHEKEL_WORD = re.compile(r"ש[\"״']?ח(?![\u05d0-\u05ea])|שקל")
_DOLLAR_GLUED = re.compile(r"(?<![\w$])\$(?=\d)")


def only_converted(code_pattern: re.Pattern[str], lines: list[Line], converts: re.Pattern[str]) -> bool:
    """Every line that marks this currency converts an amount into it (an exchange rate on it, or
    the mark only in the bracket restating the line's amount: '7,002.55 ש"ח (1,808.66 USD)'). On
    '978.01 USD (≈ 905.84 EUR)' the dollars are the amount restated, not the conversion's result."""
    marked = [line for line in lines if code_pattern.search(line.text)]
    return bool(marked) and all(
        (converts.search(line.text) and not _restated(code_pattern, line.text))
        or not code_pattern.search(without_restatement(line.text))
        for line in marked
    )


def _restated(code_pattern: re.Pattern[str], text: str) -> bool:
    """The line restates an amount of this currency in another one, in a bracket after it."""
    kept = without_restatement(text)
    return kept != text and bool(code_pattern.search(kept))


_CODES = ("USD", "EUR", "GBP", "ILS", "NIS", "CHF", "MYR")
_NIS_CODE = {"NIS": "ILS"}
# 'Currency: USD' with OCR's damage: ';' for ':', one letter of the code misread ('currency; uso')
_CURRENCY_LABEL_WORD = re.compile(
    r"(?:\bcurrency|währung|\bdevise|\bmoneda)\s*[:;.,]\s*([A-Za-z0-9]{3})(?![A-Za-z0-9])", re.I
)


def misread_code(word: str) -> str | None:
    """The one ISO code `word` is with at most one character misread (case aside), else None."""
    word = word.upper()
    near = {
        code
        for code in _CODES
        if len(word) == len(code) and sum(1 for a, b in zip(word, code, strict=True) if a != b) <= 1
    }
    codes = {_NIS_CODE.get(code, code) for code in near}
    return codes.pop() if len(codes) == 1 else None


def labelled_misread_code(text: str) -> tuple[str, str] | None:
    """(code, raw) for a currency label followed by a code with one letter misread."""
    match = _CURRENCY_LABEL_WORD.search(text)
    code = misread_code(match.group(1)) if match else None
    return (code, match.group(0)) if match and code else None


SURE_CURRENCY = 0.5  # a currency found with less is a guess (find_currency: no whole mark read)


def sure_code(currency: Found | None) -> str | None:
    """The currency's code when a whole mark says it; None for a guess from a mark OCR may have
    invented ('$5715 Marseille', a postal code's 5 read as '$'): a guess decides nothing else, such
    as whether the page's dates are written month first (a French page read as US)."""
    return currency.value if currency is not None and currency.confidence >= SURE_CURRENCY else None
