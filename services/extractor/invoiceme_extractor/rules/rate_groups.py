"""The amount due after a slip's groups of supplies: 'Total 6% supplies (Inc. GST): 30.01',
'Total 0% supplies: 7.43' (a return, its minus lost), then 'Total Payable: 22.58'. The parts of one
group add up and were read as the subtotal, VAT and total; the amount due printed after them is that
group's sum with another group's total added or taken away, and is what the slip charges."""

from __future__ import annotations

from .amount_candidates import Candidates
from .amounts import CENT, percent_in
from .lines import Found


def due_after_groups(found: Candidates, total: Found | None) -> Found | None:
    """The amount due printed under the chosen total, a group's ('Total 6% supplies'), that is it plus
    or minus another group's total (either sign: OCR drops a return's minus); else the chosen total."""
    if total is None or not total.raw or percent_in(total.line.text) is None:
        return total
    labelled = found.get("total_strong", []) + found.get("total_plain", [])
    for due, raw, line in found.get("total_strong", []):
        if line.index <= total.line.index or abs(due - total.value) <= CENT or due <= 0:
            continue
        # another group names its rate as the chosen one does: not a prepayment taken off a total
        others = [
            c
            for c in labelled
            if c[2] is not line and c[2] is not total.line and c[0] != 0 and percent_in(c[2].text) is not None
        ]
        if any(abs(abs(due - total.value) - abs(other[0])) <= CENT for other in others):
            return Found(due, raw, line, min(total.confidence, 0.85))
    return total
