"""European and UK VAT numbers that fail their check, read again alone with the engine's choices.

On dev photos and scans (seeds 9 and 10, once the generator printed valid numbers) a VAT number the
page's read got wrong by a digit or its country prefix ('DE178697499' for DE178607499, 'DR301304474'
for DE321304474, '1645990291F' for IE4599029F) came out right when its word alone was cut out,
enlarged and read as one line of capitals and digits; where the pick still failed, the engine had
weighed the passing character at one position ('FR12066352915': a 3 at 0.65 beside the 2). So a word
shaped like a VAT number that fails its check (or a country code and the digits after it) is read
again so: taken when the pick passes its check, else when exactly one position's weighed choice of
at least MIN_SECOND_CHOICE makes it pass. A reading that passes no check changes nothing.
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord, words_box
from invoiceme_common.tax_id_formats import vat_number_valid

from .digits import rebuild
from .symbol_reads import ReadDigits, SymbolChoices
from .unread_blocks import readable_crop

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_PER_PAGE = 3  # crops read per page (one Tesseract call each)
MIN_SECOND_CHOICE = 0.5  # a passing character weighed less than this is no evidence
SCALES = (0.75, 1.5)  # of the readable crop, read when it did not read as a valid number
_SHAPE = re.compile(r"[A-Z0-9]{2}[0-9A-Z]{7,12}")
_COUNTRY = re.compile(
    r"AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI"
)
_DIGITS = re.compile(r"[0-9A-Z]{7,12}")


def compact(text: str) -> str:
    return re.sub(r"[\s.\-:;,()]", "", text).upper()


def as_vat(text: str) -> str:
    """The reading with the I of IE/IT read as 1 or l undone ('1E4599029F')."""
    value = compact(text)
    return "I" + value[1:] if re.match(r"[1L][ET]\d", value) else value


def _failing(text: str) -> bool:
    value = as_vat(text)
    has_letter = any(ch.isalpha() for ch in value)
    digits = sum(ch.isdigit() for ch in value)
    return bool(_SHAPE.fullmatch(value)) and has_letter and digits >= 6 and not vat_number_valid(value)


def failing_runs(words: list[OcrWord]) -> list[tuple[int, ...]]:
    """Words (one, or a country code and the number after it on its line) that look like a VAT
    number and fail its check; those that start with a country code first."""
    runs: list[tuple[int, ...]] = []
    for index, word in enumerate(words):
        after = words[index + 1] if index + 1 < len(words) else None
        if (
            after is not None
            and after.line == word.line
            and _COUNTRY.fullmatch(compact(word.text))
            and _DIGITS.fullmatch(compact(after.text))
        ):
            if _failing(word.text + after.text):
                runs.append((index, index + 1))
        elif _failing(word.text) and not (runs and index in runs[-1]):
            runs.append((index,))
    return sorted(runs, key=lambda run: not _COUNTRY.match(as_vat(words[run[0]].text)))


def repaired_reading(symbols: list[SymbolChoices]) -> tuple[str, float] | None:
    """(the VAT number, how sure) the crop's read says: its pick when that passes the check (sure as
    its least sure character), else the one weighed choice at one position that makes it pass."""
    picks = "".join(choices[0][0] if choices else "" for choices in symbols)
    if vat_number_valid(as_vat(picks)):
        return as_vat(picks), min((choices[0][1] for choices in symbols if choices), default=0.0)
    found = []
    for position, choices in enumerate(symbols):
        for character, weight in choices[1:]:
            reading = as_vat(picks[:position] + character + picks[position + 1 :])
            if weight >= MIN_SECOND_CHOICE and vat_number_valid(reading):
                found.append((reading, weight))
    return found[0] if len(found) == 1 else None


def crops_of(words: list[OcrWord], run: tuple[int, ...], gray: np.ndarray) -> list[np.ndarray]:
    """The run's words cut out with a margin, their ground stretched to white and their print to
    black (on a grey ground Tesseract read some crops as nothing at all), at READABLE_LINE and at
    each of SCALES of it: one of them reads right where the others drop or change a digit."""
    left, top, right, bottom = words_box(words[i] for i in run)
    margin = max(2, (bottom - top) // 3)
    box = (
        max(0, left - margin),
        max(0, top - margin),
        min(gray.shape[1], right + margin),
        min(gray.shape[0], bottom + margin),
    )
    crop, _ = readable_crop(gray, box, bottom - top)
    return [crop] + [
        cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC) for scale in SCALES
    ]


def reading_of(
    words: list[OcrWord], run: tuple[int, ...], gray: np.ndarray, read: ReadDigits
) -> tuple[str, float] | None:
    """What `repaired_reading` makes of the run read again (each crop of `crops_of` in turn): of a
    country code and its number, the number alone first (the code as read before it: the space
    between them was read as a digit, or not at all), then both together."""
    tries: list[tuple[tuple[int, ...], list[SymbolChoices]]] = []
    if len(run) == 2:
        tries.append(((run[1],), [[(ch, 1.0)] for ch in compact(words[run[0]].text)]))
    tries.append((run, []))
    for part, before in tries:
        for crop in crops_of(words, part, gray):
            symbols = read(crop)
            if symbols and (result := repaired_reading(before + symbols)) is not None:
                return result
    return None


def reread_failing_vat(page: OcrPage, gray: np.ndarray, read: ReadDigits) -> OcrPage:
    """The page with each failing VAT number (`failing_runs`, up to MAX_PER_PAGE) read again alone by
    `read` (a crop -> its characters' choices) and replaced where `repaired_reading` says."""
    words = list(page.words)
    changed = False
    for run in failing_runs(words)[:MAX_PER_PAGE]:
        result = reading_of(words, run, gray, read)
        if result is None:
            continue
        value, weight = result
        texts = [value] if len(run) == 1 else [value[:2], value[2:]]
        for index, text in zip(run, texts, strict=True):
            confidence = min(words[index].confidence, weight)
            words[index] = words[index].model_copy(update={"text": text, "confidence": round(confidence, 3)})
        changed = True
    return rebuild(page, words, "VAT number read again alone") if changed else page
