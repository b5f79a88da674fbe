"""Every kind of bad input is refused with a reason a person understands, and the reader keeps working."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from invoiceme_ocr.engine import OcrOptions, UnreadableDocument
from invoiceme_ocr.reader import DocumentReader
from tests.support import synthetic_pages as synthetic

from .conftest import ENGLISH, pdf_bytes


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims huge dimensions but holds (almost) no pixels: a decompression bomb's header."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


async def refusal(reader: DocumentReader, data: bytes) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        await reader.read(data)
    return str(caught.value)


class TestRefusals:
    """The message names the problem; no traceback text, no library jargon only."""

    async def test_zero_bytes(self, reader: DocumentReader) -> None:
        assert "empty" in await refusal(reader, b"")

    async def test_not_an_image(self, reader: DocumentReader) -> None:
        assert "plain text" in await refusal(reader, "שלום, this is a note".encode())
        assert "ZIP" in await refusal(reader, b"PK\x03\x04" + b"\x00" * 100)
        assert "GIF" in await refusal(reader, b"GIF89a" + b"\x00" * 100)
        assert "binary" in await refusal(reader, bytes(range(256)) * 4)

    async def test_image_header_with_garbage_after_it(self, reader: DocumentReader) -> None:
        reason = await refusal(reader, b"\x89PNG\r\n\x1a\n" + b"not really an image" * 10)
        assert "cannot be decoded" in reason

    async def test_truncated_png(self, reader: DocumentReader, english_page) -> None:
        data = synthetic.encode(english_page, "PNG")
        assert "truncated" in await refusal(reader, data[: len(data) // 3])

    async def test_truncated_jpeg(self, reader: DocumentReader, english_page) -> None:
        data = synthetic.encode(english_page, "JPEG")
        assert "truncated" in await refusal(reader, data[: len(data) // 3])

    async def test_truncated_pdf(self, reader: DocumentReader) -> None:
        data = pdf_bytes([["Invoice 4821 from Acme Logistics Ltd"]])
        assert "PDF" in await refusal(reader, data[:200])

    async def test_encrypted_pdf(self, reader: DocumentReader) -> None:
        data = pdf_bytes([["Invoice 4821 from Acme Logistics Ltd"]], encrypt="s3cret")
        assert "encrypted" in await refusal(reader, data)

    async def test_decompression_bomb_refused_from_header(self, reader: DocumentReader) -> None:
        reason = await refusal(reader, png_header_only(30_000, 30_000))
        assert "900 megapixels" in reason and "limit" in reason

    async def test_file_too_large(self, options: OcrOptions) -> None:
        small_limit = DocumentReader(options, workers=1, max_file_bytes=1000)
        try:
            assert "limit" in await refusal(small_limit, b"%PDF-1.7" + b"\x00" * 2000)
        finally:
            small_limit.close()

    async def test_too_many_pages(self, options: OcrOptions) -> None:
        buffer = io.BytesIO()
        frames = [Image.new("L", (50, 50), 255) for _ in range(3)]
        frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:])
        two_pages = DocumentReader(OcrOptions(max_pages=2), workers=1)
        try:
            assert "3 pages; the limit is 2" in await refusal(two_pages, buffer.getvalue())
        finally:
            two_pages.close()


class TestStuckPage:
    """A page that takes too long is given up on, and the same reader then reads the next file."""

    async def test_slow_page_gets_a_clear_reason(self, english_page) -> None:
        impatient = DocumentReader(OcrOptions(page_timeout_seconds=0.002), workers=1)
        try:
            reason = await refusal(impatient, synthetic.encode(english_page, "PNG"))
            assert "took longer than 0.002 s" in reason
        finally:
            impatient.close()

    async def test_worker_killed_mid_page_is_replaced(self, options: OcrOptions, english_page) -> None:
        # The grace period is what the reader waits past Tesseract's own timeout before it kills
        # the worker; with no grace and a tiny timeout the kill path runs on a page that is busy.
        from invoiceme_ocr import reader as reader_module

        stuck = DocumentReader(OcrOptions(page_timeout_seconds=0.01), workers=1)
        grace = reader_module.STUCK_WORKER_GRACE_SECONDS
        reader_module.STUCK_WORKER_GRACE_SECONDS = 0.0
        try:
            await refusal(stuck, synthetic.encode(english_page, "PNG"))
            first_pool = stuck._pool
        finally:
            reader_module.STUCK_WORKER_GRACE_SECONDS = grace
        try:
            stuck.options = options
            document = await stuck.read(synthetic.encode(english_page, "PNG"))
            assert ENGLISH[0] in document.text
            assert stuck._pool is first_pool  # already replaced once, reused since
        finally:
            stuck.close()


def test_tesseract_failure_is_a_reason_not_a_timeout(english_page) -> None:
    from invoiceme_ocr.tesseract import recognize

    with pytest.raises(UnreadableDocument, match="Tesseract could not read page 1"):
        recognize(1, english_page, OcrOptions(languages="xyz"), [])
