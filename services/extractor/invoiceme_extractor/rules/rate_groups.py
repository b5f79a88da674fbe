"""The amount due after a slip's groups of supplies: 'Total 6% supplies (Inc. GST): 30.01',
'Total 0% supplies: 7.43' (a return, its minus lost), then 'Total Payable: 22.58'. The parts of one
group add up and were read as the subtotal, VAT and total; the amount due printed after them is that
group's sum with another group's total added or taken away, and is what the slip charges: two printed
totals add up to it, so it is as sure as a checked total. A due amount printed after the groups that
two groups' totals miss by one digit OCR confuses is mended to their sum (`due_mended_by_groups`)."""

from __future__ import annotations

import re

from . import labels
from .amount_candidates import Candidates
from .amounts import CENT, percent_in
from .lines import Found
from .repair import confusion_variants, may_be_misread

REPAIRED = 0.75  # a due amount two groups' totals mend by one confused digit: checked, but mended

# 'Total @% supplies': the 0 % group's 0 read as '@' (a look-alike in a slip's small print)
_ZERO_AS_AT = re.compile(r"(?<![\w.])@\s?%")


def names_a_rate(text: str) -> bool:
    """A line that names its group's rate ('Total 6% supplies', 'Total @% supplies')."""
    return percent_in(text) is not None or _ZERO_AS_AT.search(text) is not None


def due_after_groups(found: Candidates, total: Found | None) -> Found | None:
    """The amount due printed under the chosen total, a group's ('Total 6% supplies'), that is it plus
    or minus another group's total (either sign: OCR drops a return's minus); else the chosen total."""
    if total is None or not total.raw or not names_a_rate(total.line.text):
        return total
    labelled = found.get("total_strong", []) + found.get("total_plain", [])
    # a plain total that names no group's rate is one too: the due label OCR damaged ('Total Pays: 73.55')
    dues = found.get("total_strong", []) + [
        c for c in found.get("total_plain", []) if not names_a_rate(c[2].text)
    ]
    for due, raw, line in dues:
        if line.index <= total.line.index or abs(due - total.value) <= CENT or due <= 0:
            continue
        # another group names its rate as the chosen one does: not a prepayment taken off a total
        others = [
            c
            for c in labelled
            if c[2] is not line and c[2] is not total.line and c[0] != 0 and names_a_rate(c[2].text)
        ]
        if any(abs(abs(due - total.value) - abs(other[0])) <= CENT for other in others):
            return Found(due, raw, line, 0.85)  # two groups add up to it: as sure as a checked total
    return total


def due_mended_by_groups(found: Candidates, total: Found | None) -> Found | None:
    """The amount due under a slip's groups (a total naming no rate) with one digit OCR confused
    mended, where two groups' totals printed above it add up to that reading and not to the due as
    read ('Total Payable: 19.34' under 'Total 6% supplies (Inc. GST): 7.63' and 'Total 0% supplies:
    11.68'); else the total as it is."""
    if total is None or not total.raw or names_a_rate(total.line.text) or not may_be_misread(total.line):
        return total
    # a group's total with its tax ('Total 6% supplies (Inc. GST)') is classed as a VAT line
    labelled = found.get("total_strong", []) + found.get("total_plain", []) + found.get("vat", [])
    groups = [
        c
        for c in labelled
        if c[2].index < total.line.index
        and c[0] > 0
        and names_a_rate(c[2].text)
        and labels.TOTAL_PLAIN.search(c[2].text)
    ]
    sums = [a[0] + b[0] for n, a in enumerate(groups) for b in groups[n + 1 :] if a[2] is not b[2]]
    if any(abs(added - total.value) <= CENT for added in sums):
        return total
    mended = [
        value
        for value in confusion_variants(total.value, total.raw)
        if any(abs(added - value) <= CENT for added in sums)
    ]
    return Found(mended[0], total.raw, total.line, REPAIRED) if len(mended) == 1 else total
