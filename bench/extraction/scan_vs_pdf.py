"""Fields a scan (or photo) gets wrong that its born-digital twin gets right, and why:
`.venv/bin/python -m bench.extraction.scan_vs_pdf [--format clean_scan|degraded_photo] [--list N]`.

The corpus renders every imaged document also as a PDF with a text layer, so each scan has a twin
read without OCR. For every field the PDF reads right and the scan does not, the PDF's reading (the
characters of the value and their line) is looked for in the scan's lines and the first damage found
names the cause (scan_causes.py). Development families only: held-out output is never shown.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.extraction.cache import CACHE, OcrCache
from bench.extraction.extract import read_files
from bench.extraction.scan_causes import CAUSES, Miss, classify
from bench.extraction.score import SCORED_FIELDS, field_matches
from tests.corpus.damage import SCAN_DAMAGE
from tests.corpus.generate import SUFFIX, Plan


def dev_twins(corpus: Path, image_format: str) -> list[tuple[dict[str, Any], Path, Path]]:
    """(truth, PDF, image) for every development document that has the image format."""
    twins = []
    for truth_path in sorted(corpus.glob(f"*_{image_format}.truth.json")):
        truth = json.loads(truth_path.read_text())
        if truth["group"] != "dev":
            continue
        stem = truth_path.name.removesuffix(f"_{image_format}.truth.json")
        image = corpus / f"{stem}_{image_format}{SUFFIX[image_format]}"
        pdf = corpus / f"{stem}_born_digital{SUFFIX['born_digital']}"
        if image.exists() and pdf.exists():
            twins.append((truth, pdf, image))
    return twins


def document_misses(
    stem: str, truth: dict[str, Any], pdf_pages: list[Any], scan_pages: list[Any]
) -> list[Miss]:
    """The fields right on the PDF and wrong on the scan, each with its cause."""
    from invoiceme_extractor.rules import read_fields
    from invoiceme_extractor.rules.lines import document_lines

    pdf_found, _ = read_fields(pdf_pages)
    scan_found, _ = read_fields(scan_pages)
    scan_lines = [line.text for line in document_lines(scan_pages)]
    misses = []
    for name in SCORED_FIELDS:
        if truth.get(name) is None or name not in pdf_found:
            continue
        scan = scan_found.get(name)
        scan_value = scan.value if scan is not None else None
        if not field_matches(name, truth[name], pdf_found[name].value) or field_matches(
            name, truth[name], scan_value
        ):
            continue
        found = pdf_found[name]
        cause, scan_text = classify(found.raw, found.line.text, scan_lines)
        pdf_text = f"{found.raw!r} in {found.line.text!r}"
        misses.append(Miss(stem, name, str(truth[name]), str(scan_value), cause, pdf_text, scan_text))
    return misses


def collect(corpus: Path, image_format: str, cache: OcrCache) -> list[Miss]:
    twins = dev_twins(corpus, image_format)
    documents = read_files([path for _, pdf, image in twins for path in (pdf, image)], cache)
    misses = []
    for truth, pdf, image in twins:
        pdf_doc, scan_doc = documents[pdf], documents[image]
        if isinstance(pdf_doc, Exception) or isinstance(scan_doc, Exception):
            continue
        misses += document_misses(image.stem, truth, pdf_doc.pages, scan_doc.pages)
    return misses


def report(misses: list[Miss], listed: int) -> list[str]:
    by_cause = Counter(miss.cause for miss in misses)
    fields = sorted({miss.field for miss in misses}, key=SCORED_FIELDS.index)
    header = f"{'cause':44}" + "".join(f"{name[:9]:>10}" for name in fields) + f"{'all':>6}"
    lines = [header]
    for cause in sorted(CAUSES, key=lambda c: -by_cause[c]):
        if by_cause[cause]:
            counts = Counter(miss.field for miss in misses if miss.cause == cause)
            cells = "".join(f"{counts[name] or '':>10}" for name in fields)
            lines.append(f"{cause:44}{cells}{by_cause[cause]:>6}")
    lines.append(
        f"{'all':44}"
        + "".join(f"{sum(m.field == n for m in misses):>10}" for n in fields)
        + f"{len(misses):>6}"
    )
    if listed:
        lines.append("")
        for miss in misses[:listed]:
            lines.append(
                f"{miss.stem:36} {miss.field:15} [{miss.cause}] truth={miss.truth!r} scan={miss.scan_value!r}"
            )
            lines.append(f"{'':36} pdf {miss.pdf_text}")
            lines.append(f"{'':36} scan {miss.scan_text!r}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--format", default="clean_scan", choices=("clean_scan", "degraded_photo"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--scan-damage", choices=SCAN_DAMAGE, default="wide")
    parser.add_argument("--list", type=int, default=60, help="list up to N misses with their texts")
    args = parser.parse_args()
    from rich.progress import Progress

    from bench.extraction.run import corpus_folder
    from invoiceme_ocr.engine import OcrOptions

    with Progress(transient=True) as progress:
        corpus = corpus_folder(
            args.seed, replace(Plan().scaled(args.scale), scan_damage=args.scan_damage), progress
        )
    misses = collect(corpus, args.format, OcrCache(OcrOptions(), CACHE / "ocr"))
    twins = len(dev_twins(corpus, args.format))
    print(
        f"{args.format}: {twins} development documents, {len(misses)} fields right on the PDF and wrong here"
    )
    print("\n".join(report(misses, args.list)))


if __name__ == "__main__":
    main()
