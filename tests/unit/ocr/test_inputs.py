"""Every supported input type is sniffed from its bytes and read to the text it shows."""

from __future__ import annotations

import io

import numpy as np
import pillow_heif
from PIL import Image

from invoiceme_common.sniff import sniff_media_type
from invoiceme_ocr.reader import DocumentReader
from tests.support import synthetic_pages as synthetic

from .conftest import ENGLISH, HEBREW, pdf_bytes


def assert_reads(text: str, lines: tuple[str, ...]) -> None:
    for line in lines:
        assert line in text, f"{line!r} not in {text!r}"


class TestImageFormats:
    """PNG, JPEG, WebP, BMP, HEIC and multi-page TIFF all reach Tesseract, whatever the file is called."""

    async def test_png_hebrew(self, reader: DocumentReader, hebrew_page) -> None:
        document = await reader.read(synthetic.encode(hebrew_page, "PNG"))
        assert document.media_type == "image/png"
        assert_reads(document.text, HEBREW)
        page = document.pages[0]
        assert page.method == "ocr" and page.confidence > 0.8
        assert any(word.text == "4821" and word.width > 0 for word in page.words)
        assert [line.text for line in page.lines] == list(HEBREW)

    async def test_jpeg_with_exif_orientation(self, reader: DocumentReader, english_page) -> None:
        # Stored sideways with an EXIF tag saying "rotate 90° clockwise to view", as phones do.
        stored = Image.fromarray(english_page).transpose(Image.Transpose.ROTATE_90)
        exif = Image.Exif()
        exif[0x0112] = 6
        buffer = io.BytesIO()
        stored.save(buffer, format="JPEG", quality=90, exif=exif.tobytes())
        document = await reader.read(buffer.getvalue())
        assert document.media_type == "image/jpeg"
        assert_reads(document.text, ENGLISH)
        assert not any("rotated" in note for note in document.pages[0].notes)  # EXIF did it, not OSD

    async def test_webp_and_bmp(self, reader: DocumentReader, english_page) -> None:
        for fmt, media_type in (("WEBP", "image/webp"), ("BMP", "image/bmp")):
            data = synthetic.encode(english_page, fmt, **({"lossless": True} if fmt == "WEBP" else {}))
            document = await reader.read(data)
            assert document.media_type == media_type
            assert_reads(document.text, ENGLISH)

    async def test_heic_phone_photo(self, reader: DocumentReader, english_page) -> None:
        buffer = io.BytesIO()
        pillow_heif.from_pillow(Image.fromarray(english_page).convert("RGB")).save(buffer, quality=90)
        assert sniff_media_type(buffer.getvalue()) == "image/heic"
        document = await reader.read(buffer.getvalue())
        assert_reads(document.text, ENGLISH)

    async def test_multipage_tiff(self, reader: DocumentReader, hebrew_page, english_page) -> None:
        buffer = io.BytesIO()
        first, second = Image.fromarray(hebrew_page), Image.fromarray(english_page)
        first.save(buffer, format="TIFF", save_all=True, append_images=[second], compression="tiff_deflate")
        document = await reader.read(buffer.getvalue())
        assert document.media_type == "image/tiff"
        assert [page.number for page in document.pages] == [1, 2]
        assert_reads(document.pages[0].text, HEBREW)
        assert_reads(document.pages[1].text, ENGLISH)

    async def test_transparent_png_reads_as_black_on_white(
        self, reader: DocumentReader, english_page
    ) -> None:
        ink = 255 - english_page  # text opaque, paper fully transparent
        rgba = Image.merge("RGBA", [Image.new("L", ink.shape[::-1], 0)] * 3 + [Image.fromarray(ink)])
        buffer = io.BytesIO()
        rgba.save(buffer, format="PNG")
        assert_reads((await reader.read(buffer.getvalue())).text, ENGLISH)


class TestPdf:
    """A PDF is read page by page: the text layer where there is one, OCR where there is not."""

    async def test_mixed_pdf_text_layer_then_scan(self, reader: DocumentReader, english_page) -> None:
        data = pdf_bytes([["Invoice 4821 from Acme Logistics Ltd"], english_page])
        document = await reader.read(data)
        assert document.media_type == "application/pdf"
        assert [page.method for page in document.pages] == ["text_layer", "ocr"]
        assert document.method == "mixed"
        assert "Invoice 4821 from Acme Logistics Ltd" in document.pages[0].text
        assert_reads(document.pages[1].text, ENGLISH)

    async def test_scan_with_a_text_stamp_is_read_by_ocr(self, reader: DocumentReader, english_page) -> None:
        # A copier's stamp in the text layer must not hide the scanned invoice under it.
        stamped_scan = (english_page, ["Scanned 2025-11-25 by copier 3"])
        page = (await reader.read(pdf_bytes([stamped_scan]))).pages[0]
        assert page.method == "ocr"
        assert page.notes[0] == "scanned page with only a little text in its text layer; read by OCR"
        assert_reads(page.text, ENGLISH)

    async def test_text_layer_words_have_boxes(self, reader: DocumentReader) -> None:
        document = await reader.read(pdf_bytes([["Invoice 4821 from Acme Logistics Ltd"]]))
        page = document.pages[0]
        words = {word.text: word for word in page.words}
        assert words["Invoice"].left < words["4821"].left < words["Ltd"].left
        assert all(0 < word.top < page.height and word.width > 0 for word in page.words)
        assert page.seconds is not None and page.seconds < 1.0

    async def test_pdf_with_leading_junk_is_still_a_pdf(self, reader: DocumentReader) -> None:
        data = b"\r\n" + pdf_bytes([["Invoice 4821 from Acme Logistics Ltd"]])
        assert "Invoice 4821" in (await reader.read(data)).text


class TestInlineSinglePage:
    """A one-file command reads a one-page image in its own process: no worker is started."""

    async def test_reads_without_a_worker(self, options, english_page) -> None:
        inline = DocumentReader(options, workers=1, inline_single_page=True)
        try:
            document = await inline.read(synthetic.encode(english_page, "PNG"))
            assert_reads(document.text, ENGLISH)
            assert not inline._pool._processes  # type: ignore[attr-defined]
        finally:
            inline.close()

    async def test_several_pages_still_go_to_workers(self, options) -> None:
        inline = DocumentReader(options, workers=1, inline_single_page=True)
        try:
            document = await inline.read(pdf_bytes([["Page one 111"], ["Page two 222"]]))
            assert len(document.pages) == 2
            assert inline._pool._processes  # type: ignore[attr-defined]
        finally:
            inline.close()


class TestColourToGray:
    """Coloured print stays dark: ink is whatever is dark in any channel."""

    def test_red_text_is_as_dark_as_black(self) -> None:
        from invoiceme_ocr.images import to_gray

        pixels = np.full((4, 4, 3), 255, np.uint8)
        pixels[1, 1] = (200, 30, 30)  # red ink
        pixels[2, 2] = (20, 20, 20)  # black ink
        gray = to_gray(Image.fromarray(pixels, "RGB"))
        assert gray[1, 1] <= 40 and gray[2, 2] <= 20 and gray[0, 0] == 255

    def test_darkest_channel_is_the_minimum_over_channels(self) -> None:
        from invoiceme_ocr.images import darkest_channel

        pixels = np.random.default_rng(3).integers(0, 256, (37, 53, 3), dtype=np.uint8)
        darkest = darkest_channel(pixels)
        assert darkest.dtype == np.uint8 and darkest.flags.c_contiguous
        assert np.array_equal(darkest, pixels.min(axis=2))
