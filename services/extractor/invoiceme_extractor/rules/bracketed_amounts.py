"""Amounts printed in brackets, as accounts print a negative ('(38 657,24) EUR', '(1,443.46)'): a
credit note's total where its title was lost or garbled ('חשבון זיכוי' read as letters scattered over
a line). The amount parser reads the digits alone; the value stays as read, only its sign is told."""

from __future__ import annotations

import re

from .lines import Found

# an opening bracket before the amount and a closing one after it (spaces, a currency sign or code
# between them and the amount)
_MONEY_MARK = r"(?:[₪$€£]|[A-Z]{3})?"


def in_brackets(found: Found | None) -> bool:
    """Whether the amount `found` was read from is printed inside a pair of brackets."""
    if found is None or not found.raw:
        return False
    text = found.line.text
    raw = re.escape(found.raw)
    pattern = rf"\(\s*{_MONEY_MARK}\s*{raw}\s*{_MONEY_MARK}\s*\)"
    return re.search(pattern, text) is not None


def _in_bare_brackets(found: Found) -> bool:
    """The amount's raw text alone between brackets on its line, either way round (a right-to-left
    line read by OCR may mirror them: ')220.19('); a currency inside them makes a restatement
    ('(USD 45.38)'), not a negative."""
    if not found.raw:
        return False
    raw = re.escape(found.raw)
    return bool(re.search(rf"[()]\s*{raw}\s*[()]", found.line.text))


def negative_by_brackets(total: Found | None, parts: list[Found | None]) -> bool:
    """The total and at least one of its parts (VAT, net) are printed in brackets: accounting
    negatives, a credit note's amounts."""
    return (
        total is not None
        and _in_bare_brackets(total)
        and any(part is not None and _in_bare_brackets(part) for part in parts)
    )
