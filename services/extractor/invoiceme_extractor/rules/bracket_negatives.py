"""Amounts printed in accounting brackets: '(1,443.46)' is -1,443.46.

Credit notes print their amounts negative, often in brackets; a right-to-left line read by OCR
may mirror them (')220.19('). The amount parser reads the digits alone, so a credit note whose
title OCR garbled ('חשבון זיכוי' read as letters scattered over a line) loses its only other mark:
the sign. A total printed in brackets with its VAT or net in brackets too is a negative total.
"""

from __future__ import annotations

import re

from .lines import Found


def _bracketed(found: Found) -> bool:
    """The amount's raw text stands between brackets on its line, either way round."""
    if not found.raw:
        return False
    raw = re.escape(found.raw)
    return bool(re.search(rf"[()]\s*{raw}\s*[()]", found.line.text))


def negative_by_brackets(total: Found | None, parts: list[Found | None]) -> bool:
    """The total and at least one of its parts are printed in brackets: accounting negatives."""
    return (
        total is not None
        and _bracketed(total)
        and any(part is not None and _bracketed(part) for part in parts)
    )
