"""The bench tools that judge the `upscale` decision: word recall against the PDF twin, and the OCR
cache read as another commit's OCR source keyed it (so a decision change is scored from old readings)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.extraction import cache
from bench.ocr.scan_trigger import word_recall
from bench.ocr.upscale_ab import SourceCache


def test_word_recall_counts_each_word_as_often_as_the_pdf_prints_it() -> None:
    pdf = Counter("Total 1,200.00 Total VAT".split())
    assert word_recall(pdf, Counter("VAT Total 1,200.00".split())) == 0.75  # one "Total" of two
    assert word_recall(pdf, Counter("Total Total Total VAT 1,200.00 extra".split())) == 1.0
    assert word_recall(Counter(), Counter("anything".split())) == 0.0


def test_source_cache_finds_only_what_that_source_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from invoiceme_common.events import OcrDocument
    from invoiceme_ocr.engine import OcrOptions

    monkeypatch.setattr(cache, "CACHE", tmp_path)
    monkeypatch.setattr("bench.ocr.upscale_ab.CACHE", tmp_path)
    document = OcrDocument(media_type="image/png", pages=[])
    old = SourceCache(OcrOptions(), "0123456789abcdef")
    old.put(b"scan bytes", document)
    assert SourceCache(OcrOptions(), "0123456789abcdef").get(b"scan bytes") == document
    assert SourceCache(OcrOptions(), "fedcba9876543210").get(b"scan bytes") is None  # another source
    assert SourceCache(OcrOptions(preprocess_steps=()), "0123456789abcdef").get(b"scan bytes") is None
