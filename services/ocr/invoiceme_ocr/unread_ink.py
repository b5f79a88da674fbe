"""Lines of print a photo's page read left out, read again on their own.

On dev phone photos (seeds 7-9) half the tax ids the extractor missed were not in the OCR text at
all: a footer in small print came out as 'VAT Reg. No. 527:' with the rest of the number and the
phone number beside it missing, while the same rows cut out of the prepared page and read alone,
at the same size, gave the whole line ('VAT Reg. No. 527958409'). Tesseract's layout analysis of the
whole page, not the print's size, lost them. So the page's ink is laid out in text lines (the
ink mask the skew check uses) and a line the words read cover less than COVERED of is cut out with
its neighbours in a band across the page, read again, and its words replace the band's old ones
when the new reading holds more confident letters and digits.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .digits import line_from_words
from .engine import clean_text
from .preprocess.geometry import ink_mask, line_boxes, work_copy

COVERED = 0.85  # of an ink line's width that words (and the spaces between them) must cover
MARGIN = 0.6  # of the line's height added above and below the band
MIN_HEIGHT = 6  # px on the page: lower ink lines are rules, specks, underlines
SURE = 0.6  # words of the new reading below this confidence do not count as gained text
MIN_CONFIDENCE = 0.3  # words of the new reading below this are dropped as noise

Band = tuple[int, int]  # top, bottom rows on the page


def covered_width(words: list[OcrWord], left: int, top: int, right: int, bottom: int) -> int:
    """How much of [left, right] the words on the line cover, each with a space's width either side
    (half its height): a line read whole is covered from end to end."""
    spans = sorted(
        (max(left, w.left - w.height // 2), min(right, w.left + w.width + w.height // 2))
        for w in words
        if top <= w.top + w.height / 2 <= bottom
    )
    covered, reach = 0, left
    for start, end in spans:
        start = max(start, reach)
        if end > start:
            covered += end - start
            reach = end
    return covered


def unread_bands(words: list[OcrWord], ink_lines: list[tuple[int, int, int, int]], height: int) -> list[Band]:
    """Bands (merged, top to bottom) around the ink lines on the page (left, top, width, height,
    in page pixels) that the words read cover less than COVERED of."""
    bands: list[Band] = []
    for left, top, width, line_height in sorted(ink_lines, key=lambda box: box[1]):
        if line_height < MIN_HEIGHT:
            continue
        if covered_width(words, left, top, left + width, top + line_height) >= COVERED * width:
            continue
        margin = int(MARGIN * line_height)
        band = (max(0, top - margin), min(height, top + line_height + margin))
        if bands and band[0] <= bands[-1][1]:
            bands[-1] = (bands[-1][0], max(bands[-1][1], band[1]))
        else:
            bands.append(band)
    return bands


def page_ink_lines(gray: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The page's text-line blobs of ink, in page pixels."""
    work, scale = work_copy(gray)
    return [
        (int(x / scale), int(y / scale), int(w / scale), int(h / scale))
        for x, y, w, h in line_boxes(ink_mask(work))
    ]


def letters_and_digits(words: list[OcrWord]) -> int:
    return sum(sum(ch.isalnum() for ch in w.text) for w in words)


def overlaps(a: OcrWord, b: OcrWord) -> bool:
    width = min(a.left + a.width, b.left + b.width) - max(a.left, b.left)
    height = min(a.top + a.height, b.top + b.height) - max(a.top, b.top)
    return width > 0 and height > 0 and width * height > 0.3 * min(a.width * a.height, b.width * b.height)


def merged_words(old: list[OcrWord], new: list[OcrWord]) -> tuple[list[OcrWord], list[OcrWord]]:
    """(old words kept, new words taken): a sure new word fills a gap, or replaces the old words it
    lies on when it holds more letters and digits than they do ('527958409' over '527:')."""
    kept, taken = list(old), []
    for word in new:
        if word.confidence < SURE:
            continue
        under = [w for w in kept if overlaps(w, word)]
        if not under or letters_and_digits([word]) > letters_and_digits(under):
            kept = [w for w in kept if w not in under]
            taken.append(word)
    return kept, taken


def with_band_rereads(page: OcrPage, bands: list[Band], rereads: list[list[OcrWord]]) -> OcrPage:
    """The page with each band's re-read merged in (`merged_words`; new words in page pixels, their
    `line` numbering the band's lines); the page itself when nothing was taken."""
    words, lines = list(page.words), list(page.lines)
    for band, new_words in zip(bands, rereads, strict=True):
        kept, taken = merged_words([w for w in words if _in_band(w, band)], new_words)
        if not taken:
            continue
        words = [w for w in words if not _in_band(w, band)] + kept
        by_line: dict[int, list[OcrWord]] = {}
        for word in taken:
            by_line.setdefault(word.line, []).append(word)
        for members in by_line.values():
            placed = [w.model_copy(update={"line": len(lines)}) for w in members]
            lines.append(line_from_words(placed))
            words.extend(placed)
    if len(words) == len(page.words) and all(a is b for a, b in zip(words, page.words, strict=True)):
        return page
    return with_words(page, words, "re-read unread lines")


def with_words(page: OcrPage, words: list[OcrWord], note: str) -> OcrPage:
    """The page with these words (their `line` numbers the page's or new lines), its lines and text
    rebuilt from them: lines left without words dropped, the rest renumbered in order; `note` added."""
    used = sorted({w.line for w in words})
    renumber = {line: index for index, line in enumerate(used)}
    words = [w.model_copy(update={"line": renumber[w.line]}) for w in words]
    lines = [line_from_words([w for w in words if w.line == renumber[line]]) for line in used]
    return page.model_copy(
        update={
            "words": words,
            "lines": lines,
            "text": "\n".join(line.text for line in lines),
            "notes": [*page.notes, note],
        }
    )


def _in_band(word: OcrWord, band: Band) -> bool:
    return band[0] <= word.top + word.height / 2 <= band[1]


def reread_unread_ink(
    page: OcrPage, gray: np.ndarray, read_band: Callable[[np.ndarray], dict[str, list]]
) -> OcrPage:
    """Find the lines the page's read left out and read each band again with `read_band` (image ->
    Tesseract's word data)."""
    bands = unread_bands(page.words, page_ink_lines(gray), gray.shape[0])
    if not bands:
        return page
    rereads = []
    for top, bottom in bands:
        data = read_band(gray[top:bottom, :])
        rereads.append(band_words(data, top))
    return with_band_rereads(page, bands, rereads)


def band_words(data: dict[str, list], top: int) -> list[OcrWord]:
    """Tesseract's words on a band cut at row `top`, in page pixels, numbered by the band's lines."""
    keys: dict[tuple[int, int, int], int] = {}
    words = []
    for i, raw in enumerate(data["text"]):
        text = clean_text(str(raw)).strip()
        confidence = float(data["conf"][i]) / 100
        if not text or confidence < MIN_CONFIDENCE:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        words.append(
            OcrWord(
                text=text,
                left=int(data["left"][i]),
                top=int(data["top"][i]) + top,
                width=int(data["width"][i]),
                height=int(data["height"][i]),
                confidence=round(confidence, 3),
                line=keys.setdefault(key, len(keys)),
            )
        )
    return words
