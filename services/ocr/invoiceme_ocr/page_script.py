"""Which languages read a page: the configured ones (`heb+eng`), or only the Latin-script ones when
the page has surely no Hebrew.

Tesseract reads `heb+eng` word by word with the language that last read well, trying the other when
unsure: on English pages the Hebrew model damages Latin words (dates, stray Hebrew letters in a
receipt's words) and a noisy page pays for both models. OSD (already asked which way up the page is)
also names the script, but weakly: on generated Hebrew invoices its verdict on the densest band was
"Latin"-like for 10 of 28 pages (digits and Latin words vote Latin), on the whole page for 4 of 28
(docs/BENCHMARKS.md, branch script). So the evidence is taken in steps, each able only to keep the
configured languages: the band's script, then the whole page's, then the Latin read itself. OSD also
calls Latin pages another script (a slip's noisy capitals, a blurred photo): where it did, the read with
Hebrew tells, and one that read no Hebrew word is read again without it (docs/BENCHMARKS.md, script29).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from invoiceme_common.ocr_pages import OcrWord

# Scripts Tesseract's OSD names for Latin print: a receipt's capitals often come out "Cyrillic" or
# "Greek", a blurred photo's letters "Fraktur". Hebrew pages came out as these too, hence the
# second look and the check after the read; anything else (Hebrew, Arabic, no answer) keeps heb.
LATIN_LOOKING = frozenset({"Latin", "Cyrillic", "Greek", "Fraktur"})
# Languages of other scripts that a Latin-only read would lose.
NON_LATIN_LANGUAGES = frozenset({"heb", "yid", "ara", "fas", "rus", "ell", "osd"})
# After a Latin-only read: a Hebrew page read by `eng` comes out as unsure Latin gibberish. Words with
# two or more letters, read below this confidence...
UNSURE_WORD = 0.6
# ...making up more than this share of them sends the page back to the configured languages.
MAX_UNSURE_SHARE = 0.5
MIN_WORDS_TO_JUDGE = 5  # fewer words than this say nothing either way: read again, to be safe
_LETTERS = re.compile(r"[^\W\d_]{2}")
# A read with Hebrew of a page OSD called another script: of 262 such reads with under half their words
# Hebrew (SROIE slips, generated Latin photos), 259 held at most one Hebrew word of 3+ letters read at
# confidence >= 0.8; every Hebrew page read (generated and real, 170) held 5 or more.
SURE_WORD = 0.8
MAX_SURE_HEBREW_WORDS = 1
_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")


def latin_languages(configured: str) -> str | None:
    """The configured languages without those of other scripts (`heb+eng` -> `eng`), or None when
    there is nothing to switch: one language only (a user who sets one gets exactly that), or no
    Hebrew (nor other non-Latin language) to leave out, or no Latin language left."""
    languages = configured.split("+")
    latin = [language for language in languages if language not in NON_LATIN_LANGUAGES]
    if len(languages) < 2 or not latin or len(latin) == len(languages):
        return None
    return "+".join(latin)


def looks_latin(script: str | None) -> bool:
    """Whether one OSD verdict's script is one Latin print is taken for."""
    return script in LATIN_LOOKING


def hebrew_unread(words: Iterable[OcrWord]) -> bool:
    """Whether a read with Hebrew read (almost) no Hebrew word surely: a Latin page OSD took for
    another script, whose stray Hebrew letters are noise read as Hebrew."""
    sure = 0
    for word in words:
        if word.confidence >= SURE_WORD and len(_HEBREW_LETTER.findall(word.text)) >= 3:
            sure += 1
    return sure <= MAX_SURE_HEBREW_WORDS


def latin_read_doubtful(words: Iterable[OcrWord]) -> bool:
    """Whether a Latin-only read looks like a page in another script: too many of its words with
    letters were read unsure, or too few words were read to tell, or too many are no Latin word."""
    lettered = [word for word in words if _LETTERS.search(word.text)]
    if len(lettered) < MIN_WORDS_TO_JUDGE:
        return True
    unsure = sum(1 for word in lettered if word.confidence < UNSURE_WORD)
    if unsure > MAX_UNSURE_SHARE * len(lettered):
        return True
    judged = [word.text for word in lettered if len(_ANY_LETTER.findall(word.text)) >= 3]
    return sum(map(no_latin_word, judged)) > MAX_NON_WORD_SHARE * max(len(judged), MIN_WORDS_TO_JUDGE)


# Hebrew print read by `eng` can come out confident (banded_he_01 of seed 10: 0.51 of its words
# unsure, just under the limit) but not as words: letters with digits or marks between them
# ('V172Nn', 'N*311WNn', 'n"vn' for מע"מ) or a case change inside ('wWn'), lower-case runs without
# a vowel ('znrd'). Latin pages hold a few such tokens (GmbH, MwSt), under 0.13 of their words on
# every dev clean scan and photo read as `eng` of seeds 9 and 10 (192 pages); that page 0.28.
MAX_NON_WORD_SHARE = 0.2
_ANY_LETTER = re.compile(r"[^\W\d_]")
_BROKEN = re.compile(r"[^\W\d_](?:[\d*\"”“()?°]+)[^\W\d_]")
_CASE_CHANGE = re.compile(r"[a-z][A-Z]")
_VOWEL = re.compile(r"[aeiouyäöüàâéèêëîïôûùáíóúñ]", re.I)


def no_latin_word(text: str) -> bool:
    """Whether a token of 3+ letters reads as no word of a Latin language: letters broken by digits
    or marks, a case change after its first letter, or lower-case letters without a vowel.
    Capitals (codes: GBP, LLC), hyphenated ids and abbreviations with a full stop are words."""
    core = text.strip(".,:;!?()[]'\"|-")
    if _BROKEN.search(core):
        return True
    if "-" in core or text.endswith(".") or core.isupper():
        return False
    return not _VOWEL.search(core) or bool(_CASE_CHANGE.search(core[1:]))


# The page-wide second look at the script (OSD) costs two things: thresholding and finding the
# components of every pixel (about half its cost on an A4 page at 300 DPI, blank or not), then
# classifying up to 5 x `min_characters_to_try` letters in four orientations. Only the letters matter
# to it, so it is shown the page without its margins and with long white gaps cut short (the same
# letters at the same size), and asked to classify fewer of them: 7 (up to 35 letters) called as many
# dev pages Latin as the whole page at 10 did, 5 one SROIE receipt fewer (docs/BENCHMARKS.md, osdcost).
OSD_BLANK_GAP = 16  # px of white kept between two inked rows (or at an edge): letters stay apart
MIN_ROW_INK = 2  # inked pixels (on the work copy) a row needs to count; single specks do not
SCRIPT_CHARACTERS = 7  # OSD's min_characters_to_try for the script's second look (the band's: 10)


def inked_rows(ink: np.ndarray, scale: float, height: int) -> np.ndarray:
    """Which of the page's `height` rows hold ink, from a work copy's ink mask (`scale` = work size
    / page size); each inked work row marks its page rows and one page row either side."""
    import numpy as np

    rows = np.flatnonzero((ink > 0).sum(axis=1) >= MIN_ROW_INK)
    inked = np.zeros(height, dtype=bool)
    for row in rows:
        inked[max(0, int(row / scale) - 1) : min(height, int((row + 1) / scale) + 2)] = True
    return inked


def rows_to_keep(inked: np.ndarray, gap: int = OSD_BLANK_GAP) -> np.ndarray:
    """Inked rows, and of each run of white rows only its first `gap` (the last `gap` before the
    first inked row): every blob keeps all its rows and stays `gap` px from the next."""
    import numpy as np

    index = np.arange(len(inked))
    since_ink = index - np.maximum.accumulate(np.where(inked, index, -(10**9)))
    before_ink = np.minimum.accumulate(np.where(inked, index, 10**9)[::-1])[::-1] - index
    return inked | (since_ink <= gap) | (before_ink <= gap)


def without_white(gray: np.ndarray, ink: np.ndarray, scale: float, gap: int = OSD_BLANK_GAP) -> np.ndarray:
    """The page cropped to its ink (plus `gap`) with long white gaps between rows cut to `gap`;
    the page itself when no ink was found."""
    import numpy as np

    inked = inked_rows(ink, scale, gray.shape[0])
    columns = np.flatnonzero((ink > 0).sum(axis=0) >= MIN_ROW_INK)
    if not inked.any() or not len(columns):
        return gray
    left = max(0, int(columns[0] / scale) - gap)
    right = min(gray.shape[1], int((columns[-1] + 1) / scale) + gap)
    return np.ascontiguousarray(gray[rows_to_keep(inked, gap)][:, left:right])
