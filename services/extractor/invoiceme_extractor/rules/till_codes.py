"""A till slip's codes (store, till and receipt numbers: 'S56 T5 R861608426') printed after a
Hebrew written date: a right-to-left text layer gives them between the date's month and its year
('21 באוגוסט S56 T5 R861608426 2024'), so no date pattern reads it. The year is put back after its
month and the codes after it (same length: positions still point into the printed line)."""

from __future__ import annotations

import re

# a day, a Hebrew month word, one to four codes of a capital and digits, a four-digit year of this era
_CODES_BEFORE_YEAR = re.compile(
    r"(?<![\w.,/-])(\d{1,2}\s+[\u05d0-\u05ea]{3,}\s+)((?:[A-Z]\d+\s+){1,4})((?:19|20)\d{2})(?![\w.,/-])"
)


def with_year_before_codes(line: str) -> str:
    """The line with a year a right-to-left row moved past the till's codes put back after its month."""
    if not _CODES_BEFORE_YEAR.search(line):
        return line
    return _CODES_BEFORE_YEAR.sub(
        lambda match: f"{match.group(1)}{match.group(3)} {match.group(2).rstrip()}", line
    )
