"""Tesseract (LSTM engine) on one prepared page: words and lines with boxes and confidences."""

from __future__ import annotations

import time
from collections.abc import Callable

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from . import (
    date_values,
    day_rereads,
    digits,
    id_choices,
    label_values,
    long_numbers,
    lookalikes,
    page_script,
    slant_reads,
    symbol_reads,
    tesseract_api,
    unread_blocks,
    unread_ink,
)
from .engine import OcrOptions, UnreadableDocument, clean_text
from .preprocess import GUESSED_QUARTER_TURN, PAGE_ON_A_DESK, orientation, prepare_for_ocr, slant
from .preprocess.geometry import ink_mask, work_copy
from .tesseract_api import TesseractFailed, TesseractTimedOut, read_words, warm_up

ORIENTATION_BAND = 0.16  # of the page, for the which-way-up reads
MIN_WORD_CONFIDENCE = 50  # Tesseract's 0-100
TURNED_MARGIN = 1.5  # turned must read this much better: an upright page is never turned on a whim
# Pages reading worse than this are checked for slanted print (italic faces read ~0.58-0.83, upright
# ones mostly 0.85-0.93: docs/BENCHMARKS.md, slant9); a good read is never sheared on a whim.
SLANT_CHECK_BELOW = 0.85
SCAN_DOUBTFUL_BELOW = 0.0  # on scans a long number is read again only when it fails its check


def recognize(
    number: int, gray: np.ndarray, options: OcrOptions, notes: list[str], languages: str | None = None
) -> OcrPage:
    """Run Tesseract once (with `languages`, by default the configured ones); a page that takes
    longer than the page timeout is given up on."""
    languages = languages or options.languages
    try:
        data = read_words(gray, languages, options.page_segmentation_mode, options.page_timeout_seconds)
    except TesseractTimedOut as exc:
        raise UnreadableDocument(
            f"page {number} took longer than {options.page_timeout_seconds:g} s to read"
        ) from exc
    except TesseractFailed as exc:
        raise UnreadableDocument(f"Tesseract could not read page {number} ({exc})") from exc
    page = page_from_tesseract(number, data, gray.shape[1], gray.shape[0], notes)
    # read with Hebrew: an Israeli page, whose bare 9-digit ids carry a check digit, dates day first
    israeli = "heb" in languages.split("+")
    if "eng" in languages.split("+"):
        page = reread(page, gray, digits.suspect_regions, digits.apply_rereads, "eng", 6, options)
    if israeli:
        # psm 11 (sparse text): each crop is one short word
        page = reread(page, gray, lookalikes.suspect_regions, lookalikes.apply_rereads, "heb", 11, options)
    if PAGE_ON_A_DESK in notes:  # photos: lines the page's layout analysis left out
        mode, timeout = options.page_segmentation_mode, options.page_timeout_seconds
        page = unread_ink.reread_unread_ink(
            page, gray, lambda band: read_words(band, languages, mode, timeout)
        )
        if "reread_blocks" in options.preprocess_steps:  # psm 6: each crop is one block of text
            block_languages = unread_blocks.block_languages(page.text, languages)
            page = unread_blocks.reread_unread_blocks(
                page, gray, lambda block: read_words(block, block_languages, 6, timeout)
            )
    page = reread_long_numbers(page, gray, options, PAGE_ON_A_DESK in notes, israeli)
    if israeli:  # '7 בדצמבר' for 17: a day's first digit lost beside a Hebrew month name
        page = day_rereads.reread_short_days(
            page, gray, symbol_reads.engine_reader(options.page_timeout_seconds)
        )
    return repair_ids_by_choices(page, gray, options) if israeli else page


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


def ocr_image(
    number: int, gray: np.ndarray, options: OcrOptions, colour: np.ndarray | None = None
) -> OcrPage:
    """Prepare the page, turn it upright, read it; if it reads badly, check which way up it is.
    `colour`: a colour copy of a photo (any size), which finds the page's outline on a dark desk."""
    started = time.perf_counter()
    prepared, notes = prepare_for_ocr(gray, options.preprocess_steps, options.max_megapixels * 1e6, colour)
    checks_orientation = "sideways" in options.preprocess_steps
    verdict: orientation.OsdVerdict = None  # OSD's word on `prepared` as it is now, once asked
    asked = False
    band: orientation.OsdVerdict = None  # OSD's word on the densest band, kept for its script
    if GUESSED_QUARTER_TURN in notes and reads_better_turned(prepared, options):
        prepared = orientation.turn_clockwise(prepared, 180)
        notes = [note if note != GUESSED_QUARTER_TURN else "rotated 270°" for note in notes]
    elif checks_orientation and not any(note.startswith("rotated") for note in notes):
        verdict, asked = orientation.osd_verdict(prepared), True
        band = verdict  # its script was judged the way up OSD found, so it holds when turned
        if upside_down_before_reading(prepared, verdict, options):
            prepared = orientation.turn_clockwise(prepared, 180)
            notes = [*notes, "rotated 180°"]
            verdict, asked = None, False
    page, languages, notes = read_in_its_script(number, prepared, options, notes, band)
    if page.confidence < options.orientation_check_below_confidence and checks_orientation:
        # Upside-down text reads as confident-looking garbage rarely; low confidence is the cheap
        # signal. A turn made before reading (or a quarter turn made without OSD's word) may have
        # gone the wrong way: then OSD is asked about the page as turned, and the other way tried.
        degrees = orientation.rotation_from(verdict) if asked else orientation.detect_rotation(prepared)
        if degrees is None and GUESSED_QUARTER_TURN in notes:
            degrees = 180
        if degrees:
            turned = orientation.turn_clockwise(prepared, degrees)
            retry = recognize(number, turned, options, [*notes, f"rotated {degrees}°"], languages)
            if retry.confidence > page.confidence:
                page, prepared = retry, turned
    if "deslant" in options.preprocess_steps and page.confidence < SLANT_CHECK_BELOW and page.words:

        def read(image: np.ndarray, notes: list[str]) -> OcrPage:
            return recognize(number, image, options, notes, languages)

        page = slant_reads.read_deslanted(prepared, page, read)
        if not any(note.startswith(slant.NOTE_PREFIX) for note in page.notes):
            page = slant_reads.read_slanted_values(prepared, page, read)
    page = label_values.reread_label_values(page, prepared, line_reader(options))
    page = date_values.reread_date_values(page, prepared, line_reader(options))
    return page.model_copy(update={"seconds": round(time.perf_counter() - started, 3)})


def line_reader(options: OcrOptions) -> label_values.ReadLine:
    """A crop read as one line with `eng` (digits read best without Hebrew); no words when it fails."""

    def read(crop: np.ndarray) -> dict[str, list]:
        try:
            return read_words(crop, "eng", long_numbers.ALONE_SEGMENTATION_MODE, options.page_timeout_seconds)
        except TesseractFailed:
            return {"text": [], "conf": [], "left": [], "top": [], "width": [], "height": []}

    return read


def read_in_its_script(
    number: int, prepared: np.ndarray, options: OcrOptions, notes: list[str], band: orientation.OsdVerdict
) -> tuple[OcrPage, str, list[str]]:
    """The page read with the Latin-script languages only when it surely has no Hebrew (OSD's script
    on its densest band, then on the whole page, then the Latin read itself), else with the
    configured ones; and the languages and notes it was read with."""
    latin = page_script.latin_languages(options.languages)
    if latin is None or band is None or not page_script.looks_latin(band.script):
        return recognize(number, prepared, options, notes), options.languages, notes
    warm_up(latin, options.page_segmentation_mode)  # loads (once) while OSD looks at the whole page
    whole = script_of_whole_page(prepared)
    if whole is None or not page_script.looks_latin(whole.script):
        return recognize(number, prepared, options, notes), options.languages, notes
    latin_notes = [*notes, f"read as {latin} (Latin script)"]
    page = recognize(number, prepared, options, latin_notes, latin)
    if not page_script.latin_read_doubtful(page.words):
        return page, latin, latin_notes
    again = [*notes, f"read as {options.languages} ({latin} read unsure)"]
    return recognize(number, prepared, options, again), options.languages, again


def script_of_whole_page(prepared: np.ndarray, timeout: float = 30) -> orientation.OsdVerdict:
    """OSD's second look at the script, over the whole page's letters: the densest band (the first
    look) is often a table of digits, which OSD takes for Latin. Shown without margins and long white
    gaps, and asked for fewer letters: about half the cost of OSD on the page as it is
    (`page_script.without_white`; docs/BENCHMARKS.md, branch osdcost)."""
    work, scale = work_copy(prepared)  # the band's OSD made it already: cached
    letters = page_script.without_white(prepared, ink_mask(work), scale)
    return tesseract_api.detect_orientation(letters, timeout, page_script.SCRIPT_CHARACTERS)


def upside_down_before_reading(
    prepared: np.ndarray, verdict: orientation.OsdVerdict, options: OcrOptions
) -> bool:
    """Whether to turn the page 180° before its full read. Read first, an upside-down page costs a
    wasted full read (garbage, then OSD, then again); OSD on one band (a tenth of a read) settles
    it when sure, and when only half sure the densest band read both ways (a third of a read) does."""
    if orientation.rotation_from(verdict, orientation.SURE_BEFORE_READING) == 180:
        return True
    return orientation.rotation_from(verdict, orientation.WORTH_A_LOOK) == 180 and reads_better_turned(
        prepared, options
    )


def readable_characters(data: dict[str, list]) -> float:
    """Characters Tesseract read with some confidence, weighted by it: text the right way up gives
    many; upside down it gives few (most words are dropped or read as short doubtful scraps)."""
    return sum(
        len(str(text).strip()) * float(conf) / 100
        for text, conf in zip(data["text"], data["conf"], strict=True)
        if float(conf) >= MIN_WORD_CONFIDENCE
    )


def reads_better_turned(prepared: np.ndarray, options: OcrOptions) -> bool:
    """Whether the page reads better turned 180°: its densest band read both ways (two reads of a
    sixth of the page), a surer judge than OSD on photos and small print."""
    band = orientation.densest_band(prepared, share=ORIENTATION_BAND)
    scores = []
    for candidate in (band, orientation.turn_clockwise(band, 180)):
        try:
            data = read_words(
                candidate, options.languages, options.page_segmentation_mode, options.page_timeout_seconds
            )
        except TesseractFailed:
            return False
        scores.append(readable_characters(data))
    return scores[1] > TURNED_MARGIN * scores[0]


def page_from_tesseract(
    number: int, data: dict[str, list], width: int, height: int, notes: list[str]
) -> OcrPage:
    """Words with boxes and confidences, grouped into lines; text is one line per Tesseract line."""
    words: list[OcrWord] = []
    line_words: dict[tuple[int, int, int], list[OcrWord]] = {}
    line_numbers: dict[tuple[int, int, int], int] = {}  # Tesseract's (block, paragraph, line) -> ours
    for i, raw in enumerate(data["text"]):
        text = clean_text(str(raw)).strip()
        confidence = float(data["conf"][i])
        if not text or confidence < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        line_number = line_numbers.setdefault(key, len(line_numbers))
        word = OcrWord(
            text=text,
            left=int(data["left"][i]),
            top=int(data["top"][i]),
            width=int(data["width"][i]),
            height=int(data["height"][i]),
            confidence=round(confidence / 100, 3),
            line=line_number,
        )
        line_words.setdefault(key, []).append(word)
        words.append(word)
    lines = [digits.line_from_words(members) for members in line_words.values()]
    mean = sum(w.confidence * len(w.text) for w in words) / max(1, sum(len(w.text) for w in words))
    return OcrPage(
        number=number,
        text="\n".join(line.text for line in lines),
        method="ocr",
        confidence=round(mean, 3),
        width=width,
        height=height,
        words=words,
        lines=lines,
        notes=notes,
    )
