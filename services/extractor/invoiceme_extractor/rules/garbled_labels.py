"""Block labels OCR damaged by one letter ('פרטי לקותח' for 'פרטי לקוח', 'Custorner'): the lexicon's
exact patterns miss them, so the customer's block reads as nobody's and its id competes with the
issuer's. A word one substitution or insertion away from a customer word still names the block
where it heads one (a short cell with no digits, `blocks.party_cells`)."""

from __future__ import annotations

import re

# Words long enough that one changed letter leaves them unmistakable on an invoice
_CUSTOMER_WORDS = ("לקוח", "לכבוד", "customer", "client", "cliente", "kunde")
_HEBREW = "\u05d0-\u05ea"


def _one_edit(word: str) -> str:
    """A pattern for `word` with one letter replaced or one letter inserted (never one dropped: a
    shorter word is too often another word)."""
    letter = f"[{_HEBREW}]" if re.match(f"[{_HEBREW}]", word) else "[a-z]"
    variants = [word[:i] + letter + word[i + 1 :] for i in range(len(word))]
    variants += [word[:i] + letter + word[i:] for i in range(1, len(word))]
    return "|".join(variants)


def _bounded(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(_one_edit(word) for word in words)
    return re.compile(rf"(?<![{_HEBREW}a-z])(?:{alternatives})(?![{_HEBREW}a-z])", re.I)


GARBLED_CUSTOMER = _bounded(_CUSTOMER_WORDS)
