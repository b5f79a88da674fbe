"""A spaceless date's month whose J OCR read as a 3, a bracket or a pipe ('063UL2025', '06)UL2025'
for 06JUL2025): a receipt prints its date in capitals with no spaces, and the J's hook is all OCR
sees. No month is spelled 'UL', 'UN' or 'AN', so the J is put back (same length: positions still
point into the printed line, and the date is then said as a repair)."""

from __future__ import annotations

import re

# a two-digit day (as such receipts print it: '13UN2024' may be the 13th with its J lost), the J's
# look-alike, the rest of JAN / JUN / JUL, a four-digit year of this era, the whole token
_J_LOOKALIKE = re.compile(r"(?<![\w])(\d{2})[3)\]|](AN|UN|UL)((?:19|20)\d{2})(?!\w)", re.I)


def with_month_j_restored(line: str) -> str:
    """The line with each spaceless date's lost J put back ('063UL2025' -> '06JUL2025')."""
    upper = line.upper()
    if "UL" not in upper and "UN" not in upper and "AN" not in upper:
        return line
    return _J_LOOKALIKE.sub(lambda match: f"{match.group(1)}J{match.group(2)}{match.group(3)}", line)
