"""Why a field read right from a born-digital PDF went wrong on the scan (or photo) of the same page.

Pure functions over text: the PDF's reading of the field (the characters of the value, `raw`, and
the line it sat on) and the scan's lines as the rules saw them. The value is looked for in the scan
first; a damaged value says how it was damaged, an intact one sends the search to its label.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

DIGIT_MISREAD = "digit misread"
SIGN_AS_DIGIT = "currency sign read as a digit"
SEPARATOR_LOST = "decimal point/comma lost or changed"
RTL_ORDER = "RTL order of the value"
LETTERS_MISREAD = "letters misread in the value"
VALUE_DROPPED = "value dropped"
LABEL_MISREAD = "label word misread"
LABEL_DROPPED = "label word dropped"
LINE_SPLIT = "line split differently"
LINE_MERGED = "line merged with another"
WORD_ORDER = "RTL order of the line"
RULES = "text intact: the rules chose otherwise"
CAUSES = (
    DIGIT_MISREAD,
    SIGN_AS_DIGIT,
    SEPARATOR_LOST,
    RTL_ORDER,
    LETTERS_MISREAD,
    VALUE_DROPPED,
    LABEL_MISREAD,
    LABEL_DROPPED,
    LINE_SPLIT,
    LINE_MERGED,
    WORD_ORDER,
    RULES,
)

_CURRENCY_SIGNS = "₪$€£"
_SEPARATORS = ".,' "
_WORD = re.compile(r"[^\W\d_][\w\"'.]*", re.UNICODE)
SIMILAR_VALUE = 0.6  # a scan token at least this close to the value is the value, damaged
SIMILAR_WORD = 0.5  # a label word at least this close (and not exact) was misread, not dropped
MERGED_WORDS = 2.0  # a scan line with this many times the PDF line's words holds another line too


@dataclass(frozen=True)
class Miss:
    """One field right on the PDF, wrong on the scan, and the first damage found."""

    stem: str
    field: str
    truth: str
    scan_value: str
    cause: str
    pdf_text: str  # the characters the PDF's value was read from, and its line
    scan_text: str  # the scan's nearest text to them


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _tokens(line: str) -> list[str]:
    """The line's words, and each pair of neighbours glued (OCR splits '1,234. 50')."""
    words = line.split()
    return words + [a + b for a, b in itertools.pairwise(words)]


def nearest_token(value: str, lines: Sequence[str]) -> tuple[str, int, float]:
    """The scan token most like `value`: (token, line index, similarity 0..1)."""
    target = _squeeze(value)
    best = ("", -1, 0.0)
    for index, line in enumerate(lines):
        for token in _tokens(line):
            ratio = difflib.SequenceMatcher(None, target, token, autojunk=False).ratio()
            if ratio > best[2]:
                best = (token, index, ratio)
    return best


def value_damage(printed: str, read: str, sign_before: bool) -> str:
    """How `read` differs from the value as `printed` (both one token, no spaces)."""
    printed_digits, read_digits = _digits(printed), _digits(read)
    if not printed_digits:
        return LETTERS_MISREAD
    if len(read_digits) == len(printed_digits) + 1 and read_digits.endswith(printed_digits) and sign_before:
        return SIGN_AS_DIGIT
    letters = re.sub(r"[\d.,'/\-]", "", printed)
    if letters and len(read_digits) > len(printed_digits) and printed_digits in read_digits:
        return LETTERS_MISREAD  # 'IE68711721' read '1668711721'
    if read_digits == printed_digits:
        return SEPARATOR_LOST if _strip_separators(printed) != printed or read != printed else LETTERS_MISREAD
    if sorted(read_digits) == sorted(printed_digits):
        return RTL_ORDER
    if len(read_digits) == len(printed_digits):
        return DIGIT_MISREAD
    return DIGIT_MISREAD if _within_one_edit(printed_digits, read_digits) else VALUE_DROPPED


def _strip_separators(text: str) -> str:
    return "".join(ch for ch in text if ch not in _SEPARATORS)


def _within_one_edit(a: str, b: str) -> bool:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(1 for tag, *_ in matcher.get_opcodes() if tag != "equal") <= 1


def label_words(pdf_line: str, raw: str) -> list[str]:
    """The words of the PDF line beside the value (its label), without numbers or the value."""
    rest = pdf_line.replace(raw, " ") if raw else pdf_line
    return [word for word in _WORD.findall(rest) if len(word) >= 2]


def _word_found(word: str, line: str) -> float:
    """How closely `line` holds `word` (1.0 when it is there as is)."""
    if word in line:
        return 1.0
    return max(
        (difflib.SequenceMatcher(None, word, token, autojunk=False).ratio() for token in line.split()),
        default=0.0,
    )


def label_damage(words: list[str], scan_lines: Sequence[str], value_line: int) -> str | None:
    """Label words missing from the value's scan line: split off, misread or dropped (None: all there)."""
    here = scan_lines[value_line]
    missing = [word for word in words if word not in here]
    if not missing:
        return None
    near = scan_lines[max(0, value_line - 1) : value_line + 2]
    if all(any(word in line for line in near) for word in missing):
        return LINE_SPLIT
    best = [max((_word_found(word, line) for line in scan_lines), default=0.0) for word in missing]
    if any(score >= SIMILAR_WORD for score in best):
        return LABEL_MISREAD
    return LABEL_DROPPED


def _order(words: list[str], raw: str, line: str) -> list[int]:
    marks = [line.find(word) for word in [*words, raw]]
    return [m for m in marks if m >= 0]


def classify(pdf_raw: str, pdf_line: str, scan_lines: Sequence[str]) -> tuple[str, str]:
    """(cause, the scan text it was judged on) for a value the PDF read as `pdf_raw` on `pdf_line`."""
    raw = pdf_raw.strip() or pdf_line
    token, index, similarity = nearest_token(raw, scan_lines)
    if similarity < SIMILAR_VALUE:
        return VALUE_DROPPED, token
    scan_line = scan_lines[index]
    if _squeeze(raw) not in _squeeze(scan_line):
        position = pdf_line.find(raw)
        sign_before = position > 0 and pdf_line[:position].rstrip()[-1:] in _CURRENCY_SIGNS
        return value_damage(_squeeze(raw), token, sign_before), scan_line
    words = label_words(pdf_line, raw)
    damage = label_damage(words, scan_lines, index)
    if damage is not None:
        return damage, scan_line
    if len(scan_line.split()) >= MERGED_WORDS * max(1, len(pdf_line.split())) + 1:
        return LINE_MERGED, scan_line
    pdf_order, scan_order = _order(words, raw, pdf_line), _order(words, raw, scan_line)
    if len(pdf_order) == len(scan_order) and _rank(pdf_order) != _rank(scan_order):
        return WORD_ORDER, scan_line
    return RULES, scan_line


def _rank(positions: list[int]) -> list[int]:
    return sorted(range(len(positions)), key=lambda i: positions[i])
