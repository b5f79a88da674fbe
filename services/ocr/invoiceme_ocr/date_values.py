"""Dates whose label was read but whose value was not, read again from the print beside or under it.

On dev scans a date printed in a boxed cell under its label ('תאריך חשבונית' over '27.03.24') came
out as letters ('aoe |'), and one in old-style figures ('16-06-2024') as a lone '4': the label was
read, the value beside or under it was not. The label says where the date is and what it looks like:
so where no word beside the label or in the row under it looks like a date, the print beside it (left
of a Hebrew label, right of a Latin one), then the first row of print under it, then the print on
its other side (a key/value grid whose values stand in the outer column: '13-5-2024' right of
'תאריך הפקה:' read as a lone '4'), is cut out, enlarged and read as one line with `eng`; a whole
date read there (day, month and year that make a calendar date) replaces the words it lies on.
Pages without such a label cost nothing.
"""

from __future__ import annotations

import re

import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .engine import clean_text
from .label_values import (
    INKED_ROW,
    PAD,
    READ_AS,
    Label,
    ReadLine,
    Strip,
    enlarged,
    ink_of,
    other_side,
    runs_of,
    strip_beside,
    value_area,
)
from .tax_id_labels import labels_in
from .unread_ink import overlaps, with_words

_HEBREW = r"\u05d0-\u05ea"
# Labels of an issue or due date (and of other dates: a re-read there is harmless, the extractor
# weighs labels). Not the extractor's lexicon: the OCR service does not import it.
LABEL = re.compile(
    "|".join(
        (
            rf"(?<![{_HEBREW}])תאריך(?![{_HEBREW}])",
            rf"(?<![{_HEBREW}])ת\s*\.\s*(?:מסמך|חשבונית|הפקה)",
            rf"(?<![{_HEBREW}])(?:לתשלום|לשלם|לפירעון|תשלום)\s*עד(?![{_HEBREW}])",
            rf"(?<![{_HEBREW}])מועד(?![{_HEBREW}])",
            rf"(?<![{_HEBREW}])פירעון(?![{_HEBREW}])",
            r"\b(?:date|datum|fecha|due|f[aä]llig\w*|[ée]ch[ée]ance|vencimiento)\b",
        )
    ),
    re.I,
)
MAX_LABEL_WORDS = 2  # 'ת. מסמך', 'לתשלום עד'
# Anything near the label that may already be its date: a date, or a year standing alone (the
# '2024' of '9 דצמבר 2024'): then nothing is read again.
DATE_LIKE = re.compile(r"\d{1,2}\s*[./\-]\s*\d{1,2}\s*[./\-]\s*\d{2,4}|(?<!\d)(?:19|20)\d{2}(?!\d)")
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})\s?([./\-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?!\d)")
_YEAR_FIRST = re.compile(r"(?<!\d)((?:19|20)\d{2})([./\-])(\d{1,2})\2(\d{1,2})(?!\d)")
BELOW = 3.5  # label heights under the label where its value's row is looked for
SIDE = 2.0  # label heights past the label's own edge that the row under it may start
MIN_ROW_SHARE, MAX_ROW_SHARE = 0.5, 2.5  # a row of print under the label, in label heights
MAX_PER_PAGE = 6  # areas read per page (one Tesseract call each, and more for hard ones)
READ = 0.5  # the least confidence of a date read beside its label (its calendar check is evidence)


def find_labels(words: list[OcrWord]) -> list[Label]:
    """Date labels: the fewest neighbouring words of a line that name a date ('תאריך', 'ת. מסמך'),
    with the words that qualify it after it ('תאריך חשבונית'): up to three words, no digits."""
    return labels_in(words, _label_at)


def _label_at(words: list[OcrWord], first: int) -> tuple[int, ...] | None:
    line = words[first].line
    size = next(
        (
            size
            for size in range(1, MAX_LABEL_WORDS + 1)
            if first + size <= len(words)
            and all(w.line == line for w in words[first : first + size])
            and LABEL.search(" ".join(w.text for w in words[first : first + size]))
        ),
        0,
    )
    if not size:
        return None
    if size > 1 and LABEL.search(" ".join(w.text for w in words[first + 1 : first + size])):
        return None  # it starts at a later word ('4 תאריך הפקה': a value read before its label)
    group = list(range(first, first + size))
    while len(group) < MAX_LABEL_WORDS + 1 and group[-1] + 1 < len(words):
        last, nxt = words[group[-1]], words[group[-1] + 1]
        gap = max(nxt.left - (last.left + last.width), last.left - (nxt.left + nxt.width))
        if nxt.line != line or any(ch.isdigit() for ch in nxt.text) or gap > 2 * last.height:
            break
        group.append(group[-1] + 1)
    return tuple(group)


def calendar_date(text: str) -> str | None:
    """The first whole date in `text` as read ('27.03.24', '2024-06-16'), when its numbers make a
    calendar date day first or month first; else None."""
    for match in _YEAR_FIRST.finditer(text):
        month, day = int(match.group(3)), int(match.group(4))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return match.group(0)
    for match in _DAY_FIRST.finditer(text):
        first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
        if len(year) == 4 and not 1990 <= int(year) <= 2099:
            continue
        if (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31):
            return match.group(0).replace(" ", "")
    return None


def below_area(label: Label, page_width: int, page_height: int) -> Strip:
    """Where the row under the label may be: from its bottom down, wider than it on its reading side."""
    reach, side = int(16 * label.height), int(SIDE * label.height)
    top, bottom = label.bottom + 1, min(page_height, label.bottom + int(BELOW * label.height))
    if label.rtl:
        return max(0, label.left - reach), top, min(page_width, label.right + side), bottom
    return max(0, label.left - side), top, min(page_width, label.right + reach), bottom


def _middle_in(word: OcrWord, area: Strip) -> bool:
    left, top, right, bottom = area
    middle = word.top + word.height / 2
    return top <= middle <= bottom and word.left < right and word.left + word.width > left


def has_date_near(words: list[OcrWord], label: Label, areas: list[Strip]) -> bool:
    """Whether a word beside the label or under it (not the label's own) already looks like a date."""
    near = [w.text for w in words if in_any(w, areas)]
    return bool(DATE_LIKE.search(" ".join(near)))


def in_any(word: OcrWord, areas: list[Strip]) -> bool:
    """Whether the word's middle row lies in one of the areas, across some of its width."""
    return any(_middle_in(word, area) for area in areas)


def row_under(gray: np.ndarray, area: Strip, label: Label) -> tuple[Strip, Label] | None:
    """The first row of print starting in `area` as tall as the label's print (rules and specks
    skipped; a row the area's bottom cuts is followed down to its end): the strip around it and a
    stand-in label on that row, for `value_area`."""
    left, top, right, bottom = area
    below = min(gray.shape[0], bottom + int(MAX_ROW_SHARE * label.height))
    ink = ink_of(gray[top:below, left:right])
    if ink is None:
        return None
    inked = (ink.sum(axis=1) > max(2, INKED_ROW * ink.shape[1])).tolist()
    for start, end in runs_of(inked):
        if start >= bottom - top:
            break
        if MIN_ROW_SHARE * label.height <= end - start <= MAX_ROW_SHARE * label.height:
            row_top, row_bottom = top + start, top + end
            margin = max(2, (end - start) // 4)
            strip = (left, max(0, row_top - margin), right, min(gray.shape[0], row_bottom + margin))
            stand_in = Label(label.indexes, left, row_top, right, row_bottom, label.rtl)
            return strip, stand_in
    return None


def date_word_read(data: dict[str, list], strip: Strip, scale: float, pad: int) -> OcrWord | None:
    """The date the strip's read holds, as a page word in the strip's place (line set later)."""
    read = [
        (clean_text(str(text)).strip(), float(conf) / 100, i)
        for i, (text, conf) in enumerate(zip(data["text"], data["conf"], strict=True))
        if clean_text(str(text)).strip() and float(conf) >= 0
    ]
    value = calendar_date(" ".join(text for text, _, _ in read))
    if value is None:
        return None
    parts = [item for item in read if any(ch.isdigit() for ch in item[0])]
    confidence = max(READ, min(conf for _, conf, _ in parts))
    lefts = [data["left"][i] for _, _, i in parts]
    rights = [data["left"][i] + data["width"][i] for _, _, i in parts]
    tops = [data["top"][i] for _, _, i in parts]
    bottoms = [data["top"][i] + data["height"][i] for _, _, i in parts]
    left = int(strip[0] + min(lefts) / scale - pad)
    top = int(strip[1] + min(tops) / scale - pad)
    return OcrWord(
        text=value,
        left=left,
        top=top,
        width=max(1, int(strip[0] + max(rights) / scale - pad) - left),
        height=max(1, int(strip[1] + max(bottoms) / scale - pad) - top),
        confidence=round(confidence, 3),
        line=0,
    )


def read_date(gray: np.ndarray, strip: Strip, stand_in: Label, read_line: ReadLine) -> OcrWord | None:
    """The date in the strip's first group of print from the label's side, or None."""
    narrowed, print_height = value_area(gray, strip, stand_in)
    for read_as in READ_AS:
        crop, scale = enlarged(gray, narrowed, print_height, read_as)
        if (word := date_word_read(read_line(crop), narrowed, scale, PAD)) is not None:
            return word
    return None


def with_date_word(words: list[OcrWord], label_words: list[OcrWord], new: OcrWord) -> list[OcrWord]:
    """The words with `new` in place of those it lies on (on their line), else on a line of its own
    after the label's words."""
    label_ids = {id(w) for w in label_words}
    under = [i for i, w in enumerate(words) if id(w) not in label_ids and overlaps(w, new)]
    if under:
        placed = replace_line(new, words[under[0]].line)
        at = under[0]
    else:
        placed = replace_line(new, max(w.line for w in words) + 1)
        at = max(i for i, w in enumerate(words) if id(w) in label_ids) + 1
    kept = [w for i, w in enumerate(words) if i not in under]
    at -= sum(1 for i in under if i < at)
    return [*kept[:at], placed, *kept[at:]]


def replace_line(word: OcrWord, line: int) -> OcrWord:
    return word.model_copy(update={"line": line})


def reread_date_values(page: OcrPage, gray: np.ndarray, read_line: ReadLine) -> OcrPage:
    """The page with dates read again beside or under date labels that have none near them."""
    height, width = gray.shape[:2]
    words = list(page.words)
    reads, found = 0, 0
    for label in find_labels(page.words):
        beside, below = strip_beside(label, width, height), below_area(label, width, height)
        if has_date_near(page.words, label, [beside, below]):
            continue
        label_words = [page.words[i] for i in label.indexes]
        places: list[tuple[Strip, Label]] = []
        if beside[2] - beside[0] >= label.height:
            places.append((beside, label))
        if (under := row_under(gray, below, label)) is not None:
            places.append(under)
        outer = other_side(label, width, height)
        if outer[0][2] - outer[0][0] >= label.height and not has_date_near(page.words, label, [outer[0]]):
            places.append(outer)
        for strip, stand_in in places:
            if reads == MAX_PER_PAGE:
                break
            reads += 1
            if (new := read_date(gray, strip, stand_in, read_line)) is not None:
                words = with_date_word(words, label_words, new)
                found += 1
                break
    return page if not found else with_words(page, words, "re-read dates beside their labels")
