"""Which scans enlarging helps: every development clean scan read with the default steps and without
`upscale`, against its born-digital twin, beside the page's measures (letter height, stroke width,
ink darkness, resolution):
`.venv/bin/python -m bench.ocr.scan_trigger [--scan-damage gentle|wide] [--seed S] [--json FILE]`.

Per page: words of the PDF's text layer found in the scan's words (a multiset, so line order does not
matter), fields right (the rules extractor, scored as bench.extraction does). Held-out families are
never read. OCR results go through the bench's OCR cache, so the default variant costs nothing after a
bench run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from bench.extraction.cache import CACHE, OcrCache
from bench.extraction.extract import predict
from bench.extraction.score import SCORED_FIELDS, field_matches

A4_WIDTH_INCHES = 8.27


def text_words(document: Any) -> Counter[str]:
    return Counter(word for page in document.pages for word in page.text.split())


def word_recall(pdf: Counter[str], scan: Counter[str]) -> float:
    return sum((pdf & scan).values()) / max(1, sum(pdf.values()))


def fields_right(truth: dict[str, Any], document: Any) -> dict[str, bool]:
    found = predict(document)  # {} for an unread file: every printed field wrong
    return {
        name: field_matches(name, truth[name], found.get(name))
        for name in SCORED_FIELDS
        if truth.get(name) is not None
    }


def page_measures(gray: np.ndarray) -> dict[str, float | None]:
    from invoiceme_ocr.preprocess import cleanup
    from invoiceme_ocr.preprocess.geometry import ink_mask

    strokes: list[float] = []
    darkness: list[int] = []  # grey levels of the ink (ink10: the level the tried gate used)
    for tile in cleanup.inky_tiles(gray):
        mask = ink_mask(tile)
        distance = cv2.distanceTransform(mask, cv2.DIST_L2, 3)
        ridge = (distance > 0) & (distance >= cv2.dilate(distance, np.ones((3, 3), np.uint8)))
        strokes.extend((2 * distance[ridge]).tolist())
        darkness.extend(tile[mask > 0].tolist())
    return {
        "dpi": round(gray.shape[1] / A4_WIDTH_INCHES),
        "height": cleanup.text_height(gray),
        "stroke": float(np.median(strokes)) if strokes else None,
        "ink": float(np.median(darkness)) if darkness else None,
        "ink10": float(np.percentile(darkness, 10)) if darkness else None,
        "factor": cleanup.upscale_factor(gray, 60e6),
    }


def read(files: list[Path], steps: tuple[str, ...]) -> dict[Path, Any]:
    from bench.extraction.extract import _read_all
    from invoiceme_ocr.engine import OcrOptions

    options = OcrOptions(preprocess_steps=steps)
    cache = OcrCache(options, CACHE / "ocr")
    return asyncio.run(_read_all(files, cache, lambda: None, options))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scan-damage", default="wide", choices=("gentle", "wide"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from rich.progress import Progress

    from bench.extraction.run import corpus_folder
    from bench.extraction.scan_vs_pdf import dev_twins
    from invoiceme_ocr.engine import DEFAULT_STEPS
    from tests.corpus.generate import Plan

    with Progress(transient=True) as progress:
        corpus = corpus_folder(args.seed, replace(Plan(), scan_damage=args.scan_damage), progress)
    twins = dev_twins(corpus, "clean_scan")
    scans = [image for _, _, image in twins]
    pdfs = read([pdf for _, pdf, _ in twins], DEFAULT_STEPS)
    without = read(scans, tuple(s for s in DEFAULT_STEPS if s != "upscale"))
    variants = {"default": read(scans, DEFAULT_STEPS), "no_upscale": without}
    rows = []
    for truth, pdf, image in twins:
        gray = np.asarray(cv2.imread(str(image), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)
        row: dict[str, Any] = {"stem": image.stem, "language": truth["language"], **page_measures(gray)}
        for name, documents in variants.items():
            document = documents[image]
            right = fields_right(truth, document)
            row[name] = {
                "recall": round(word_recall(text_words(pdfs[pdf]), text_words(document)), 4),
                "fields": sum(right.values()),
                "of": len(right),
                "wrong": sorted(field for field, ok in right.items() if not ok),
                "notes": [note for page in document.pages for note in page.notes]
                if not isinstance(document, Exception)
                else [],
            }
        rows.append(row)
        print(
            f"{row['stem'][:34]:34} {row['language']} dpi={row['dpi']:3} "
            + " ".join(
                f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                for k, v in row.items()
                if k not in ("stem", "language", "dpi", "default", "no_upscale")
            )
            + f" | up: {row['default']['recall']:.3f} {row['default']['fields']}/{row['default']['of']}"
            f" no: {row['no_upscale']['recall']:.3f} {row['no_upscale']['fields']}/{row['no_upscale']['of']}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
