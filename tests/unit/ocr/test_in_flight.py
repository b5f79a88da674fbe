"""How many uploads the OCR service takes at once: more than it has worker processes, so a worker
reads the next page while the previous document's file is fetched, stored and recorded."""

from __future__ import annotations

import pytest

from invoiceme_ocr.app import create_app
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
