"""The Hebrew models on real Israeli invoices: ../shared/data/external-dev's hebrew_refaelcodes PDFs
rasterized and read by OCR (their text layer ignored), each Hebrew model in turn:
`.venv/bin/python -m bench.ocr.hebrew_model_external [--models heb,Hebrew]`.

Per file and model: CPU seconds, key values found as printed (vendor, VAT id, invoice number, total,
a Hebrew label: as `bench.ocr.external.hebrew_pdfs` counts them), the words of our repaired text-layer
reading found among the OCR's words, and the character error rate against that reading.
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import replace

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from rapidfuzz.distance import Levenshtein  # noqa: E402

from bench.ocr.external import EXTERNAL, manifest  # noqa: E402
from bench.ocr.scan_trigger import word_recall  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", default="heb,Hebrew")
    args = parser.parse_args()
    from collections import Counter

    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.pdf import read_pdf_page
    from invoiceme_ocr.reader import _init_worker

    _init_worker()
    models = args.models.split(",")
    totals = {model: Counter[str]() for model in models}
    for index, row in enumerate(manifest("hebrew_refaelcodes")):
        data = (EXTERNAL / row["file"]).read_bytes()
        layer = " ".join(read_pdf_page(data, 0, OcrOptions()).text.split())
        expected = [row["vendor"], row["vat_id"], row["invoice_number"], f"{float(row['total_num']):,.2f}"]
        expected.append('סכום ביניים (לפני מע"מ)')
        line = f"{row['file'][20:50]:30}"
        for model in models if index % 2 == 0 else models[::-1]:
            options = OcrOptions(hebrew_model=model, use_text_layer=False)
            started = time.process_time()
            text = " ".join(read_pdf_page(data, 0, replace(options)).text.split())
            seconds = time.process_time() - started
            found = sum(value in text for value in expected)
            recall = word_recall(Counter(layer.split()), Counter(text.split()))
            cer = Levenshtein.distance(layer, text) / max(1, len(layer))
            totals[model].update(
                {"cpu": seconds, "found": found, "of": len(expected), "recall": recall, "cer": cer, "files": 1}
            )
            line += f" {model}: cpu={seconds:.2f} keys={found}/{len(expected)} rec={recall:.3f} cer={cer:.3f}"
        print(line, flush=True)
    for model, total in totals.items():
        files = total["files"]
        print(
            f"{model:12} cpu/page={total['cpu'] / files:.2f} keys={total['found']}/{total['of']}"
            f" recall={total['recall'] / files:.3f} cer={total['cer'] / files:.3f}"
        )


if __name__ == "__main__":
    main()
