"""Second look at amounts that Tesseract's Hebrew model shortened.

On Hebrew pages `heb+eng` often keeps one digit of a number printed beside ש"ח or ₪ and drops the
rest ("48,101.31 ש"ח" -> "1 ש"ח"), with high confidence. The word box still spans the whole number,
so the tell is geometric: a box far wider than its text. Such regions are cut out, stacked into one
small image and read again with `eng` alone (one extra Tesseract call per page, only when needed);
a re-read replaces the word only when it is a longer number that contains the old digits in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from invoiceme_common.ocr_pages import OcrLine, OcrPage, OcrWord, words_box

from .crop_polarity import dark_print

_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
_ONLY_DIGITS_AND_MARKS = re.compile(r"[-\d,./:]+")
# ש"ח, ₪ and what Tesseract makes of them (n"w); any short word with a quote mark, like מע"מ.
_CURRENCY_LIKE = re.compile(r'^(?:₪|\S{1,3}["״]\S{0,2})$')
_NARROW = set(",.'\"״׳:/-")  # count as 0.4 of a character
WIDE_DIGIT_WORD = 1.0  # box width per character, in box heights, above which digits went missing
WIDE_OTHER_WORD = 1.2
DOUBTFUL_NUMBER = 0.5  # confidence below which a number is read again whatever its box
CLUSTER_GAP = 3.0  # words of one amount are at most this many line heights apart
REACH = 2.0  # how far (line heights) beyond the cluster the lost digits may lie
STACK_GAP = 24  # white pixels between crops in the stacked image


@dataclass(frozen=True)
class Region:
    """A crop of the prepared page holding one suspect amount, and the word it may correct."""

    word_index: int
    left: int
    top: int
    right: int
    bottom: int

    @classmethod
    def around(cls, index: int, word: OcrWord, margin: int, page_width: int, page_height: int) -> Region:
        """Word `index`'s box grown by `margin` on every side, within the page."""
        return cls(
            index,
            max(0, word.left - margin),
            max(0, word.top - margin),
            min(page_width, word.left + word.width + margin),
            min(page_height, word.top + word.height + margin),
        )


@dataclass(frozen=True)
class Reading:
    """What the second pass read in one crop, and its least confident word (0..1)."""

    text: str
    confidence: float


def _width_per_char(word: OcrWord) -> float:
    marks = sum(ch in _NARROW for ch in word.text)
    size = len(word.text) - marks + 0.4 * marks
    return word.width / max(1, word.height) / max(size, 1.0)


def looks_shortened(word: OcrWord) -> bool:
    """A number or currency word whose box is much wider than its text, or a doubtful number."""
    if _DIGIT.search(word.text):
        return _width_per_char(word) > WIDE_DIGIT_WORD or word.confidence < DOUBTFUL_NUMBER
    if _CURRENCY_LIKE.match(word.text):
        return _width_per_char(word) > WIDE_OTHER_WORD
    return False


def _amount_part(word: OcrWord) -> bool:
    return bool(_DIGIT.search(word.text) or _CURRENCY_LIKE.match(word.text))


def suspect_regions(words: list[OcrWord], page_width: int, page_height: int) -> list[Region]:
    """Amounts (a number with its currency words) with one lone number whose boxes look too wide."""
    by_line: dict[int, list[int]] = {}
    for index, word in enumerate(words):
        by_line.setdefault(word.line, []).append(index)
    regions = []
    for indexes in by_line.values():
        ordered = sorted(indexes, key=lambda i: words[i].left)
        height = max(words[i].height for i in ordered)
        clusters: list[list[int]] = []
        for position, i in enumerate(ordered):
            if not _amount_part(words[i]):
                continue
            previous = ordered[position - 1] if position else None
            joined = (
                clusters
                and previous == clusters[-1][-1]
                and words[i].left - (words[previous].left + words[previous].width) <= CLUSTER_GAP * height
            )
            if joined:
                clusters[-1].append(i)
            else:
                clusters.append([i])
        for cluster in clusters:
            numbers = [i for i in cluster if _DIGIT.search(words[i].text)]
            if len(numbers) == 1 and any(looks_shortened(words[i]) for i in cluster):
                regions.append(_region(words, ordered, cluster, numbers[0], height, page_width, page_height))
            elif len(numbers) > 1:  # a table row ("12 90.00 0"): each too-wide number on its own
                regions += [
                    _region(words, ordered, [i], i, height, page_width, page_height)
                    for i in numbers
                    if looks_shortened(words[i])
                ]
    return regions


def _region(
    words: list[OcrWord],
    ordered: list[int],
    cluster: list[int],
    number: int,
    height: int,
    width: int,
    page_height: int,
) -> Region:
    left = min(words[i].left for i in cluster)
    right = max(words[i].left + words[i].width for i in cluster)
    before = [words[i].left + words[i].width for i in ordered if i not in cluster and words[i].left < left]
    after = [words[i].left for i in ordered if i not in cluster and words[i].left > right]
    margin = height // 4
    # Neighbours limit how far the crop reaches, never into the amount's own boxes: a word that
    # starts within `margin` of the amount (or overlaps it) would otherwise leave right < left.
    left = min(left, max(left - int(REACH * height), max(before, default=0) + margin, 0))
    right = max(right, min(right + int(REACH * height), min(after, default=width) - margin, width))
    top = max(0, min(words[i].top for i in cluster) - margin)
    bottom = min(page_height, max(words[i].top + words[i].height for i in cluster) + margin)
    return Region(number, left, top, right, bottom)


def stack_crops(page: np.ndarray, regions: list[Region]) -> tuple[np.ndarray, list[int]]:
    """One white image with the crops one under another (each as dark print on white:
    `crop_polarity.dark_print`); returns it and each crop's top row."""
    width = max(r.right - r.left for r in regions) + 2 * STACK_GAP
    height = sum(r.bottom - r.top + STACK_GAP for r in regions) + STACK_GAP
    stacked = np.full((height, width), 255, dtype=page.dtype)
    tops, y = [], STACK_GAP
    for r in regions:
        crop = dark_print(page[r.top : r.bottom, r.left : r.right])
        stacked[y : y + crop.shape[0], STACK_GAP : STACK_GAP + crop.shape[1]] = crop
        tops.append(y)
        y += crop.shape[0] + STACK_GAP
    return stacked, tops


def readings_per_crop(data: dict[str, list], tops: list[int], regions: list[Region]) -> list[Reading]:
    """Tesseract's words on the stacked image, given back to the crop each one sits in."""
    words: list[list[tuple[str, float]]] = [[] for _ in regions]
    for i, raw in enumerate(data["text"]):
        text = str(raw).strip()
        if not text or float(data["conf"][i]) < 0:
            continue
        middle = data["top"][i] + data["height"][i] / 2
        for k, (top, region) in enumerate(zip(tops, regions, strict=True)):
            if top <= middle <= top + region.bottom - region.top:
                words[k].append((text, float(data["conf"][i]) / 100))
    return [Reading(" ".join(t for t, _ in crop), min((c for _, c in crop), default=0.0)) for crop in words]


def _contains_in_order(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(ch in remaining for ch in short)


def better_number(old: str, reread: str) -> str | None:
    """The re-read number when it is the only one there, longer, and keeps the old digits in order."""
    numbers = _NUMBER.findall(reread)
    if len(numbers) != 1:
        return None
    old_digits, new_digits = re.sub(r"\D", "", old), re.sub(r"\D", "", numbers[0])
    if len(new_digits) <= len(old_digits) or not _contains_in_order(old_digits, new_digits):
        return None
    if _ONLY_DIGITS_AND_MARKS.fullmatch(old):  # "2/0": nothing but the broken number, keep its sign
        return ("-" if old.startswith("-") else "") + numbers[0]
    old_number = _NUMBER.search(old)
    return old.replace(old_number.group(), numbers[0], 1) if old_number else None


def apply_rereads(page: OcrPage, regions: list[Region], rereads: list[Reading]) -> OcrPage:
    """The page with corrected words, its lines and text rebuilt; unchanged when nothing improved."""

    def corrected(word: OcrWord, reread: Reading) -> OcrWord | None:
        text = better_number(word.text, reread.text)
        return None if text is None else word.model_copy(update={"text": text})

    return replace_words(page, regions, rereads, corrected, "re-read amounts")


def replace_words(
    page: OcrPage,
    regions: list[Region],
    rereads: list[Reading],
    corrected: Callable[[OcrWord, Reading], OcrWord | None],
    note: str,
) -> OcrPage:
    """The page with each re-read word that `corrected` rewrites replaced, its lines and text rebuilt
    (`note` says why); the page itself when none is. Every re-read pass ends here."""
    words = list(page.words)
    changed = False
    for region, reread in zip(regions, rereads, strict=True):
        if (new := corrected(words[region.word_index], reread)) is not None:
            words[region.word_index] = new
            changed = True
    return rebuild(page, words, note) if changed else page


def rebuild(page: OcrPage, words: list[OcrWord], note: str) -> OcrPage:
    """The page with new word texts: its lines and text rebuilt, and a note saying why."""
    lines = [_line(members, old) for members, old in zip(group_by_line(words), page.lines, strict=True)]
    text = "\n".join(line.text for line in lines)
    return page.model_copy(
        update={"words": words, "lines": lines, "text": text, "notes": [*page.notes, note]}
    )


def group_by_line(words: list[OcrWord]) -> list[list[OcrWord]]:
    """The words of each line (`word.line`), lines in order."""
    groups: dict[int, list[OcrWord]] = {}
    for word in words:
        groups.setdefault(word.line, []).append(word)
    return [groups[key] for key in sorted(groups)]


def _line(words: list[OcrWord], old: OcrLine) -> OcrLine:
    return old.model_copy(update={"text": " ".join(w.text for w in words)})


def line_from_words(words: list[OcrWord]) -> OcrLine:
    """One line of words: the box around them, their text, their mean confidence."""
    left, top, right, bottom = words_box(words)
    return OcrLine(
        text=" ".join(w.text for w in words),
        left=left,
        top=top,
        width=right - left,
        height=bottom - top,
        confidence=round(sum(w.confidence for w in words) / len(words), 3),
    )
