"""Amounts printed in brackets, as accounts print a negative ('(38 657,24) EUR'): a credit note's
total where its title was lost. The amount's value stays as read; only its sign is told."""

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
