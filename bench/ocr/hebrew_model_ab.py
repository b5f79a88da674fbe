"""Which traineddata reads Hebrew best: every development Hebrew clean scan and photo of a seed read
with each Hebrew model in turn (the same page, one model after the other, the order alternating page
by page so the machine's load falls on both), in this process:
`.venv/bin/python -m bench.ocr.hebrew_model_ab --seed 7 [--models heb,Hebrew] [--shard 0/2] [--json F]`.

Per page and model: the CPU seconds of the whole OCR path (`read_image_page`), the words of the
born-digital twin's text layer found among the page's words (a multiset: line order does not matter),
the character error rate against the twin's text (whitespace squeezed; line order counts, so it is
noisier than the recall) and the fields the rules extractor gets right. Each reading is stored in the
extraction bench's OCR cache, so `bench.extraction.run --hebrew-model M` reuses it. Held-out families
are never read.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from rapidfuzz.distance import Levenshtein  # noqa: E402

from bench.extraction.cache import CACHE, OcrCache  # noqa: E402
from bench.ocr.scan_trigger import fields_right, text_words, word_recall  # noqa: E402

FORMATS = ("clean_scan", "degraded_photo")


def squeezed(document: Any) -> str:
    return " ".join(word for page in document.pages for word in page.text.split())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--models", default="heb,Hebrew")
    parser.add_argument("--language", default="he")
    parser.add_argument("--shard", default="0/1", help="k/n: every n-th page from the k-th")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from rich.progress import Progress

    from bench.extraction.run import corpus_folder
    from bench.extraction.scan_vs_pdf import dev_twins
    from invoiceme_common.events import OcrDocument
    from invoiceme_common.sniff import sniff_media_type
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.images import read_image_page
    from invoiceme_ocr.pdf import read_pdf_page
    from invoiceme_ocr.reader import _init_worker
    from tests.corpus.generate import Plan

    _init_worker()
    with Progress(transient=True) as progress:
        corpus = corpus_folder(args.seed, Plan(), progress)
    models = args.models.split(",")
    caches = {model: OcrCache(OcrOptions(hebrew_model=model), CACHE / "ocr") for model in models}
    shard, shards = (int(part) for part in args.shard.split("/"))
    twins = [
        (image_format, *twin)
        for image_format in FORMATS
        for twin in dev_twins(corpus, image_format)
        if twin[0]["language"] == args.language
    ][shard::shards]
    rows = []
    for index, (image_format, truth, pdf, image) in enumerate(twins):
        pdf_page = read_pdf_page(pdf.read_bytes(), 0, OcrOptions())
        pdf_doc = OcrDocument(pages=[pdf_page], media_type="application/pdf")
        data = image.read_bytes()
        row: dict[str, Any] = {"stem": image.stem, "format": image_format, "seed": args.seed}
        for model in models if index % 2 == 0 else models[::-1]:
            started = time.process_time()
            page = read_image_page(data, 0, replace(caches[model].options))
            seconds = time.process_time() - started
            document = OcrDocument(pages=[page], media_type=sniff_media_type(data) or "image/png")
            caches[model].put(data, document)
            right = fields_right(truth, document)
            reference = squeezed(pdf_doc)
            row[model] = {
                "cpu": round(seconds, 3),
                "recall": round(word_recall(text_words(pdf_doc), text_words(document)), 4),
                "cer": round(Levenshtein.distance(reference, squeezed(document)) / max(1, len(reference)), 4),
                "fields": sum(right.values()),
                "of": len(right),
            }
        rows.append(row)
        print(
            f"{row['stem'][:40]:40} "
            + " ".join(
                f"{m}: cpu={row[m]['cpu']:.2f} rec={row[m]['recall']:.3f} cer={row[m]['cer']:.3f} "
                f"f={row[m]['fields']}/{row[m]['of']}"
                for m in models
            ),
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
