"""Right-to-left reading order for Hebrew from a PDF's glyphs, and a test for backwards Hebrew.

A PDF places glyphs; it does not say in which order they are read. Many Hebrew PDFs store them in
visual order (left to right as drawn), and extractors that trust the storage order spell Hebrew
backwards, mirror brackets and break numbers ("12,260.20-", ",110"). Here the order is rebuilt from
what is drawn: the words of a line sorted left to right are turned into reading order with a
reduced Unicode bidi algorithm (enough for invoices: Hebrew, Latin words, numbers with their
separators and signs, brackets).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

Token = TypeVar("Token")

_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_DIGIT = re.compile(r"[0-9]")
_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")
# In a reversed (reading-order) Hebrew word, a left-to-right run that must be turned back:
# a number or Latin word with its inner separators, a % sign before it (it reads "18%") and a
# sign after it (drawn "-12.00": the minus sits left of the digits, so it follows them here).
_LTR_RUN = re.compile(r"%?[0-9A-Za-z](?:[0-9A-Za-z]|[.,:/\-'’](?=[0-9A-Za-z]))*(?:[-+](?![0-9A-Za-z]))?")
_WORD_HEBREW_RUN = re.compile(r"[\u05d0-\u05ea]{2,}")
FINAL_FORMS = "ךםןףץ"


def has_hebrew(text: str) -> bool:
    return bool(_HEBREW_LETTER.search(text))


def is_rtl_line(text: str) -> bool:
    """A line whose Hebrew letters are at least as many as its Latin ones reads right to left."""
    hebrew = len(_HEBREW_LETTER.findall(text))
    return hebrew > 0 and hebrew >= len(_LATIN_LETTER.findall(text))


def final_form_votes(text: str) -> tuple[int, int]:
    """(words ending in a final letter, words starting with one).

    Hebrew has five letters with a special final form (ם ן ך ף ץ) used only at the end of a word,
    so in correctly ordered text they end words and in backwards text they start them.
    """
    words = _WORD_HEBREW_RUN.findall(text)
    forwards = sum(1 for word in words if word[-1] in FINAL_FORMS)
    backwards = sum(1 for word in words if word[0] in FINAL_FORMS)
    return forwards, backwards


def looks_reversed(text: str) -> bool:
    """True when the Hebrew in `text` is spelled backwards (visual order)."""
    forwards, backwards = final_form_votes(text)
    return backwards >= 2 and backwards > forwards


def visual_word_to_logical(visual_word: str) -> str:
    """A word of a right-to-left run, drawn left to right -> reading order: letters reversed and
    brackets mirrored, but numbers and Latin inside it kept as drawn (",110" -> "110,")."""
    reading = visual_word[::-1].translate(_MIRRORED)
    return _LTR_RUN.sub(lambda match: match.group(0)[::-1].translate(_MIRRORED), reading)


def _direction(word: str) -> str:
    if has_hebrew(word):
        return "R"
    if _LATIN_LETTER.search(word):
        return "L"
    return "EN" if _DIGIT.search(word) else "N"


def _runs(directions: list[str], starts: str, joins: tuple[str, ...]) -> list[tuple[int, int]]:
    """(first, last) index of each run that starts with a `starts` word and continues over
    non-opposite words while they end on one of `joins`; everything else is a run of one."""
    opposite = "R" if starts == "L" else "L"
    runs, index = [], 0
    while index < len(directions):
        end = index
        if directions[index] == starts:
            probe = index + 1
            while probe < len(directions) and directions[probe] != opposite:
                if directions[probe] in joins:
                    end = probe
                probe += 1
        runs.append((index, end))
        index = end + 1
    return runs


def visual_tokens_to_logical(
    tokens: Sequence[Token], text_of: Callable[[Token], str], rtl: bool = True
) -> list[tuple[Token, bool]]:
    """Reorder one phrase's words, given left to right as drawn, into reading order.

    Returns (word, reads_as_drawn): False for words of a right-to-left run, whose letters must
    be turned too (`visual_word_to_logical`). In a right-to-left phrase a left-to-right run
    starts with a Latin word and takes along the numbers after it and the neutrals between
    (bidi rules W7 and N1); in a left-to-right phrase a Hebrew run spans Hebrew words and what
    lies between them.
    """
    directions = [_direction(text_of(token)) for token in tokens]
    if rtl:
        runs = _runs(directions, "L", ("L", "EN"))
        return [
            (tokens[i], directions[first] == "L")
            for first, last in reversed(runs)
            for i in range(first, last + 1)
        ]
    runs = _runs(directions, "R", ("R",))
    ordered: list[tuple[Token, bool]] = []
    for first, last in runs:
        as_drawn = directions[first] != "R"
        span = range(first, last + 1) if as_drawn else range(last, first - 1, -1)
        ordered.extend((tokens[i], as_drawn) for i in span)
    return ordered


def visual_cells_to_logical(
    cells: Sequence[Sequence[Token]], text_of: Callable[[Token], str], rtl: bool = True
) -> list[tuple[Token, bool]]:
    """A line made of cells (table columns, separated by wide gaps): the cells are read in the
    line's direction, each one on its own — a run never continues into the next column."""
    ordered_cells = reversed(cells) if rtl else cells
    return [pair for cell in ordered_cells for pair in visual_tokens_to_logical(cell, text_of, rtl)]


def brackets_face_inwards(line: str) -> bool:
    """False when a line's brackets point outwards (")text("), as they do when one tool mirrored
    them for right-to-left display and another did not; `mirror_brackets` then fixes the line."""
    brackets = [char for char in line if char in "()[]{}"]
    return not (brackets and brackets[0] in ")]}" and brackets[-1] in "([{")


def mirror_brackets(text: str) -> str:
    return text.translate(_MIRRORED)


def visual_line_to_logical(visual_line: str) -> str:
    """A whole line drawn left to right (words separated by spaces) -> reading order."""
    words = visual_line.split()
    pairs = visual_tokens_to_logical(words, str, is_rtl_line(visual_line))
    return " ".join(word if as_drawn else visual_word_to_logical(word) for word, as_drawn in pairs)
