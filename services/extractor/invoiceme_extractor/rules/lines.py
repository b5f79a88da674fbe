"""The document as the rules see it: cleaned lines that remember their page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..text import clean_page_text, hebrew_ratio


@dataclass(frozen=True)
class Line:
    text: str
    page: int
    index: int  # position in the whole document


@dataclass(frozen=True)
class Found:
    """One field's value as the rules read it, with where it came from."""

    value: Any
    raw: str  # the characters the value was read from
    line: Line
    confidence: float


def document_lines(pages: list[tuple[int, str]]) -> list[Line]:
    lines: list[Line] = []
    for page_number, text in pages:
        for line_text in clean_page_text(text):
            lines.append(Line(line_text, page_number, len(lines)))
    return lines


def document_language(lines: list[Line]) -> str:
    return "he" if hebrew_ratio(" ".join(line.text for line in lines)) > 0.3 else "en"


def following(lines: list[Line], line: Line, count: int = 2) -> list[Line]:
    """The next lines on the same page: where stacked layouts put a label's value."""
    after = lines[line.index + 1 : line.index + 1 + count]
    return [candidate for candidate in after if candidate.page == line.page]
