"""The extraction benchmark end to end on a tiny corpus: real OCR reader and extractor, cache, tables."""

from __future__ import annotations

import json
from pathlib import Path

from bench.extraction.cache import OcrCache
from bench.extraction.extract import extract_files
from bench.extraction.report import corpus_section, line_item_lines
from invoiceme_ocr.engine import OcrOptions
from tests.corpus.generate import Plan, generate


def test_tiny_corpus_is_read_extracted_scored_and_cached(tmp_path: Path) -> None:
    plan = Plan(born_digital=2, images=1, families=("classic", "till_slip"), languages=("en",))
    pdfs = [path for path in generate(tmp_path / "corpus", seed=3, plan=plan) if path.suffix == ".pdf"]
    cache = OcrCache(OcrOptions(), tmp_path / "ocr")

    extracted = extract_files(pdfs, cache)

    assert not extracted.failures and set(extracted.predictions) == {path.stem for path in pdfs}
    assert len(extracted.text_layer_ms) == len(pdfs) and "median" in extracted.timing_line()
    results = [
        (json.loads(path.with_name(f"{path.stem}.truth.json").read_text()), extracted.predictions[path.stem])
        for path in pdfs
    ]
    lines = corpus_section(results)
    assert any(line.startswith("| dev | en | born_digital | 4 |") for line in lines)
    assert any(line.startswith("| dev | en |") for line in line_item_lines(results))

    again = OcrCache(OcrOptions(), tmp_path / "ocr")
    extract_files(pdfs, again)
    assert again.hits == len(pdfs) and again.misses == 0
