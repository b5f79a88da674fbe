"""Where on the page a value was read: the union box of the OCR words that spell it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from invoiceme_common.ocr_pages import words_box

from .contract import Alternative, Evidence


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def locate(
    words: Sequence[Any], raw: str, squashed: Sequence[str] | None = None
) -> tuple[int, int, int, int] | None:
    """Box (left, top, width, height) of the shortest run of words on one line containing `raw`
    (`squashed`: the words' texts through _squash, when the caller has them from an earlier call)."""
    target = _squash(raw)
    if not target or not words:
        return None
    if squashed is None:
        squashed = [_squash(word.text) for word in words]
    for start, first in enumerate(words):
        if target not in squashed[start] and not target.startswith(squashed[start]):
            continue  # what the loop below would stop at on its first word, without building it
        joined = ""
        for end in range(start, min(start + 8, len(words))):
            word = words[end]
            if word.line != first.line:
                break
            joined += squashed[end]
            if target in joined:
                left, top, right, bottom = words_box(words[start : end + 1])
                return left, top, right - left, bottom - top
            if not target.startswith(joined):
                break
    return None


def add_boxes(evidence: dict[str, Evidence], pages: Sequence[Any]) -> None:
    """Fill in boxes for evidence, and its alternatives, whose page carries OCR word boxes (OcrPage
    does; PageText does not)."""
    by_number = {page.number: getattr(page, "words", None) for page in pages}
    # each word squashed once, not again for every spot looked for on its page
    squashed = {number: [_squash(w.text) for w in words] for number, words in by_number.items() if words}
    for item in evidence.values():
        spots: list[Evidence | Alternative] = [item, *item.alternatives]
        for spot in spots:
            words = by_number.get(spot.page) if spot.page is not None else None
            if words and spot.box is None:
                found = locate(words, spot.text, squashed[spot.page])
                spot.box = list(found) if found else None
