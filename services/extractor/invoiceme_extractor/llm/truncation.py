"""Fit long OCR text into a model's budget without losing what matters.

Invoices put the vendor and numbers in the header and the totals at the foot; the middle is often
pages of line items. Keep the head and tail whole, then the middle lines that carry amounts or
field keywords, in their original order.
"""

from __future__ import annotations

import re

_IMPORTANT = re.compile(
    r"\d[\d,.]*\d|total|subtotal|vat|tax|due|invoice|date|סה\"כ|מע\"מ|לתשלום|חשבונית|תאריך|הקצאה|ח\.?פ|ע\.?מ",
    re.I,
)
CHARS_PER_TOKEN = 3.5  # conservative for mixed Hebrew/English under BPE tokenizers


def estimate_tokens(text: str) -> int:
    return int(len(text) / CHARS_PER_TOKEN) + 1


def truncate_for_budget(text: str, max_tokens: int, head_lines: int = 25, tail_lines: int = 25) -> str:
    if estimate_tokens(text) <= max_tokens:
        return text
    budget = int(max_tokens * CHARS_PER_TOKEN)
    lines = text.splitlines()
    keep: set[int] = set(range(min(head_lines, len(lines)))) | set(
        range(max(0, len(lines) - tail_lines), len(lines))
    )
    used = sum(len(lines[i]) + 1 for i in keep)
    for index, line in enumerate(lines):
        if index not in keep and _IMPORTANT.search(line) and used + len(line) + 1 <= budget:
            keep.add(index)
            used += len(line) + 1
    kept = [lines[i] for i in sorted(keep)]
    result, size = [], 0
    for line in kept:  # head/tail alone may still exceed a tiny budget
        if size + len(line) + 1 > budget:
            break
        result.append(line)
        size += len(line) + 1
    return "\n".join(result)
