"""Long numbers (tax ids, document and allocation numbers, dates) read again, enlarged, with `eng`.

A photo's print is small (digits 10-16 px tall after the page is flattened; Tesseract reads best
near 25-35 px) and `heb+eng` confuses digits of that size on Hebrew pages: 5 as 6, 3 as 9 or 8
(the dev photos' tax ids 531200517 -> 631200617, 523603736 -> 529603736, 537911521 -> 581911521,
read at confidence 0.70-0.87). Cut out, enlarged 2x and read with `eng` as single lines, the same
boxes gave the printed digits at a higher confidence (0.79-0.95), and where the re-read was wrong it
was less sure than the first reading, or of another length, or split. So a re-read replaces a word
only when it is one number of the same length and separators, read surer than the word was.

Scans misread the same digits at a confidence Tesseract calls sure (534552856 -> 554552856 at 0.93),
but some readings show they are wrong whatever the confidence: a 9-digit number that fails the
Israeli check digit (one misread digit always makes it fail) and a date with month 00 or day 32.
Those are read again on every page, and a re-read that passes the check wins over a first reading
that fails it even when less sure (and a first reading that passes is kept against one that fails).
"""

from __future__ import annotations

import re
from datetime import date

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .digits import Reading, Region, replace_words

_LONG_NUMBER = re.compile(r"[\d\-./]*\d[\d\-./]*")
# The number inside a word, with at most two marks stuck to it ('10-00-2024"', '12.10.2025[')
# (quotes and brackets; not $ S & |, which stand for digits: `rules.id_repair` reads those)
_MARK = r"[\"'“”„׳״\[\](){}:;,.\-]"
_MARKED_NUMBER = re.compile(rf"(?P<before>{_MARK}{{0,2}}?)(?P<number>\d[\d\-./]*\d)(?P<after>{_MARK}{{0,2}})")
# 9-digit Israeli ids as printed: 513412345, 51-341234-5, 513-412-345
ISRAELI_ID = re.compile(r"\d{9}|\d{2}-\d{6}-\d|\d{8}-\d|\d{3}-\d{3}-\d{3}")
_DATE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})")
# Letters and signs Tesseract's `eng` reads for a digit of an id ('$12261827'), as rules.id_repair knows
LOOKALIKE_DIGITS = str.maketrans("$§SsOoIl|B&", "55550011188")
_LOOKALIKES = frozenset("$§SsOoIl|B&")
# One to three capitals before a document number ('A350118', 'INV-402155'); not a lone I, which is a box's
# rule read as a letter more often than a printed prefix
_PREFIX = "(?:[A-HJ-Z]|[A-Z]{2,3})"
MIN_DIGITS = 6  # ids and document numbers; shorter numbers (quantities, amounts' parts) are left alone
SURE = 0.9  # a first reading at least this sure is kept without a second look
ENLARGE = 2.0  # digits of 10-16 px come near the size Tesseract reads best
SEGMENTATION_MODE = 6  # the crops stacked one under another, each its own line
ALONE_SEGMENTATION_MODE = 7  # one crop read on its own: a single line
MAX_ALONE = 3  # numbers per page read on their own after the stack (one Tesseract call each)


def passes_check_digit(digits: str) -> bool:
    """Luhn over the 9 digits of a ת.ז. / ע.מ. / ח.פ. (what stdnum's il.idnr and il.hp check)."""
    total = 0
    for position, digit in enumerate(digits):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def is_calendar_date(day: int, month: int, year: int) -> bool:
    """A day that exists, in a year of two digits or of this century or the last."""
    if year > 99 and not 1900 <= year < 2100:
        return False
    try:
        date(year if year > 99 else 2000 + year, month, day)
    except ValueError:
        return False
    return True


def plausible(number: str, israeli: bool) -> bool | None:
    """Whether a number that can be checked passes its check: a date the calendar (day first, or
    month first when the day cannot be one); on an Israeli (Hebrew) page a 9-digit id its check
    digit, and a date day first only ('08.19.25' is a misread there); None for a number nothing
    checks."""
    if israeli and ISRAELI_ID.fullmatch(number):
        return passes_check_digit(number.replace("-", ""))
    if match := _DATE.fullmatch(number):
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        month_first = not israeli and is_calendar_date(second, first, year)
        return is_calendar_date(first, second, year) or month_first
    return None


def number_in(text: str) -> re.Match[str] | None:
    """The long number a word is, with the marks stuck to it apart; None for any other word."""
    match = _MARKED_NUMBER.fullmatch(text)
    if match is None or not _LONG_NUMBER.fullmatch(match["number"]):
        return None
    return match if sum(ch.isdigit() for ch in match["number"]) >= MIN_DIGITS else None


def looks_doubtful(word: OcrWord, doubtful_below: float = SURE, israeli: bool = False) -> bool:
    """A number of MIN_DIGITS digits or more (with - . / between them) read less surely than
    `doubtful_below`, or one that fails its check (`plausible`)."""
    match = number_in(word.text)
    if match is None:
        return False
    return word.confidence < doubtful_below or plausible(match["number"], israeli) is False


def suspect_regions(
    words: list[OcrWord],
    page_width: int,
    page_height: int,
    doubtful_below: float = SURE,
    israeli: bool = False,
) -> list[Region]:
    """Each doubtful long number's box with a margin of a third of its height (not into the next word,
    whose letters would join the re-read and make it two words: then nothing is replaced)."""
    regions = []
    for index, word in enumerate(words):
        if looks_doubtful(word, doubtful_below, israeli):
            regions.append(Region.around(index, word, max(2, word.height // 3), page_width, page_height))
    return regions


def same_shape(old: str, new: str) -> bool:
    """The same length with digits where digits were and the same separators in the same places."""
    return len(old) == len(new) and all(
        a.isdigit() == b.isdigit() and (a.isdigit() or a == b) for a, b in zip(old, new, strict=True)
    )


def id_from_lookalike(text: str) -> str | None:
    """A re-read id with one letter or sign for a digit ('$12261827'): the id, if it passes its check."""
    if sum(ch in _LOOKALIKES for ch in text) != 1:
        return None
    number = text.translate(LOOKALIKE_DIGITS)
    return number if ISRAELI_ID.fullmatch(number) and passes_check_digit(number.replace("-", "")) else None


def with_lost_prefix(number: str, reread: Reading, first_confidence: float, israeli: bool) -> str | None:
    """The re-read when it is the same digits behind a capital-letter prefix the first read dropped
    ('350118' -> 'A350118': a document number's letter standing close to a box's rule), read surer.
    Not for dates, nor an id that passes its check as read (no letter belongs before those)."""
    text = reread.text.strip()
    if reread.confidence <= first_confidence or _DATE.fullmatch(number) or plausible(number, israeli):
        return None
    return text if re.fullmatch(rf"{_PREFIX}[-/]?{re.escape(number)}", text) else None


# A capital a document number opens with, read as the digit it looks like ('B952251' as '8952251' on dev
# photos, where the word read alone gave the B at 0.99)
LETTER_FOR_DIGIT = {"8": "B", "0": "OD", "5": "S", "2": "Z", "6": "G"}


def with_letter_back(number: str, reread: Reading, first_confidence: float, israeli: bool) -> str | None:
    """The re-read when it is the same number with its first digit a capital that digit looks like
    (`LETTER_FOR_DIGIT`), read surer. Not for dates, nor an id that passes its check as read."""
    text = reread.text.strip()
    if reread.confidence <= first_confidence or _DATE.fullmatch(number) or plausible(number, israeli):
        return None
    if len(text) != len(number) or text[1:] != number[1:]:
        return None
    return text if text[0] in LETTER_FOR_DIGIT.get(number[0], "") else None


def better_reading(word: OcrWord, reread: Reading, israeli: bool = False) -> str | None:
    """The word with its number re-read, when the re-read is one number shaped like it, different,
    and passes a check the first reading fails, or (neither or both checked alike) is surer. On
    Hebrew pages a re-read id with one look-alike for a digit counts when it passes its check. A
    letter prefix the first read lost, or read as a digit, is taken back (`with_lost_prefix`,
    `with_letter_back`)."""
    match = number_in(word.text)
    text = reread.text.strip()
    if match is not None and match["before"] == match["after"] == "":
        for letter_back in (with_lost_prefix, with_letter_back):
            if (lettered := letter_back(match["number"], reread, word.confidence, israeli)) is not None:
                return lettered
    if israeli and (fixed := id_from_lookalike(text)) is not None:
        text = fixed
    new = _MARKED_NUMBER.fullmatch(text)
    if match is None or new is None or not same_shape(match["number"], new["number"]):
        return None
    old_number, new_number = match["number"], new["number"]
    if new_number == old_number:
        return None
    was, now = plausible(old_number, israeli), plausible(new_number, israeli)
    if was is False and now is True:
        pass  # the check digit or the calendar says which reading is right
    elif (was is True and now is False) or reread.confidence <= word.confidence:
        return None
    return match["before"] + new_number + match["after"]


def apply_rereads(
    page: OcrPage, regions: list[Region], rereads: list[Reading], israeli: bool = False
) -> OcrPage:
    """The page with its doubtful long numbers replaced by better re-reads; unchanged otherwise."""

    def corrected(word: OcrWord, reread: Reading) -> OcrWord | None:
        if (text := better_reading(word, reread, israeli)) is None:
            return None
        return word.model_copy(update={"text": text, "confidence": reread.confidence})

    return replace_words(page, regions, rereads, corrected, "re-read long numbers")


def worth_reading_alone(
    words: list[OcrWord],
    regions: list[Region],
    rereads: list[Reading],
    fixed: list[OcrWord],
    israeli: bool,
) -> list[Region]:
    """Regions of a stack read together whose number still fails its check and whose re-read
    there disagreed with it without replacing it (the same reading twice: most likely as printed,
    like a phone number of id length). A stack of one crop is not read again."""
    if len(regions) < 2:
        return []
    again = []
    for region, reread in zip(regions, rereads, strict=True):
        match = number_in(fixed[region.word_index].text)
        if match is None or plausible(match["number"], israeli) is not False:
            continue
        if fixed[region.word_index] is words[region.word_index] and reread.text.strip() != match["number"]:
            again.append(region)
    return again
