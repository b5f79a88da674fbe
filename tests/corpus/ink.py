"""Filled-in values on a pre-printed form: which parts of a printed line are the values a shopkeeper
writes (or prints slanted) into a receipt book, and which are the form's own labels.

A value is a run of words that hold a digit (amounts, dates, numbers, ids, "12 Jan 2025" whole) or a
named phrase (the customer's name); everything else stays in the page's face."""

from __future__ import annotations

import re

_DIGIT_RUN = re.compile(r"\S*\d\S*(?:\s+(?:[^\s\d]{1,4}\s+)?\S*\d\S*)*")


def split_values(text: str, phrases: tuple[str, ...] = ()) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_value) in reading order, pieces stripped of the spaces between
    them; one (text, False) piece when nothing in it is a value."""
    spans = [m.span() for phrase in phrases if phrase for m in re.finditer(re.escape(phrase), text)]
    spans += [m.span() for m in _DIGIT_RUN.finditer(text)]
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:  # inside a value already taken (a name with a digit in it)
            continue
        pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    pieces.append((text[position:], False))
    return [(piece.strip(), value) for piece, value in pieces if piece.strip()] or [(text, False)]
