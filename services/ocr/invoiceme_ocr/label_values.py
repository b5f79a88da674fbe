"""Tax ids whose label was read but whose value was not, read again from the print beside the label.

On dev photos and scans a third of the vendor tax ids the extractor missed had their label in the
OCR text ('NIF-IVA', 'ע.מ.', 'VAT Reg. No.') while the digits beside it came out broken
('ESBO99934481' for ESB93934481, 'ב-ב0-2274' for 09-227442-2) or not at all. The label says where
the id is and what it must look like: so where no word beside a label is an id that passes its check
(the Israeli check digit, an EU VAT number's), the strip beside it (left of a Hebrew label, right of
a Latin one) is cut out, enlarged and read as one line with `eng`; an id found there that passes its
check replaces the words it lies on. Pages without such a label cost nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from . import label_below
from .crop_polarity import dark_print
from .engine import clean_text
from .tax_id_labels import EIN_LABEL, Label, find_labels
from .tax_id_shapes import ids_in
from .unread_ink import overlaps, with_words

BESIDE = 16.0  # how far beside the label (in its heights) its value is looked for and read
ABOVE, BELOW = 0.6, 0.6  # the strip's margin above and below the label's row (its heights)
# How a strip is read, in turn until one reading holds a valid id: (its print enlarged to this
# height in px, sharpened). Tesseract reads digits best near 25-35 px; a blurred photo's small print
# reads right in one of these and not the others (docs/BENCHMARKS.md, ids12).
READ_AS: tuple[tuple[int, bool], ...] = ((36, False), (28, True), (44, True))
MAX_ENLARGE = 4.0
PAD = 10  # white border: Tesseract misreads ink that touches the image's edge
MAX_PER_PAGE = 3  # strips read per page (one Tesseract call each)
MIN_CONTRAST = 40  # grey levels between a crop's darkest and lightest pixel: less is blank paper
INKED_ROW = 0.01  # of the strip's width: a row with less dark pixels is white between lines
MIN_ROW = 4  # px: shorter runs of inked rows are specks and rules
GAP = 1.5  # print heights: a wider gap of white parts the id from what follows it
MIN_VALUE_WIDTH = 3.0  # print heights: a group of ink narrower than this is a mark, not an id

CHECKED = 0.5  # confidence of an id read beside its label that passed its check

# A country code's I read as 1 or l, its E as € ('1€-2726142L' for IE-2726142L under 'VAT No.' on a dev
# photo, seed 11, in all three reads of the strip): undone before an id is looked for in a strip's read
_PREFIX_LOOKALIKE = re.compile(r"^([1l|A-Z])([E€T])(?=[-\s.]?\d)")

ReadAs = tuple[int, bool]
Strip = tuple[int, int, int, int]  # left, top, right, bottom on the page
ReadLine = Callable[[np.ndarray], dict[str, list]]  # an image -> Tesseract's word data


def strip_beside(label: Label, page_width: int, page_height: int) -> Strip:
    """(left, top, right, bottom) of the print beside the label where its value is: left of a Hebrew
    label (read right to left), right of a Latin one; the label's row with a margin."""
    reach = int(BESIDE * label.height)
    top = max(0, label.top - int(ABOVE * label.height))
    bottom = min(page_height, label.bottom + int(BELOW * label.height))
    if label.rtl:
        return max(0, label.left - reach), top, label.left, bottom
    return label.right, top, min(page_width, label.right + reach), bottom


def runs_of(flags: list[bool]) -> list[tuple[int, int]]:
    """(first, last + 1) of each run of True."""
    runs, start = [], None
    for index, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            runs.append((start, index))
            start = None
    return runs


def ink_of(crop: np.ndarray) -> np.ndarray | None:
    """The crop's dark pixels as 1 (Otsu), or None when it is blank paper."""
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < MIN_CONTRAST:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def value_area(gray: np.ndarray, strip: Strip, label: Label) -> tuple[Strip, int]:
    """The strip narrowed to the print level with the label (a photo's word boxes are loose, and a
    strip holding part of another line is misread as one line) and to the first group of ink from
    the label's side (a wide strip of paper grain reads as letters); and that print's height."""
    left, top, right, bottom = strip
    ink = ink_of(gray[top:bottom, left:right])
    if ink is None:
        return strip, label.height
    rows = [
        (top + a, top + b)
        for a, b in runs_of((ink.sum(axis=1) > max(2, INKED_ROW * ink.shape[1])).tolist())
        if b - a >= MIN_ROW
    ]
    middle = (label.top + label.bottom) / 2
    level = [run for run in rows if run[0] - label.height / 4 <= middle <= run[1] + label.height / 4]
    if not level:
        return strip, label.height
    first, last = min(level, key=lambda run: abs((run[0] + run[1]) / 2 - middle))
    row_height = last - first
    margin = max(2, row_height // 4)
    top, bottom = max(top, first - margin), min(bottom, last + margin)
    columns = ink[first - strip[1] : last - strip[1]].sum(axis=0) > 0
    if label.rtl:
        columns = columns[::-1]
    reach = len(columns)
    for start, end in runs_of(list(smoothed(columns.tolist(), int(GAP * row_height)))):
        if end - start >= MIN_VALUE_WIDTH * row_height:
            reach = min(len(columns), end + row_height)
            break
    if label.rtl:
        return (right - reach, top, right, bottom), row_height
    return (left, top, left + reach, bottom), row_height


def other_side(label: Label, page_width: int, page_height: int) -> tuple[Strip, Label]:
    """The print beside the label on the side a value seldom is (right of a Hebrew label, left of a
    Latin one: a key/value grid with its values in the outer column), up to the page's edge (its
    first group of print from the label is read); and a stand-in label that reads it from the
    label's side."""
    flipped = replace(label, rtl=not label.rtl)
    left, top, right, bottom = strip_beside(flipped, page_width, page_height)
    return ((left, top, page_width, bottom) if label.rtl else (0, top, right, bottom)), flipped


def smoothed(flags: list[bool], gap: int) -> list[bool]:
    """Runs of True joined across gaps of False shorter than `gap` (the spaces inside an id)."""
    out = list(flags)
    last_true = None
    for index, flag in enumerate(flags):
        if flag:
            if last_true is not None and 0 < index - last_true - 1 < gap:
                out[last_true + 1 : index] = [True] * (index - last_true - 1)
            last_true = index
    return out


def _in_strip(word: OcrWord, strip: Strip) -> bool:
    left, top, right, bottom = strip
    middle = word.top + word.height / 2
    return top <= middle <= bottom and word.left < right and word.left + word.width > left


def needs_reading(words: list[OcrWord], label: Label, strip: Strip, ein: bool = False) -> bool:
    """Whether no word in the label or beside it holds an id that passes its check (`ein`: as
    `tax_id_shapes.valid_id`)."""
    own = [words[i].text for i in label.indexes]
    beside = [w.text for i, w in enumerate(words) if i not in label.indexes and _in_strip(w, strip)]
    own_tails = [re.sub(r"^\D*?(?=[A-Z]{2}\d|\d)", "", text) for text in own]  # 'ע.מ.514321678'
    return not any(True for _ in ids_in(own_tails + beside, ein))


def enlarged(gray: np.ndarray, strip: Strip, print_height: int, read_as: ReadAs) -> tuple[np.ndarray, float]:
    """The strip with a white border, enlarged so its print is `read_as`'s height, sharpened if asked."""
    left, top, right, bottom = strip
    target_height, sharpen = read_as
    crop = cv2.copyMakeBorder(
        dark_print(gray[top:bottom, left:right]), PAD, PAD, PAD, PAD, cv2.BORDER_CONSTANT, value=255
    )
    scale = min(MAX_ENLARGE, max(1.0, target_height / max(1, print_height)))
    if scale > 1.0:
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    if sharpen:  # unsharp mask: a photo's blur spreads a digit's strokes into its neighbours'
        blurred = cv2.GaussianBlur(crop, (0, 0), scale)
        crop = cv2.addWeighted(crop, 1.8, blurred, -0.8, 0)
    return crop, scale


def printed_prefix(text: str) -> str:
    """The word with a country code's look-alikes undone ('1€-2726142L' -> 'IE-2726142L')."""

    def undone(match: re.Match[str]) -> str:
        first, second = match[1], match[2].replace("€", "E")
        return ("I" if first in "1l|" else first) + second

    return _PREFIX_LOOKALIKE.sub(undone, text)


def id_word_read(
    data: dict[str, list], strip: Strip, scale: float, line: int, ein: bool = False
) -> OcrWord | None:
    """The id the strip's read holds (the one nearest the label when several), as a page word;
    `ein`: as `tax_id_shapes.valid_id`."""
    read = [
        (printed_prefix(clean_text(str(text)).strip()), float(conf) / 100, i)
        for i, (text, conf) in enumerate(zip(data["text"], data["conf"], strict=True))
        if clean_text(str(text)).strip() and float(conf) >= 0
    ]
    found = list(ids_in([text for text, _, _ in read], ein))
    if not found:
        return None
    first, last, value = found[0]
    parts = [read[k] for k in range(first, last + 1)]
    # The LSTM is unsure of blurred small print read right (a dev photo's 'ESB93934481' at 0.0): the
    # check the id passed is the evidence, so the word says at least CHECKED.
    confidence = max(CHECKED, min(conf for _, conf, _ in parts))

    def page_x(x: float) -> int:
        return int(strip[0] + x / scale - PAD)

    def page_y(y: float) -> int:
        return int(strip[1] + y / scale - PAD)

    lefts = [data["left"][i] for _, _, i in parts]
    rights = [data["left"][i] + data["width"][i] for _, _, i in parts]
    tops = [data["top"][i] for _, _, i in parts]
    bottoms = [data["top"][i] + data["height"][i] for _, _, i in parts]
    left, top = page_x(min(lefts)), page_y(min(tops))
    return OcrWord(
        text=value,
        left=left,
        top=top,
        width=max(1, page_x(max(rights)) - left),
        height=max(1, page_y(max(bottoms)) - top),
        confidence=round(confidence, 3),
        line=line,
    )


def with_id_word(words: list[OcrWord], label_words: list[OcrWord], new: OcrWord) -> list[OcrWord]:
    """The words with `new` in place of those it lies on (not the label's), else right after the label."""
    label_ids = {id(w) for w in label_words}
    under = {i for i, w in enumerate(words) if id(w) not in label_ids and overlaps(w, new)}
    after_label = max(i for i, w in enumerate(words) if id(w) in label_ids) + 1
    at = min(under) if under else after_label
    kept = [w for i, w in enumerate(words[:at]) if i not in under]
    rest = [w for i, w in enumerate(words[at:], start=at) if i not in under]
    return [*kept, new, *rest]


def _read_area(
    gray: np.ndarray, area: tuple[Strip, int], line: int, read_line: ReadLine, ein: bool
) -> OcrWord | None:
    """The id read in the area (a strip and its print's height), each of READ_AS in turn."""
    strip, print_height = area
    for read_as in READ_AS:
        crop, scale = enlarged(gray, strip, print_height, read_as)
        if (new := id_word_read(read_line(crop), strip, scale, line, ein)) is not None:
            return new
    return None


def _has_id(words: list[OcrWord], area: Strip, ein: bool) -> bool:
    return any(True for _ in ids_in([w.text for w in words if _in_strip(w, area)], ein))


def reread_label_values(page: OcrPage, gray: np.ndarray, read_line: ReadLine) -> OcrPage:
    """The page with ids read again beside labels that have none (`read_line`: one line, `eng`),
    or under them (`label_below`) where nothing under them is an id either, or on the label's other
    side (`other_side`: 'ע.מ.' at the page's left, its value right-aligned in the outer column)."""
    height, width = gray.shape[:2]
    found: list[tuple[list[OcrWord], OcrWord]] = []  # (the label's words, the id read beside it)
    reads = 0
    for label in find_labels(page.words):
        strip = strip_beside(label, width, height)
        ein = bool(EIN_LABEL.search(" ".join(page.words[i].text for i in label.indexes)))
        if not needs_reading(page.words, label, strip, ein):
            continue
        if reads == MAX_PER_PAGE:
            break
        reads += 1
        line = page.words[label.indexes[0]].line
        areas = [value_area(gray, strip, label)] if strip[2] - strip[0] >= label.height else []
        below = label_below.strip_below(label, int(BESIDE * label.height), width, height)
        if not _has_id(page.words, below, ein):
            ink = ink_of(gray[below[1] : below[3], below[0] : below[2]])
            row = label_below.first_row(below, ink, label.height // 2)
            areas += [row] if row is not None else []
        outer, flipped = other_side(label, width, height)  # a grid's outer column
        if outer[2] - outer[0] >= label.height and not _has_id(page.words, outer, ein):
            areas.append(value_area(gray, outer, flipped))
        reads_of_areas = (_read_area(gray, area, line, read_line, ein) for area in areas)
        new = next(filter(None, reads_of_areas), None)
        if new is not None:
            found.append(([page.words[i] for i in label.indexes], new))
    if not found:
        return page
    words = list(page.words)
    for label_words, new in found:
        words = with_id_word(words, label_words, new)
    return with_words(page, words, "re-read ids beside their labels")
