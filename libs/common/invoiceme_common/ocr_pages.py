"""What OCR read on one page: words and lines with their boxes. Plain frozen dataclasses, not
pydantic models, so the code that reads a page (and `invoiceme ocr FILE`) runs without importing
pydantic (~0.15-0.3 s of CPU for a one-page command); `events.OcrDocument`, the stored document,
holds them and validates and serializes them like models.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Self


class _Copyable:
    def model_copy(self, update: dict[str, Any]) -> Self:
        """A copy with some fields changed (pydantic's name, kept from when these were models)."""
        return dataclasses.replace(self, **update)  # type: ignore[type-var]  # only dataclasses mix this in


@dataclass(frozen=True)
class OcrWord(_Copyable):
    text: str
    # Box in page pixels (for a text-layer page: PDF points scaled to 300 DPI), origin top-left.
    left: int
    top: int
    width: int
    height: int
    confidence: float  # 0..1; 1.0 for a text layer
    line: int = 0  # index of the line within the page


@dataclass(frozen=True)
class OcrLine(_Copyable):
    """One text line in reading order, with the box around all its words."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float  # 0..1 mean of its words


@dataclass(frozen=True)
class OcrPage(_Copyable):
    number: int  # 1-based
    text: str  # plain text in reading order
    method: Literal["text_layer", "ocr"]
    confidence: float  # 0..1 mean word confidence
    width: int = 0
    height: int = 0
    words: list[OcrWord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "fixed visual-order Hebrew", "deskewed 3.2°"
    lines: list[OcrLine] = field(default_factory=list)  # `words[i].line` indexes this list
    seconds: float | None = None  # time spent reading this page
    # The same page read again at another size (OCR's `second_reads`), boxes in this page's pixels:
    # the extractor keeps, per field, the read it is surer of. None: read once.
    second_read: OcrPage | None = None


def words_box(words: Iterable[OcrWord]) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the box around the words (at least one)."""
    words = list(words)
    return (
        min(w.left for w in words),
        min(w.top for w in words),
        max(w.left + w.width for w in words),
        max(w.top + w.height for w in words),
    )
