"""Reads whole documents page by page in a process pool, so the event loop never blocks and a
multi-page PDF uses every core. Shared by the OCR service and the `invoiceme ocr` CLI."""

from __future__ import annotations

import asyncio
import io
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from PIL import Image

from invoiceme_common.events import OcrDocument, OcrPage

from . import engine
from .engine import OcrOptions, UnreadableDocument
from invoiceme_common.sniff import SUPPORTED, sniff_media_type


def _init_worker() -> None:
    # Debian's Tesseract uses OpenMP; with more threads than cores one page takes ~8x longer.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # HEIC support is optional
        pass


def read_image_page(data: bytes, index: int, options: OcrOptions) -> OcrPage:
    frames = engine.decode_image_frames(data, options, only=index)
    return engine.ocr_image(index + 1, frames[0], options)


def image_frame_count(data: bytes) -> int:
    _init_worker()
    try:
        with Image.open(io.BytesIO(data)) as image:
            return int(getattr(image, "n_frames", 1))
    except Exception as exc:
        raise UnreadableDocument(f"the image cannot be decoded ({type(exc).__name__})") from exc


class DocumentReader:
    def __init__(self, options: OcrOptions, workers: int = 2, max_file_bytes: int = 25 * 2**20) -> None:
        self.options = options
        self.max_file_bytes = max_file_bytes
        self._pool = ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, mp_context=multiprocessing.get_context("spawn")
        )

    async def read(self, data: bytes) -> OcrDocument:
        if not data:
            raise UnreadableDocument("the file is empty")
        if len(data) > self.max_file_bytes:
            raise UnreadableDocument(
                f"the file is {len(data) / 2**20:.1f} MB; the limit is {self.max_file_bytes / 2**20:.0f} MB"
            )
        media_type = sniff_media_type(data)
        if media_type is None:
            raise UnreadableDocument(
                "the file is not a PDF or a supported image (" + ", ".join(t.split("/")[1] for t in SUPPORTED) + ")"
            )
        if media_type == "application/pdf":
            page_count = await self._run(engine.pdf_page_count, data)
            read_page = engine.read_pdf_page
        else:
            page_count = await self._run(image_frame_count, data)
            read_page = read_image_page
        if page_count == 0:
            raise UnreadableDocument("the document has no pages")
        if page_count > self.options.max_pages:
            raise UnreadableDocument(f"the document has {page_count} pages; the limit is {self.options.max_pages}")
        pages = await asyncio.gather(*(self._run(read_page, data, i, self.options) for i in range(page_count)))
        return OcrDocument(pages=list(pages), media_type=media_type)

    async def _run(self, func, *args):  # type: ignore[no-untyped-def]
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, partial(func, *args))

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
