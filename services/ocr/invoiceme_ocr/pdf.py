"""PDF pages: the text layer when it is usable and reads the right way, otherwise OCR at 300 DPI.

PDFium is not thread-safe, so every function opens the document itself inside its worker process.
"""

from __future__ import annotations

import itertools
import statistics
import time
from dataclasses import dataclass, replace

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from invoiceme_common.ocr_pages import OcrLine, OcrPage, OcrWord

from . import bidi
from .engine import OcrOptions, UnreadableDocument, clean_text
from .tesseract import ocr_image

MIN_TEXT_LAYER_CHARS = 20
# A page mostly covered by images (a scan) whose text layer is shorter than this holds a stamp or
# a caption, not the page's text: OCR reads the image instead.
SCAN_TEXT_LAYER_CHARS = 200
MAX_UNMAPPED_SHARE = 0.1  # glyphs without a Unicode mapping: above this the layer is gibberish
WORD_GAP = 0.15  # x font height (loose glyph boxes touch inside a word): a wider gap separates words
CELL_GAP = 1.2  # x font height: a gap this wide separates table columns


@dataclass(frozen=True)
class Glyph:
    char: str
    left: float
    bottom: float
    right: float
    top: float


@dataclass(frozen=True)
class LayerWord:
    text: str  # as drawn, left to right
    left: float
    bottom: float
    right: float
    top: float


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableDocument("the PDF is encrypted with a password") from exc
        raise UnreadableDocument("the PDF is damaged or truncated and cannot be opened") from exc


def pdf_page_count(data: bytes) -> int:
    pdf = open_pdf(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def read_pdf_page(data: bytes, index: int, options: OcrOptions) -> OcrPage:
    started = time.perf_counter()
    pdf = open_pdf(data)
    try:
        page = pdf[index]
        fallback_note = None
        if options.use_text_layer:
            layer_page, fallback_note = text_layer_page(index + 1, page, options.dpi)
            if layer_page is not None:
                return layer_page.model_copy(update={"seconds": round(time.perf_counter() - started, 3)})
        gray = render_page(page, options)
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(f"page {index + 1} of the PDF is damaged ({exc})") from exc
    finally:
        pdf.close()
    result = ocr_image(index + 1, gray, options)
    if fallback_note:
        result = result.model_copy(update={"notes": [fallback_note, *result.notes]})
    return result


def render_page(page: pdfium.PdfPage, options: OcrOptions) -> np.ndarray:
    """Grayscale pixels at the configured DPI, lowered if the page would exceed the pixel limit."""
    width_pt, height_pt = page.get_size()
    scale = options.dpi / 72
    max_pixels = options.max_megapixels * 1e6
    if width_pt * height_pt * scale**2 > max_pixels:
        scale = (max_pixels / (width_pt * height_pt)) ** 0.5
    image = page.render(scale=scale, grayscale=True).to_numpy()
    return (image[:, :, 0] if image.ndim == 3 else image).copy()


def image_area_share(page: pdfium.PdfPage) -> float:
    """How much of the page its images cover (0..1; overlaps counted twice, capped at 1)."""
    width, height = page.get_size()
    covered = 0.0
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        left, bottom, right, top = image.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(
            0.0, min(top, height) - max(bottom, 0.0)
        )
    return min(1.0, covered / (width * height)) if width and height else 0.0


def page_glyph_lines(page: pdfium.PdfPage) -> list[list[Glyph]]:
    """Glyphs of each text line (PDFium's line breaks), with boxes in PDF points (origin bottom-left)."""
    text_page = page.get_textpage()
    lines: list[list[Glyph]] = [[]]
    for index in range(text_page.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(text_page.raw, index))
        if char in "\r\n":
            if lines[-1]:
                lines.append([])
            continue
        left, bottom, right, top = text_page.get_charbox(index, loose=True)  # loose: includes advance width
        lines[-1].append(Glyph(char, left, bottom, right, top))
    return [line for line in lines if line]


def drawn_words(glyphs: list[Glyph]) -> list[list[LayerWord]]:
    """Glyphs sorted left to right as drawn, grouped into words and the words into cells."""
    visible = sorted((g for g in glyphs if not g.char.isspace()), key=lambda g: (g.left + g.right) / 2)
    if not visible:
        return []
    height = statistics.median(g.top - g.bottom for g in visible) or 1.0
    cells: list[list[LayerWord]] = [[]]
    current = [visible[0]]
    for previous, glyph in itertools.pairwise(visible):
        gap = glyph.left - previous.right
        if gap > WORD_GAP * height:
            cells[-1].append(_word(current))
            current = []
            if gap > CELL_GAP * height:
                cells.append([])
        current.append(glyph)
    cells[-1].append(_word(current))
    return cells


def _word(glyphs: list[Glyph]) -> LayerWord:
    return LayerWord(
        "".join(g.char for g in glyphs),
        min(g.left for g in glyphs),
        min(g.bottom for g in glyphs),
        max(g.right for g in glyphs),
        max(g.top for g in glyphs),
    )


def reading_order_line(glyphs: list[Glyph]) -> list[LayerWord]:
    """One line's words in reading order, Hebrew rebuilt from where its glyphs are drawn."""
    stored_text = "".join(g.char for g in glyphs)
    if not bidi.has_hebrew(stored_text):
        # Left-to-right text: the storage order is the reading order (and keeps PDFium's spacing).
        return _stored_words(glyphs)
    ordered = bidi.visual_cells_to_logical(
        drawn_words(glyphs), lambda word: word.text, bidi.is_rtl_line(stored_text)
    )
    words = [
        word if as_drawn else replace(word, text=bidi.visual_word_to_logical(word.text))
        for word, as_drawn in ordered
    ]
    # PDFium reports a bracket's code as drawn or already mirrored, depending on how the PDF
    # stores the run; the line as a whole tells which happened.
    if not bidi.brackets_face_inwards(" ".join(word.text for word in words)):
        words = [replace(word, text=bidi.mirror_brackets(word.text)) for word in words]
    return words


def _stored_words(glyphs: list[Glyph]) -> list[LayerWord]:
    words: list[LayerWord] = []
    current: list[Glyph] = []
    for glyph in [*glyphs, Glyph(" ", 0, 0, 0, 0)]:
        if glyph.char.isspace():
            if current:
                words.append(_word(current))
            current = []
        else:
            current.append(glyph)
    return words


def text_layer_page(number: int, page: pdfium.PdfPage, dpi: int) -> tuple[OcrPage | None, str | None]:
    """The page from its text layer, or (None, why not) when OCR must read it instead."""
    glyph_lines = page_glyph_lines(page)
    visible = "".join(g.char for line in glyph_lines for g in line if not g.char.isspace())
    if len(visible) < MIN_TEXT_LAYER_CHARS:
        return None, None  # a scan: no (or almost no) text layer
    if len(visible) < SCAN_TEXT_LAYER_CHARS and image_area_share(page) > 0.5:
        return None, "scanned page with only a little text in its text layer; read by OCR"
    unmapped = sum(1 for char in visible if char == "\ufffd" or "\ue000" <= char <= "\uf8ff" or char < " ")
    if unmapped > MAX_UNMAPPED_SHARE * len(visible):
        return None, "text layer has no usable character mapping; read by OCR"
    line_words = [reading_order_line(line) for line in glyph_lines]
    text = "\n".join(" ".join(clean_text(w.text) for w in words) for words in line_words if words)
    if bidi.looks_reversed(text):
        return None, "text layer Hebrew reads backwards; read by OCR"
    stored_text = "\n".join("".join(g.char for g in line) for line in glyph_lines)
    notes = []
    if bidi.looks_reversed(stored_text):
        notes.append("fixed visual-order Hebrew")
    elif bidi.has_hebrew(text):
        notes.append("Hebrew reading order rebuilt from glyph positions")
    return _layer_page(number, page, line_words, text, dpi, notes), None


def _layer_page(
    number: int,
    page: pdfium.PdfPage,
    line_words: list[list[LayerWord]],
    text: str,
    dpi: int,
    notes: list[str],
) -> OcrPage:
    width_pt, height_pt = page.get_size()
    scale = dpi / 72
    words: list[OcrWord] = []
    lines: list[OcrLine] = []
    for members in (m for m in line_words if m):
        boxes = [_pixel_box(w, height_pt, scale) for w in members]
        for word, box in zip(members, boxes, strict=True):
            words.append(OcrWord(text=clean_text(word.text), **box, confidence=1.0, line=len(lines)))
        left, top = min(b["left"] for b in boxes), min(b["top"] for b in boxes)
        right = max(b["left"] + b["width"] for b in boxes)
        bottom = max(b["top"] + b["height"] for b in boxes)
        lines.append(
            OcrLine(
                text=" ".join(clean_text(w.text) for w in members),
                left=left,
                top=top,
                width=right - left,
                height=bottom - top,
                confidence=1.0,
            )
        )
    return OcrPage(
        number=number,
        text=text,
        method="text_layer",
        confidence=1.0,
        width=round(width_pt * scale),
        height=round(height_pt * scale),
        words=words,
        lines=lines,
        notes=notes,
    )


def _pixel_box(word: LayerWord, page_height_pt: float, scale: float) -> dict[str, int]:
    return {
        "left": round(word.left * scale),
        "top": round((page_height_pt - word.top) * scale),
        "width": round((word.right - word.left) * scale),
        "height": round((word.top - word.bottom) * scale),
    }
