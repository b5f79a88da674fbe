"""Fit long OCR text into a model's budget without losing what matters.

Invoices put the vendor and numbers in the header and the totals at the foot; the middle is often
pages of line items. Keep the head and tail whole, then the middle lines that carry amounts or
field keywords, in their original order.
"""

from __future__ import annotations

import re

from invoiceme_common.llm.tokens import CHARS_PER_TOKEN, estimate_tokens

_IMPORTANT = re.compile(
    r"\d[\d,.]*\d|total|subtotal|vat|tax|due|invoice|date|סה\"כ|מע\"מ|לתשלום|חשבונית|תאריך|הקצאה|ח\.?פ|ע\.?מ",
    re.I,
)


def _take(indexes: range, lines: list[str], limit: int, budget: int) -> tuple[set[int], int]:
    taken: set[int] = set()
    used = 0
    for index in indexes:
        if len(taken) >= limit or used + len(lines[index]) + 1 > budget:
            break
        taken.add(index)
        used += len(lines[index]) + 1
    return taken, used


def truncate_for_budget(text: str, max_tokens: int, head_lines: int = 25, tail_lines: int = 25) -> str:
    if estimate_tokens(text) <= max_tokens:
        return text
    budget = int(max_tokens * CHARS_PER_TOKEN)
    lines = text.splitlines()
    # Head and tail get at most 40 % each, so the totals at the foot survive a long header.
    head, head_used = _take(range(len(lines)), lines, head_lines, int(budget * 0.4))
    tail, tail_used = _take(range(len(lines) - 1, -1, -1), lines, tail_lines, int(budget * 0.4))
    keep = head | tail
    used = head_used + tail_used
    for index, line in enumerate(lines):
        if index not in keep and _IMPORTANT.search(line) and used + len(line) + 1 <= budget:
            keep.add(index)
            used += len(line) + 1
    return "\n".join(lines[i] for i in sorted(keep))
