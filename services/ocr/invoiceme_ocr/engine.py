"""Reading one document: text layer where a PDF page has one, Tesseract on an image otherwise.

Runs inside worker processes (PDFium is not thread-safe and Tesseract is CPU-bound): every
function here takes plain values and returns pydantic models, so it pickles across processes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pytesseract
from PIL import Image

from invoiceme_common.events import OcrPage, OcrWord

from .preprocess import prepare_for_ocr

MIN_TEXT_LAYER_CHARS = 20
_INVISIBLE_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"))


class UnreadableDocument(Exception):
    """The file cannot be read as a document; the message says why in plain words."""


@dataclass(frozen=True)
class OcrOptions:
    languages: str = "heb+eng"
    dpi: int = 300
    max_pages: int = 30
    max_megapixels: float = 60.0


def clean_text(text: str) -> str:
    return text.translate(_INVISIBLE_MARKS).replace("\r\n", "\n").replace("\r", "\n")


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise UnreadableDocument("the PDF is encrypted with a password") from exc
        raise UnreadableDocument(f"the PDF is damaged or truncated ({exc})") from exc


def pdf_page_count(data: bytes) -> int:
    pdf = open_pdf(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def read_pdf_page(data: bytes, index: int, options: OcrOptions) -> OcrPage:
    pdf = open_pdf(data)
    try:
        page = pdf[index]
        text_page = page.get_textpage()
        text = clean_text(text_page.get_text_bounded()).strip()
        if len(text.replace(" ", "").replace("\n", "")) >= MIN_TEXT_LAYER_CHARS:
            return _text_layer_page(index + 1, page, text_page, text, options.dpi)
        bitmap = page.render(scale=options.dpi / 72, grayscale=True)
        image = bitmap.to_numpy().copy()
        if image.ndim == 3:
            image = image[:, :, 0]
    finally:
        pdf.close()
    return ocr_image(index + 1, image, options)


def _text_layer_page(number: int, page: pdfium.PdfPage, text_page: pdfium.PdfTextPage, text: str, dpi: int) -> OcrPage:
    width_pt, height_pt = page.get_size()
    scale = dpi / 72
    words: list[OcrWord] = []
    for line_index in range(text_page.count_rects()):
        left, bottom, right, top = text_page.get_rect(line_index)
        segment = clean_text(text_page.get_text_bounded(left, bottom, right, top)).strip()
        if not segment:
            continue
        words.append(
            OcrWord(
                text=segment,
                left=round(left * scale),
                top=round((height_pt - top) * scale),
                width=round((right - left) * scale),
                height=round((top - bottom) * scale),
                confidence=1.0,
                line=line_index,
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
    )


def decode_image_frames(data: bytes, options: OcrOptions, only: int | None = None) -> list[np.ndarray]:
    """Grayscale frames of an image file (TIFFs may have several), after header-only size checks."""
    try:
        image = Image.open(io.BytesIO(data))
    except Exception as exc:
        raise UnreadableDocument(f"the image cannot be decoded ({type(exc).__name__})") from exc
    frames: list[np.ndarray] = []
    frame_count = getattr(image, "n_frames", 1)
    if frame_count > options.max_pages:
        raise UnreadableDocument(f"the image has {frame_count} pages; the limit is {options.max_pages}")
    for index in range(frame_count) if only is None else [only]:
        image.seek(index)
        megapixels = image.width * image.height / 1e6
        if megapixels > options.max_megapixels:
            raise UnreadableDocument(
                f"page {index + 1} is {megapixels:.0f} megapixels; the limit is {options.max_megapixels:.0f}"
            )
        try:
            frames.append(np.asarray(image.convert("L")))
        except Exception as exc:
            raise UnreadableDocument(f"the image is truncated or damaged ({exc})") from exc
    return frames


def ocr_image(number: int, gray: np.ndarray, options: OcrOptions) -> OcrPage:
    prepared, notes = prepare_for_ocr(gray)
    data = pytesseract.image_to_data(
        prepared, lang=options.languages, config="--oem 1 --psm 4", output_type=pytesseract.Output.DICT
    )
    return page_from_tesseract(number, data, prepared.shape[1], prepared.shape[0], notes)


def page_from_tesseract(number: int, data: dict[str, list], width: int, height: int, notes: list[str]) -> OcrPage:
    """Words with boxes and confidences, and plain text with one line per Tesseract line."""
    words: list[OcrWord] = []
    lines: dict[tuple[int, int, int], list[str]] = {}
    line_ids: dict[tuple[int, int, int], int] = {}
    for i, raw in enumerate(data["text"]):
        text = clean_text(str(raw)).strip()
        confidence = float(data["conf"][i])
        if not text or confidence < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        line_ids.setdefault(key, len(line_ids))
        lines.setdefault(key, []).append(text)
        words.append(
            OcrWord(
                text=text,
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
                confidence=round(confidence / 100, 3),
                line=line_ids[key],
            )
        )
    text = "\n".join(" ".join(parts) for parts in lines.values())
    mean = sum(w.confidence for w in words) / len(words) if words else 0.0
    return OcrPage(
        number=number, text=text, method="ocr", confidence=round(mean, 3), width=width, height=height,
        words=words, notes=notes,
    )
