"""What keeps the OCR service's workers busy: more uploads in flight than worker processes (a worker
reads the next page while the previous document's file is fetched, stored and recorded), and one
pool task per one-page document."""

from __future__ import annotations

import pytest

from invoiceme_common.events import OcrPage
from invoiceme_ocr.app import create_app
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.reader import count_and_read_first
from invoiceme_ocr.settings import OcrSettings, messages_in_flight


class TestMessagesInFlight:
    """Two messages per worker unless configured."""

    @pytest.mark.parametrize(("workers", "expected"), [(1, 2), (2, 4), (8, 16)])
    def test_two_per_worker_by_default(self, workers: int, expected: int) -> None:
        assert messages_in_flight(workers) == expected

    def test_a_configured_number_wins(self) -> None:
        assert messages_in_flight(2, 3) == 3
        assert OcrSettings(ocr_workers=2, ocr_messages_in_flight=5).ocr_in_flight == 5

    @pytest.mark.parametrize("workers", [1, 3])
    def test_the_service_consumes_that_many_at_once(self, workers: int) -> None:
        (subscriber,) = create_app(OcrSettings(ocr_workers=workers)).broker.subscribers
        # FastStream's concurrent pull subscriber: at most max_workers handlers run at once.
        assert subscriber.max_workers == 2 * workers  # type: ignore[attr-defined]  # concurrent subscribers only


class TestCountAndReadFirst:
    """One task per one-page document: the count and page 1 together, never a refused file's page."""

    @staticmethod
    def _read(data: bytes, index: int, options: OcrOptions) -> OcrPage:
        return OcrPage(number=index + 1, text=data.decode(), confidence=0.9, method="ocr")

    def test_page_one_comes_with_the_count(self) -> None:
        count, first = count_and_read_first(lambda _: 3, self._read, b"text", OcrOptions(max_pages=5))
        assert count == 3
        assert first is not None and (first.number, first.text) == (1, "text")

    @pytest.mark.parametrize("pages", [0, 6])
    def test_a_refused_count_reads_nothing(self, pages: int) -> None:
        def read(data: bytes, index: int, options: OcrOptions) -> OcrPage:
            raise AssertionError("a refused document's page was read")

        assert count_and_read_first(lambda _: pages, read, b"x", OcrOptions(max_pages=5)) == (pages, None)
