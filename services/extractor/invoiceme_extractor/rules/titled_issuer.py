"""A title that names its issuer: 'Receipt from Acme Labs, Inc.', 'Invoice from Harbor Design LLC',
'Rechnung von Müller Elektro' (payment services and marketplaces print their receipts so). The
words after 'from' are the issuer's name; the title before them is no part of it."""

from __future__ import annotations

import re

from .titles import type_of

# the title's words, then 'from' / 'von' and the name
_FROM = re.compile(r"\s+(?:from|von)\s+(?=\S)", re.I)
TITLE_OPENS = 3  # characters before the title word that still open the line (a mark, a bullet)


def name_after_title(text: str) -> str:
    """The name after '<title> from' ('Receipt from Acme Labs, Inc.' -> 'Acme Labs, Inc.'), or the
    text as it was."""
    joint = _FROM.search(text)
    if joint is None:
        return text
    named = type_of(text[: joint.start()])
    if named is None or named[1].start() > TITLE_OPENS:
        return text
    return text[joint.end() :]
