"""Reads whole documents page by page in a process pool, so the event loop never blocks and a
multi-page PDF uses every core. Shared by the OCR service and the `invoiceme ocr` CLI."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, TypeVar

from invoiceme_common.events import OcrDocument, OcrPage

from . import images
from .engine import DEFAULT_MAX_FILE_MB, DEFAULT_WORKERS, OcrOptions, UnreadableDocument, check_document

Result = TypeVar("Result")
# Past the page timeout (which Tesseract itself obeys), how long before a worker is presumed stuck
# somewhere else (decoding, OpenCV) and killed.
STUCK_WORKER_GRACE_SECONDS = 10.0


def _init_worker() -> None:
    # Debian's Tesseract uses OpenMP; with more threads than cores one page takes ~8x longer.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    images.register_heif()


def page_count_refusal(page_count: int, max_pages: int) -> str | None:
    """Why a document of this many pages is refused, or None."""
    if page_count == 0:
        return "the document has no pages"
    if page_count > max_pages:
        return f"the document has {page_count} pages; the limit is {max_pages}"
    return None


def check_page_count(page_count: int, max_pages: int) -> None:
    refusal = page_count_refusal(page_count, max_pages)
    if refusal is not None:
        raise UnreadableDocument(refusal)


def count_and_read_first(
    count_pages: Callable[[bytes], int],
    read_page: Callable[[bytes, int, OcrOptions], OcrPage],
    data: bytes,
    options: OcrOptions,
) -> tuple[int, OcrPage | None]:
    """In a worker: the page count, and page 1 read unless the count is refused (no pages, too many)."""
    page_count = count_pages(data)
    if page_count_refusal(page_count, options.max_pages) is not None:
        return page_count, None
    return page_count, read_page(data, 0, options)


class DocumentReader:
    """`inline_single_page`: read a one-page document in this process (a thread) instead of a
    worker. For a command reading one file, starting a worker (a new interpreter importing OpenCV
    and Tesseract) costs about as much as reading the page; a service keeps its workers and wants
    them, since only a worker can be killed when a page hangs outside Tesseract."""

    def __init__(
        self,
        options: OcrOptions,
        workers: int = DEFAULT_WORKERS,
        max_file_bytes: int = int(DEFAULT_MAX_FILE_MB * 2**20),
        inline_single_page: bool = False,
    ) -> None:
        self.options = options
        self.workers = workers
        self.max_file_bytes = max_file_bytes
        self.inline_single_page = inline_single_page
        self._pool = self._new_pool()  # its processes start with the first task sent to it

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            initializer=_init_worker,
            mp_context=multiprocessing.get_context("spawn"),
        )

    async def read(self, data: bytes) -> OcrDocument:
        media_type = self.check(data)
        count_pages: Callable[[bytes], int] = images.image_page_count
        read_page: Callable[[bytes, int, OcrOptions], OcrPage] = images.read_image_page
        if media_type == "application/pdf":
            from . import pdf  # PDFium is ~0.05 s of CPU to load: not for `invoiceme ocr photo.jpg`

            count_pages, read_page = pdf.pdf_page_count, pdf.read_pdf_page
        first: OcrPage | None = None
        if self.inline_single_page:
            page_count = await asyncio.to_thread(count_pages, data)
            if page_count == 1:
                _init_worker()
                page = await asyncio.to_thread(read_page, data, 0, self.options)
                return OcrDocument(pages=[page], media_type=media_type)
        else:
            # One task counts and reads page 1 (most documents have one page): a second round trip
            # to the pool per document left its worker idle in between.
            page_count, first = await self._run(
                count_and_read_first, count_pages, read_page, data, self.options, page=1
            )
        check_page_count(page_count, self.options.max_pages)
        rest = range(0 if first is None else 1, page_count)
        pages = await asyncio.gather(
            *(self._run(read_page, data, index, self.options, page=index + 1) for index in rest)
        )
        return OcrDocument(pages=[*([first] if first is not None else []), *pages], media_type=media_type)

    def check(self, data: bytes) -> str:
        """The media type of an acceptable file; the cheap refusals happen here, before any worker."""
        return check_document(data, self.max_file_bytes)

    async def _run(self, func: Callable[..., Result], *args: Any, page: int | None = None) -> Result:
        """Run in the pool; a worker stuck past the page timeout is killed and the pool replaced."""
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            pool = self._pool
            try:
                future = loop.run_in_executor(pool, partial(func, *args))
                return await asyncio.wait_for(
                    future, self.options.page_timeout_seconds + STUCK_WORKER_GRACE_SECONDS
                )
            except TimeoutError as exc:
                self._replace_pool(pool)
                where = f"page {page}" if page else "the file"
                raise UnreadableDocument(
                    f"{where} took longer than {self.options.page_timeout_seconds:g} s to read"
                ) from exc
            except BrokenProcessPool as exc:
                # A worker died: killed for another document's stuck page (then a retry works), or
                # out of memory on this one (then it dies again).
                self._replace_pool(pool)
                if attempt == 2:
                    raise UnreadableDocument(
                        "the OCR worker died while reading the file (out of memory?)"
                    ) from exc
        raise AssertionError("unreachable")

    def _replace_pool(self, broken: ProcessPoolExecutor) -> None:
        if self._pool is not broken:
            return  # another caller already replaced it
        self._pool = self._new_pool()
        for process in list(getattr(broken, "_processes", {}).values()):
            process.kill()  # the public API cannot stop a running task
        broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
