"""Tesseract (LSTM engine) on one prepared page: words and lines with boxes and confidences. Which way
up the page is read: `upside_down`; the words read again after the first read: `page_rereads`."""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from . import (
    date_values,
    day_rereads,
    digits,
    fill_reads,
    label_values,
    long_numbers,
    lookalikes,
    page_foot,
    page_script,
    second_reads,
    slant_reads,
    symbol_reads,
    tesseract_api,
    time_dates,
    totals_block,
    unread_blocks,
    unread_ink,
    vat_rereads,
)
from .engine import OcrOptions, UnreadableDocument, clean_text
from .page_rereads import repair_ids_by_choices, reread, reread_garbled_ids, reread_long_numbers
from .preprocess import GUESSED_QUARTER_TURN, PAGE_ON_A_DESK, orientation, prepare_page, slant
from .preprocess.geometry import ink_mask, work_copy
from .tesseract_api import read_words, warm_up
from .tesseract_results import TesseractFailed, TesseractTimedOut
from .upside_down import (
    TURNED_BEFORE_READING,
    notes_after_turn,
    reads_better_turned,
    turn_after_a_bad_read,
    upside_down_before_reading,
)

# Pages reading worse than this are checked for slanted print (italic faces read ~0.58-0.83, upright
# ones mostly 0.85-0.93: docs/BENCHMARKS.md, slant9); a good read is never sheared on a whim.
SLANT_CHECK_BELOW = 0.85


def recognize(
    number: int,
    gray: np.ndarray,
    options: OcrOptions,
    notes: list[str],
    languages: str | None = None,
    unflattened: np.ndarray | None = None,
) -> OcrPage:
    """Run Tesseract once (with `languages`, by default the configured ones); a page that takes
    longer than the page timeout is given up on. `unflattened`: the page before `flatten_light`
    (`preprocess.prepare_page`), where a light panel's print is still there for `fill_reads`."""
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
    if "reread_blocks" in options.preprocess_steps:  # scans too: the fine print at the page's foot
        foot_languages = unread_blocks.block_languages(page.text, languages)
        page = page_foot.reread_page_foot(
            page, gray, lambda block: read_words(block, foot_languages, 6, options.page_timeout_seconds)
        )
        if PAGE_ON_A_DESK not in notes:  # a photo's fills were inverted before its read
            # psm 11 (sparse text): a panel's labels and values stand apart, small print by large
            page = fill_reads.reread_fills(
                page,
                gray,
                lambda fill: read_words(fill, foot_languages, 11, options.page_timeout_seconds),
                unflattened,
            )
    page = reread_long_numbers(page, gray, options, PAGE_ON_A_DESK in notes, israeli)
    if israeli:  # '7 בדצמבר' for 17: a day's first digit lost beside a Hebrew month name
        page = day_rereads.reread_short_days(
            page, gray, symbol_reads.engine_reader(options.page_timeout_seconds)
        )
    return repair_ids_by_choices(page, gray, options) if israeli else page


def ocr_image(
    number: int, gray: np.ndarray, options: OcrOptions, colour: np.ndarray | None = None
) -> OcrPage:
    """The page read (`read_once`), and read again smaller when options ask (`second_reads`)."""
    started = time.perf_counter()
    page = read_once(number, gray, options, colour)
    if options.second_read:
        # The page's time limit holds for both reads: the second gets what the first left, and a
        # second read that runs out leaves the first read alone.
        left = options.page_timeout_seconds - (time.perf_counter() - started)
        second_options = replace(options, page_timeout_seconds=max(1.0, left))

        def read(image: np.ndarray, colour: np.ndarray | None) -> OcrPage:
            return read_once(number, image, second_options, colour)

        page = second_reads.with_second_read(page, gray, colour, read)
    return page.model_copy(update={"seconds": round(time.perf_counter() - started, 3)})


def read_once(
    number: int, gray: np.ndarray, options: OcrOptions, colour: np.ndarray | None = None
) -> OcrPage:
    """Prepare the page, turn it upright, read it; if it reads badly, check which way up it is.
    `colour`: a colour copy of a photo (any size), which finds the page's outline on a dark desk."""
    prepared, notes, unflattened = prepare_page(
        gray, options.preprocess_steps, options.max_megapixels * 1e6, colour
    )
    checks_orientation = "sideways" in options.preprocess_steps
    verdict: orientation.OsdVerdict = None  # OSD's word on `prepared` as it is now, once asked
    asked = False
    band: orientation.OsdVerdict = None  # OSD's word on the densest band, kept for its script
    if GUESSED_QUARTER_TURN in notes and reads_better_turned(prepared, options):
        prepared, unflattened = _turned(prepared, unflattened, 180)
        notes = [note if note != GUESSED_QUARTER_TURN else "rotated 270°" for note in notes]
    elif checks_orientation and not any(note.startswith("rotated") for note in notes):
        verdict, asked = orientation.osd_verdict(prepared), True
        band = verdict  # its script was judged the way up OSD found, so it holds when turned
        if upside_down_before_reading(prepared, verdict, options):
            prepared, unflattened = _turned(prepared, unflattened, 180)
            notes = [*notes, TURNED_BEFORE_READING]
            verdict, asked = None, False
    page, languages, notes = read_in_its_script(number, prepared, options, notes, band, unflattened)
    if page.confidence < options.orientation_check_below_confidence and checks_orientation:
        # Upside-down text reads as confident-looking garbage rarely; low confidence is the cheap
        # signal. A turn made before reading (or a quarter turn made without OSD's word) may have
        # gone the wrong way: then OSD is asked about the page as turned, and the other way tried.
        degrees = orientation.rotation_from(verdict) if asked else orientation.detect_rotation(prepared)
        degrees = turn_after_a_bad_read(degrees, notes)
        if degrees:
            turned, twin = _turned(prepared, unflattened, degrees)
            retry = recognize(number, turned, options, notes_after_turn(notes, degrees), languages, twin)
            if retry.confidence > page.confidence:
                page, prepared = retry, turned
    if "deslant" in options.preprocess_steps and page.confidence < SLANT_CHECK_BELOW and page.words:

        def read(image: np.ndarray, notes: list[str]) -> OcrPage:
            return recognize(number, image, options, notes, languages)

        page = slant_reads.read_deslanted(prepared, page, read)
        if not any(note.startswith(slant.NOTE_PREFIX) for note in page.notes):
            page = slant_reads.read_slanted_values(prepared, page, read)
    page = label_values.reread_label_values(page, prepared, line_reader(options))
    page = reread_garbled_ids(page, prepared, options)  # an id read as unsure letters, no label read
    # after the label's strip re-read too, which takes a VAT number of its country's shape as read
    vat_reader = symbol_reads.engine_reader(options.page_timeout_seconds, vat_rereads.ALPHABET)
    page = vat_rereads.reread_failing_vat(page, prepared, vat_reader)
    page = date_values.reread_date_values(page, prepared, line_reader(options))
    page = time_dates.reread_dates_beside_times(page, prepared, line_reader(options))
    reader = totals_block.block_reader(options.page_timeout_seconds, page.text, languages)
    return totals_block.reread_totals_block(page, prepared, reader)


def line_reader(options: OcrOptions) -> label_values.ReadLine:
    """A crop read as one line with `eng` (digits read best without Hebrew); no words when it fails."""

    def read(crop: np.ndarray) -> dict[str, list]:
        try:
            return read_words(crop, "eng", long_numbers.ALONE_SEGMENTATION_MODE, options.page_timeout_seconds)
        except TesseractFailed:
            return {"text": [], "conf": [], "left": [], "top": [], "width": [], "height": []}

    return read


def _turned(
    prepared: np.ndarray, unflattened: np.ndarray | None, degrees: int
) -> tuple[np.ndarray, np.ndarray | None]:
    """The page and its unflattened twin, turned alike."""
    twin = None if unflattened is None else orientation.turn_clockwise(unflattened, degrees)
    return orientation.turn_clockwise(prepared, degrees), twin


def read_in_its_script(
    number: int,
    prepared: np.ndarray,
    options: OcrOptions,
    notes: list[str],
    band: orientation.OsdVerdict,
    unflattened: np.ndarray | None = None,
) -> tuple[OcrPage, str, list[str]]:
    """The page read with the Latin-script languages only when it surely has no Hebrew (OSD's script
    on its densest band, then on the whole page, then the Latin read itself; or, where OSD named
    another script, a read with Hebrew that read no Hebrew word), else with the configured ones;
    and the languages and notes it was read with."""
    latin = page_script.latin_languages(options.languages)
    if latin is None:
        return recognize(number, prepared, options, notes, None, unflattened), options.languages, notes
    if band is not None and page_script.looks_latin(band.script):
        warm_up(latin, options.page_segmentation_mode)  # loads (once) while OSD looks at the whole page
        whole = script_of_whole_page(prepared)
        if whole is not None and page_script.looks_latin(whole.script):
            latin_notes = [*notes, f"read as {latin} (Latin script)"]
            page = recognize(number, prepared, options, latin_notes, latin, unflattened)
            if not page_script.latin_read_doubtful(page.words):
                return page, latin, latin_notes
            again = [*notes, f"read as {options.languages} ({latin} read unsure)"]
            return recognize(number, prepared, options, again, None, unflattened), options.languages, again
    page = recognize(number, prepared, options, notes, None, unflattened)
    if not page_script.hebrew_unread(page.words):
        return page, options.languages, notes
    # OSD took a Latin page for another script; the Hebrew model damaged its Latin words
    latin_notes = [*notes, f"read as {latin} (no Hebrew word read)"]
    latin_page = recognize(number, prepared, options, latin_notes, latin, unflattened)
    if page_script.latin_read_doubtful(latin_page.words):
        return page, options.languages, notes
    return latin_page, latin, latin_notes


def script_of_whole_page(prepared: np.ndarray, timeout: float = 30) -> orientation.OsdVerdict:
    """OSD's second look at the script, over the whole page's letters: the densest band (the first
    look) is often a table of digits, which OSD takes for Latin. Shown without margins and long white
    gaps, and asked for fewer letters: about half the cost of OSD on the page as it is
    (`page_script.without_white`; docs/BENCHMARKS.md, branch osdcost)."""
    work, scale = work_copy(prepared)  # the band's OSD made it already: cached
    letters = page_script.without_white(prepared, ink_mask(work), scale)
    return tesseract_api.detect_orientation(letters, timeout, page_script.SCRIPT_CHARACTERS)


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
