"""Words the page's first read likely got wrong, read again: cut out, stacked (enlarged) and read in
one extra Tesseract call; long numbers and ids that fail their check also read again alone."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from . import digits, garbled_ids, id_choices, long_numbers, symbol_reads
from .engine import OcrOptions
from .tesseract_api import read_words
from .tesseract_results import TesseractFailed

SCAN_DOUBTFUL_BELOW = 0.0  # on scans a long number is read again only when it fails its check


def repair_ids_by_choices(page: OcrPage, gray: np.ndarray, options: OcrOptions) -> OcrPage:
    """Ids that still fail their check digit read once more alone, enlarged, with the engine's
    second choices kept: repaired where it weighed the passing digit (`id_choices`)."""
    read = symbol_reads.engine_reader(options.page_timeout_seconds)
    for index in id_choices.failing_ids(page.words)[: id_choices.MAX_PER_PAGE]:
        word = page.words[index]
        region = digits.Region.around(index, word, max(2, word.height // 3), gray.shape[1], gray.shape[0])
        symbols = read(symbol_reads.enlarged_crop(gray, region))
        if symbols:
            page = id_choices.with_repaired_word(page, index, symbols)
    return page


def reread_garbled_ids(page: OcrPage, gray: np.ndarray, options: OcrOptions) -> OcrPage:
    """Runs of unsure words as wide as an id read again, stacked, in one call (`garbled_ids`)."""

    def read(image: np.ndarray, regions: list[digits.Region]) -> list[digits.Reading] | None:
        enlarge = garbled_ids.enlargement(regions)
        return read_again(image, regions, "eng", long_numbers.SEGMENTATION_MODE, options, enlarge)

    return garbled_ids.reread_garbled_ids(page, gray, read)


def reread_long_numbers(
    page: OcrPage, gray: np.ndarray, options: OcrOptions, photo: bool, israeli: bool
) -> OcrPage:
    """Long numbers read again enlarged, all in one call: on photos every doubtful one, on scans
    those that fail their check (ids, dates). In the stack Tesseract sometimes misreads a crop it
    reads right alone ('16-06-2024' as '160-060-2024'): a few whose re-read there was refused and
    that fail their check are read once more, each on its own as one line (a call each)."""
    doubtful_below = long_numbers.SURE if photo else SCAN_DOUBTFUL_BELOW
    regions = long_numbers.suspect_regions(page.words, gray.shape[1], gray.shape[0], doubtful_below, israeli)
    enlarge, mode = long_numbers.ENLARGE, long_numbers.SEGMENTATION_MODE
    rereads = read_again(gray, regions, "eng", mode, options, enlarge) if regions else None
    if rereads is None:
        return page
    fixed = long_numbers.apply_rereads(page, regions, rereads, israeli)
    alone = long_numbers.worth_reading_alone(page.words, regions, rereads, fixed.words, israeli)
    alone_mode = long_numbers.ALONE_SEGMENTATION_MODE
    for region in alone[: long_numbers.MAX_ALONE]:
        if (reading := read_again(gray, [region], "eng", alone_mode, options, enlarge)) is not None:
            fixed = long_numbers.apply_rereads(fixed, [region], reading, israeli)
    return fixed


def reread(
    page: OcrPage,
    gray: np.ndarray,
    find: Callable[[list[OcrWord], int, int], list[digits.Region]],
    apply: Callable[[OcrPage, list[digits.Region], list[digits.Reading]], OcrPage],
    language: str,
    segmentation_mode: int,
    options: OcrOptions,
    enlarge: float = 1.0,
) -> OcrPage:
    """Words the first reading likely got wrong (`find`), cut out, stacked (`enlarge`d) and read
    again in one extra Tesseract call with a single language; `apply` decides which re-reads
    replace them."""
    regions = find(page.words, gray.shape[1], gray.shape[0])
    if not regions:
        return page
    rereads = read_again(gray, regions, language, segmentation_mode, options, enlarge)
    return page if rereads is None else apply(page, regions, rereads)


def read_again(
    gray: np.ndarray,
    regions: list[digits.Region],
    language: str,
    segmentation_mode: int,
    options: OcrOptions,
    enlarge: float = 1.0,
) -> list[digits.Reading] | None:
    """The regions cut out, stacked (`enlarge`d) and read in one Tesseract call: a reading per
    region; None when Tesseract fails (the first reading stands)."""
    stacked, tops = digits.stack_crops(gray, regions)
    if enlarge != 1.0:
        stacked = cv2.resize(stacked, None, fx=enlarge, fy=enlarge, interpolation=cv2.INTER_CUBIC)
    try:
        data = read_words(stacked, language, segmentation_mode, options.page_timeout_seconds)
    except TesseractFailed:
        return None
    if enlarge != 1.0:  # back to the stack's own rows, where the crops' tops are
        data = {
            **data,
            "top": [t / enlarge for t in data["top"]],
            "height": [h / enlarge for h in data["height"]],
        }
    return digits.readings_per_crop(data, tops, regions)
